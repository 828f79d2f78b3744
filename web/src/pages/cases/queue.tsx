import type { CaseQueue } from '@jaring/cases/cases.schema.ts';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { CaseOriginLine } from '../../components/case-origin.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { caseListTexts } from '../../i18n/case-list.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { unitTime } from './case-view.ts';

/** The cases waiting for the user's roles in their unit, soonest due first. */
export function QueuePage() {
  const { t, lang } = useTexts(casesTexts);
  const queue = useQuery({
    queryKey: ['queue'],
    queryFn: () => get<CaseQueue>('/api/cases'),
    // The staff menu refetches it as soon as a case of the unit changes; this only backs that up.
    refetchInterval: 120_000,
  });
  const more = useTexts(caseListTexts).t;
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('queueTitle')} · {user.unit.name}
            </Title>
            {user.permissions.includes('cases.intake') ? (
              <Button component={Link} to="/staf/permohonan/baru">
                {t('newRequest')}
              </Button>
            ) : null}
          </Group>
          <QueryView query={queue} skeleton="table">
            {({ cases, total }) =>
              cases.length === 0 ? (
                <Text>{t('queueEmpty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  {total > cases.length ? (
                    <Text size="sm" mb="xs" data-testid="queue-more">
                      {more('queueMore', { shown: cases.length, total })}{' '}
                      <Anchor
                        component={Link}
                        to="/staf/permohonan/semua"
                        search={{ queue: 'mine' } as never}
                      >
                        {more('queueSeeAll')}
                      </Anchor>
                    </Text>
                  ) : null}
                  <Table striped highlightOnHover data-testid="queue">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('code')}</Table.Th>
                        <Table.Th>{t('applicant')}</Table.Th>
                        <Table.Th>{t('step')}</Table.Th>
                        <Table.Th>{t('due')}</Table.Th>
                        <Table.Th>{t('status')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {cases.map((c) => (
                        <Table.Tr key={c.id} bg={c.overdue ? 'var(--mantine-color-red-0)' : undefined}>
                          <Table.Td>
                            <Anchor component={Link} to={`/staf/permohonan/${c.id}`} ff="monospace">
                              {c.trackingCode}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            {c.applicantName}
                            <CaseOriginLine origin={c.origin} size="xs" />
                          </Table.Td>
                          <Table.Td>
                            {c.stepLabel}
                            {c.priority !== null ? (
                              <Text size="xs" c="dimmed" data-testid="queue-priority">
                                {t('priorityIs', { value: c.priority })}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            {unitTime(c.dueAt, lang, user.unit.timeZone)}{' '}
                            {c.overdue ? (
                              <Badge color="red">{t('overdue')}</Badge>
                            ) : c.dueSoon ? (
                              <Badge color="orange">{t('dueSoon')}</Badge>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <StatusBadge status={c.status} />{' '}
                            {c.assigneeId !== null ? <Badge variant="outline">{t('claimed')}</Badge> : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
