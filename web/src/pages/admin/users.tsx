import { isStaffRole, RoleLabels } from '@jaring/auth/roles.ts';
import type { UnitDivisionSettings, UnitUser, UnitUserList } from '@jaring/auth/users.schema.ts';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ApiError, get, patch, put } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { adminTexts } from '../../i18n/admin.ts';
import { useTexts } from '../../i18n/i18n.tsx';

type Form = Record<'name' | 'nip' | 'rank' | 'position' | 'division' | 'acting', string>;

const formOf = (u: UnitUser): Form => ({
  name: u.name,
  nip: u.nip ?? '',
  rank: u.rank ?? '',
  position: u.position ?? '',
  division: u.division?.code ?? '',
  acting: u.acting ?? '',
});

/** The edit form of one user's official data; blank fields clear what was recorded. */
function UserForm({ user, list, onDone }: { user: UnitUser; list: UnitUserList; onDone: () => void }) {
  const { t } = useTexts(adminTexts);
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(formOf(user));
  const field = (key: keyof Form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });
  const save = useMutation<UnitUser, ApiError>({
    mutationFn: () =>
      patch(`/api/units/current/users/${user.id}`, {
        ...form,
        division: form.division || null,
        acting: form.acting || null,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['unit-users'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const problem = (path: string) => save.error?.problems.find((p) => p.path === `body.${path}`)?.message;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="edit-user-title">
      <form onSubmit={submit} data-testid="user-form">
        <Stack>
          <Title order={2} size="h4" id="edit-user-title">
            {t('editUser', { name: user.name })}
          </Title>
          <TextInput label={t('name')} required {...field('name')} error={problem('name')} />
          <TextInput
            label={t('nip')}
            description={t('nipHint')}
            inputMode="numeric"
            {...field('nip')}
            error={problem('nip')}
          />
          <TextInput
            label={t('rank')}
            description={t('rankHint')}
            {...field('rank')}
            error={problem('rank')}
          />
          <TextInput label={t('position')} {...field('position')} error={problem('position')} />
          <Select
            label={t('division')}
            data={[
              { value: '', label: t('noDivision') },
              ...list.divisions.map((d) => ({ value: d.code, label: d.name })),
            ]}
            value={form.division}
            onChange={(v) => setForm((f) => ({ ...f, division: v ?? '' }))}
            allowDeselect={false}
          />
          <Select
            label={t('acting')}
            data={[
              { value: '', label: t('actingNone') },
              { value: 'Plt.', label: t('actingPlt') },
              { value: 'Plh.', label: t('actingPlh') },
            ]}
            value={form.acting}
            onChange={(v) => setForm((f) => ({ ...f, acting: v ?? '' }))}
            allowDeselect={false}
          />
          {save.isError ? (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Whether the unit's divisions scope its services' steps (a small office has one head for all). */
function DivisionSetting() {
  const { t } = useTexts(adminTexts);
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: ['unit-divisions'],
    queryFn: () => get<UnitDivisionSettings>('/api/units/current/divisions'),
  });
  const change = useMutation<UnitDivisionSettings, ApiError, boolean>({
    mutationFn: (oneHeadForAllDivisions) => put('/api/units/current/divisions', { oneHeadForAllDivisions }),
    onSuccess: (res) => client.setQueryData(['unit-divisions'], res),
  });
  return (
    <QueryView query={settings}>
      {(s) => (
        <Stack gap="xs">
          <Checkbox
            label={t('oneHeadForAll')}
            checked={change.isPending ? change.variables : s.oneHeadForAllDivisions}
            disabled={change.isPending}
            onChange={(e) => change.mutate(e.currentTarget.checked)}
            data-testid="one-head-for-all"
          />
          {change.isError ? (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          ) : null}
        </Stack>
      )}
    </QueryView>
  );
}

/** Pengguna dan bidang: the unit's users, their official data and division, editable by the admin. */
export function UsersPage() {
  const { t, pick } = useTexts(adminTexts);
  const [editing, setEditing] = useState<number | null>(null);
  const users = useQuery({
    queryKey: ['unit-users'],
    queryFn: () => get<UnitUserList>('/api/units/current/users'),
  });
  const missing = (
    <Text span c="dimmed" fs="italic">
      {t('missing')}
    </Text>
  );
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('usersTitle')} · {user.unit.name}
          </Title>
          <Text size="sm">{t('usersIntro')}</Text>
          {user.permissions.includes('units.manage') ? <DivisionSetting /> : null}
          <QueryView query={users}>
            {(list) => {
              const selected = list.users.find((u) => u.id === editing);
              return (
                <Stack>
                  {selected ? (
                    <UserForm key={selected.id} user={selected} list={list} onDone={() => setEditing(null)} />
                  ) : null}
                  <Table.ScrollContainer minWidth={820}>
                    <Table striped data-testid="unit-users">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('name')}</Table.Th>
                          <Table.Th>{t('nip')}</Table.Th>
                          <Table.Th>{t('rank')}</Table.Th>
                          <Table.Th>{t('position')}</Table.Th>
                          <Table.Th>{t('division')}</Table.Th>
                          <Table.Th>{t('roles')}</Table.Th>
                          <Table.Th />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {list.users.map((u) => (
                          <Table.Tr key={u.id}>
                            <Table.Td>
                              {u.name}
                              <Text size="xs" c="dimmed">
                                {u.username}
                              </Text>
                            </Table.Td>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.nip ?? missing}</Table.Td>
                            <Table.Td>{u.rank ?? missing}</Table.Td>
                            <Table.Td>
                              {u.position ? `${u.acting ? `${u.acting} ` : ''}${u.position}` : missing}
                            </Table.Td>
                            <Table.Td>{u.division?.name ?? '—'}</Table.Td>
                            <Table.Td>
                              <Group gap={4}>
                                {u.roles.map((r) => (
                                  <Badge key={r} variant="light" size="sm">
                                    {isStaffRole(r) ? pick(RoleLabels[r]) : r}
                                  </Badge>
                                ))}
                              </Group>
                            </Table.Td>
                            <Table.Td>
                              <Button
                                size="xs"
                                variant="light"
                                onClick={() => setEditing(u.id)}
                                aria-label={t('editUser', { name: u.name })}
                              >
                                {t('edit')}
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              );
            }}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
