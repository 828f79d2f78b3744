import type { Published } from '@jaring/standards/standards.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { portalTexts } from '../../i18n/portal.ts';
import { staffTexts } from '../../i18n/staff.ts';
import type { StaffStandard } from '../../types.ts';

/** The standards' vocabulary of the portal and the staff page's own texts. */
const texts = { ...portalTexts, ...staffTexts };

/** The office's standards with their revisions, and publishing a new one from YAML. */
export function StaffStandardsPage() {
  const { t, lang } = useTexts(texts);
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['staff-standards'],
    queryFn: () => get<{ standards: StaffStandard[] }>('/api/staff/standards'),
  });
  const [yaml, setYaml] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const publish = useMutation<Published, ApiError>({
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
