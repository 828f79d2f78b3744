import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  NavLink,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { isStaffRole, RoleLabels } from '../../../src/auth/roles.ts';
import { type ApiError, get, post } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.ts';
import type { Home, SessionUser, StaffStandard } from '../types.ts';
import { formatDate, QueryView } from '../ui.tsx';

/**
 * Renders children only for a signed-in user; sends others to the sign-in page, and a user who
 * must first set up an authenticator app to the account page (unless `enrolment` says this is it).
 */
export function RequireSession({
  children,
  enrolment = false,
}: {
  children: (user: SessionUser) => ReactNode;
  enrolment?: boolean;
}) {
  const session = useSession();
  return (
    <QueryView query={session}>
      {(user) => {
        if (!user) return <Navigate to="/masuk" />;
        if (!enrolment && user.totp.required && !user.totp.enabled) return <Navigate to="/staf/akun" />;
        return children(user);
      }}
    </QueryView>
  );
}

function roleNames(roles: string[], pick: (t: { id: string; en: string }) => string) {
  return roles.map((r) => (isStaffRole(r) ? pick(RoleLabels[r]) : r)).join(', ');
}

function UnitSwitch({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const units = useQuery({
    queryKey: ['units-admin'],
    queryFn: () => get<{ units: Array<{ code: string; name: string }> }>('/api/units'),
  });
  const change = useMutation<{ user: SessionUser }, ApiError, string>({
    mutationFn: (unitCode) => post('/api/auth/unit', { unitCode }),
    onSuccess: ({ user: u }) => {
      client.setQueryData(['me'], u);
      void client.invalidateQueries({ queryKey: ['home'] });
      void client.invalidateQueries({ queryKey: ['staff-standards'] });
    },
  });
  return (
    <Select
      label={t('switchUnit')}
      data-testid="unit-switch"
      data={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
      value={user.unit.code}
      onChange={(v) => v && change.mutate(v)}
      allowDeselect={false}
      maw={420}
      error={change.error?.message}
    />
  );
}

export function StaffHomePage() {
  const { t, pick } = useI18n();
  const home = useQuery({ queryKey: ['home'], queryFn: () => get<Home>('/api/home') });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <div>
            <Text c="dimmed" size="sm">
              {t('staffArea')}
            </Text>
            <Title order={1} data-testid="welcome">
              {t('welcome')}, {user.name}
            </Title>
            <Text>
              {roleNames(user.roles, pick)} · <span data-testid="active-unit">{user.unit.name}</span>
            </Text>
          </div>
          {user.permissions.includes('units.switch') ? <UnitSwitch user={user} /> : null}
          <QueryView query={home}>
            {(h) => (
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {h.stats.map((s) => (
                    <Card key={s.key} withBorder>
                      <Text size="sm" c="dimmed">
                        {pick(s.label)}
                      </Text>
                      <Text fz={32} fw={700}>
                        {s.value}
                      </Text>
                    </Card>
                  ))}
                </SimpleGrid>
                <Paper withBorder p="sm" radius="md">
                  <nav aria-label="menu">
                    {h.nav.map((n) =>
                      n.available ? (
                        <NavLink key={n.key} component={Link} to={n.path} label={pick(n.label)} />
                      ) : (
                        <NavLink
                          key={n.key}
                          label={pick(n.label)}
                          disabled
                          rightSection={
                            <Badge size="xs" color="gray">
                              {t('soon')}
                            </Badge>
                          }
                        />
                      ),
                    )}
                  </nav>
                </Paper>
              </Stack>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}

export function StaffStandardsPage() {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['staff-standards'],
    queryFn: () => get<{ standards: StaffStandard[] }>('/api/staff/standards'),
  });
  const [yaml, setYaml] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const publish = useMutation<{ id: string; revision: string }, ApiError>({
    mutationFn: () => post('/api/staff/standards', { yaml, ...(fileName ? { fileName } : {}) }),
    onSuccess: () => {
      setYaml('');
      setFileName(undefined);
      void client.invalidateQueries({ queryKey: ['staff-standards'] });
    },
  });
  const onFile = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    setYaml(await file.text());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate();
  };
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('standardsStaff')} · {user.unit.name}
          </Title>
          <QueryView query={list}>
            {({ standards }) => (
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('servicesOf')}</Table.Th>
                      <Table.Th>{t('division')}</Table.Th>
                      <Table.Th>{t('revisions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {standards.map((s) => (
                      <Table.Tr key={s.id} data-testid={`staff-standard-${s.id}`}>
                        <Table.Td>
                          <Anchor component={Link} to={`/layanan/${user.unit.code}/${s.id}`}>
                            {s.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{s.division.name}</Table.Td>
                        <Table.Td>
                          <List size="sm">
                            {s.revisions.map((r) => (
                              <List.Item key={r.revision}>
                                {r.revision} · {formatDate(r.publishedAt, lang)}{' '}
                                <Badge size="xs" color={r.inForce ? 'green' : 'gray'}>
                                  {r.inForce ? t('inForce') : t('notInForce')}
                                </Badge>
                              </List.Item>
                            ))}
                          </List>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
          {user.permissions.includes('standards.publish') ? (
            <Paper withBorder p="md" radius="md">
              <form onSubmit={submit}>
                <Stack>
                  <Title order={2} size="h4">
                    {t('upload')}
                  </Title>
                  <FileInput
                    label={t('uploadFile')}
                    accept=".yaml,.yml"
                    onChange={(f) => void onFile(f)}
                    clearable
                  />
                  <Textarea
                    label={t('orPaste')}
                    autosize
                    minRows={6}
                    maxRows={20}
                    value={yaml}
                    onChange={(e) => setYaml(e.currentTarget.value)}
                    styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
                  />
                  {publish.isSuccess ? (
                    <Alert color="green" role="status">
                      {t('published')}: {publish.data.id}, {t('revision')} {publish.data.revision}
                    </Alert>
                  ) : null}
                  {publish.isError ? (
                    <Alert color="red" role="alert" title={publish.error.message} data-testid="publish-error">
                      {publish.error.problems.length > 0 ? (
                        <List size="sm">
                          {publish.error.problems.map((p) => (
                            <List.Item key={`${p.line}-${p.path}-${p.message}`}>
                              <code>
                                {p.file ? `${p.file}${p.line ? `:${p.line}` : ''} ` : ''}
                                {p.path}
                              </code>
                              : {p.message}
                            </List.Item>
                          ))}
                        </List>
                      ) : null}
                    </Alert>
                  ) : null}
                  <Group>
                    <Button type="submit" disabled={!yaml.trim()} loading={publish.isPending}>
                      {t('publish')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Paper>
          ) : null}
        </Stack>
      )}
    </RequireSession>
  );
}
