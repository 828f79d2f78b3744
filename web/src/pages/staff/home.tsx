import type { SessionAnswer, UnitList } from '@jaring/auth/auth.schema.ts';
import { isStaffRole, RoleLabels } from '@jaring/auth/roles.ts';
import { Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { staffTexts } from '../../i18n/staff.ts';
import type { Text as Label } from '../../i18n/texts.ts';
import type { Home, SessionUser } from '../../types.ts';
import { FigureCard, WorkCounts } from './work-counts.tsx';

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

/** The staff home: who and where one works, the work waiting, the office's figures (the menu is the shell's). */
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
                <WorkCounts work={h.work} />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {h.stats.map((s) => (
                    <FigureCard key={s.key} label={pick(s.label)} value={s.value} />
                  ))}
                </SimpleGrid>
              </Stack>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
