import type { RequestAgeReport, RequestStatusFilter } from '@jaring/logistics/reports.schema.ts';
import { Anchor, Badge, Box, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { get } from '../../api.ts';
import { DeadlineBadge } from '../../components/deadline-badge.tsx';
import { DownloadButton } from '../../components/download-button.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { logisticsReportsTexts } from '../../i18n/logistics-reports.ts';
import { EmergencySelect, LogisticsNav } from './logistics-shared.tsx';

const filters: RequestStatusFilter[] = ['waiting', 'closed', 'all'];

function StepTable({ steps }: { steps: RequestAgeReport['steps'] }) {
  const { t } = useTexts(logisticsReportsTexts);
  return (
    <>
      <Stack gap={6} hiddenFrom="sm" data-testid="step-list">
        {steps.map((s) => (
          <div key={`${s.status}${s.step ?? ''}`}>
            {s.step ? <Text size="sm">{s.step}</Text> : <StatusBadge status={s.status} />}
            <Text size="xs" c={s.overdue > 0 ? 'red' : 'dimmed'}>
              {t('stepFigures', { count: s.count, overdue: s.overdue, oldest: s.oldestDays })}
            </Text>
          </div>
        ))}
      </Stack>
      <Table withTableBorder visibleFrom="sm" data-testid="step-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('step')}</Table.Th>
            <Table.Th ta="right">{t('count')}</Table.Th>
            <Table.Th ta="right">{t('overdueCount')}</Table.Th>
            <Table.Th ta="right">{t('oldest')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((s) => (
            <Table.Tr key={`${s.status}${s.step ?? ''}`} data-testid="step-count">
              <Table.Td>{s.step ?? <StatusBadge status={s.status} />}</Table.Td>
              <Table.Td ta="right">{s.count}</Table.Td>
              <Table.Td ta="right" c={s.overdue > 0 ? 'red' : undefined}>
                {s.overdue}
              </Table.Td>
              <Table.Td ta="right">{s.oldestDays}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** The request's priority, and the Kepala Bidang's decision against the deadline it sets. */
function DecisionDeadline({ deadline }: { deadline: RequestAgeReport['requests'][number]['deadline'] }) {
  const { t, lang } = useTexts(logisticsReportsTexts);
  if (!deadline) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2} align="start">
      <Text size="sm">
        {deadline.answered ? deadline.valueLabel : t('priorityDefault', { value: deadline.valueLabel })}
      </Text>
      <DeadlineBadge status={deadline.status} />
      {deadline.status === 'ended' ? null : (
        <Text size="xs" c="dimmed">
          {t(deadline.decidedAt ? 'decidedOn' : 'decisionBy', {
            at: formatDateTime(deadline.decidedAt ?? deadline.dueAt, lang, { dateStyle: 'medium' }),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** On a phone: one card per request, oldest first, instead of a wide table. */
function RequestCards({ report }: { report: RequestAgeReport }) {
  const { t, lang } = useTexts(logisticsReportsTexts);
  return (
    <Stack gap="xs" hiddenFrom="sm" data-testid="request-cards">
      {report.requests.map((r) => (
        <Paper
          key={r.caseId}
          withBorder
          p="sm"
          data-testid="request-card"
          data-overdue={r.overdue ? 'true' : 'false'}
          bg={r.overdue ? 'var(--mantine-color-red-light)' : undefined}
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/staf/permohonan/${r.caseId}`} fw={600}>
              {r.trackingCode}
            </Anchor>
            <StatusBadge status={r.status} />
          </Group>
          <Text size="sm">{r.applicant}</Text>
          <Text size="sm" c="dimmed">
            {[r.area?.name, r.regency?.name !== r.area?.name ? r.regency?.name : null, r.emergency?.disaster]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {r.step ? <Text size="sm">{r.step}</Text> : null}
          {r.deadline ? (
            <Group gap="xs" align="start">
              <Text size="sm">{t('priority')}:</Text>
              <DecisionDeadline deadline={r.deadline} />
            </Group>
          ) : null}
          <Text size="sm">
            {t('age')}: {t('days', { n: r.ageDays })}
            {r.daysAtStep === null ? '' : ` · ${t('atStep')}: ${t('days', { n: r.daysAtStep })}`}
          </Text>
          <Group gap="xs">
            <Text size="sm">
              {t('due')}: {r.due ? formatDate(r.due, lang) : '—'}
            </Text>
            {r.overdue ? (
              <Badge color="red" size="sm">
                {t('overdue')}
              </Badge>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function RequestsTable({ report }: { report: RequestAgeReport }) {
  const { t, lang } = useTexts(logisticsReportsTexts);
  return (
    <Box visibleFrom="sm">
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid="request-ages">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('request')}</Table.Th>
              <Table.Th>{t('area')}</Table.Th>
              <Table.Th>{t('emergency')}</Table.Th>
              <Table.Th>{t('step')}</Table.Th>
              <Table.Th>{t('received_on')}</Table.Th>
              <Table.Th ta="right">{t('age')}</Table.Th>
              <Table.Th ta="right">{t('atStep')}</Table.Th>
              <Table.Th>{t('due')}</Table.Th>
              <Table.Th>{t('priority')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.requests.map((r) => (
              <Table.Tr
                key={r.caseId}
                data-testid="request-age"
                data-overdue={r.overdue ? 'true' : 'false'}
                bg={r.overdue ? 'var(--mantine-color-red-light)' : undefined}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/staf/permohonan/${r.caseId}`} fw={600}>
                    {r.trackingCode}
                  </Anchor>
                  <Text size="sm">{r.applicant}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.area?.name ?? '—'}</Text>
                  {r.regency && r.regency.name !== r.area?.name ? (
                    <Text size="xs" c="dimmed">
                      {r.regency.name}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.emergency?.disaster ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="start">
                    <StatusBadge status={r.status} />
                    {r.step ? <Text size="sm">{r.step}</Text> : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(r.openedAt, lang, { dateStyle: 'medium' })}</Text>
                </Table.Td>
                <Table.Td ta="right" data-testid="age-days">
                  {t('days', { n: r.ageDays })}
                </Table.Td>
                <Table.Td ta="right" data-testid="days-at-step">
                  {r.daysAtStep === null ? '—' : t('days', { n: r.daysAtStep })}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.due ? formatDate(r.due, lang) : '—'}</Text>
                  {r.overdue ? (
                    <Badge color="red" size="sm" data-testid="overdue">
                      {t('overdue')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td data-testid="request-priority">
                  <DecisionDeadline deadline={r.deadline} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

/** Relief requests by step and age, oldest first, those past the standard's time limit flagged. */
export function RequestAgesPage() {
  const { t } = useTexts(logisticsReportsTexts);
  const [status, setStatus] = useState<RequestStatusFilter>('waiting');
  const [emergencyId, setEmergencyId] = useState('');
  const query = `?status=${status}${emergencyId ? `&emergencyId=${emergencyId}` : ''}`;
  const report = useQuery({
    queryKey: ['logistics', 'requests', status, emergencyId],
    queryFn: () => get<RequestAgeReport>(`/api/logistics/requests${query}`),
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('requestsTitle')} · {user.unit.name}
          </Title>
          <LogisticsNav />
          <Group align="end" justify="space-between" wrap="wrap">
            <Group align="end" wrap="wrap">
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {t('show')}
                </Text>
                <SegmentedControl
                  value={status}
                  onChange={(v) => setStatus(v as RequestStatusFilter)}
                  data={filters.map((f) => ({ value: f, label: t(`show_${f}`) }))}
                  data-testid="status-filter"
                />
              </Stack>
              <EmergencySelect value={emergencyId} onChange={setEmergencyId} />
            </Group>
            <DownloadButton href={`/api/logistics/requests.xlsx${query}`} testId="requests-xlsx">
              {t('downloadXlsx')}
            </DownloadButton>
          </Group>
          <QueryView query={report} skeleton="table">
            {(r) =>
              r.requests.length === 0 ? (
                <Text c="dimmed">{t('noRequests')}</Text>
              ) : (
                <Stack>
                  {r.timeLimit ? (
                    <Text size="sm" c="dimmed">
                      {t('requestsIntro', { limit: r.timeLimit })}
                    </Text>
                  ) : null}
                  <Paper withBorder p="md">
                    <Title order={2} size="h4" mb="xs">
                      {t('byStep')}
                    </Title>
                    <StepTable steps={r.steps} />
                  </Paper>
                  <RequestCards report={r} />
                  <RequestsTable report={r} />
                </Stack>
              )
            }
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
