import type { SessionAnswer, UnitList } from '@jaring/auth/auth.schema.ts';
import { isStaffRole, RoleLabels } from '@jaring/auth/roles.ts';
import { Badge, Card, NavLink, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { staffTexts } from '../../i18n/staff.ts';
import type { Text as Label } from '../../i18n/texts.ts';
import type { Home, SessionUser } from '../../types.ts';

function roleNames(roles: string[], pick: (label: Label) => string) {
  return roles.map((r) => (isStaffRole(r) ? pick(RoleLabels[r]) : r)).join(', ');
}

function UnitSwitch({ user }: { user: SessionUser }) {
  const { t } = useTexts(staffTexts);
  const client = useQueryClient();
  const units = useQuery({
    queryKey: ['units-admin'],
    queryFn: () => get<UnitList>('/api/units'),
  });
  const change = useMutation<SessionAnswer, ApiError, string>({
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

/** The staff home: who and where one works, the office's figures and the menu. */
export function StaffHomePage() {
  const { t, pick } = useTexts(staffTexts);
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
                  <nav aria-label={t('menu')}>
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
