import type { ServiceSla } from '@jaring/cases/cases.schema.ts';
import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { reportsTexts } from '../../i18n/reports.ts';

const monthStart = () => `${new Date().toISOString().slice(0, 8)}01`;
const today = () => new Date().toISOString().slice(0, 10);

/** Time limits per service: how many, how many within time, how long (median, p90). */
export function SlaReportPage() {
  const { t } = useTexts(reportsTexts);
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const report = useQuery({
    queryKey: ['sla', from, to],
    queryFn: () => get<{ services: ServiceSla[] }>(`/api/reports/sla?from=${from}&to=${to}`),
  });
  const minutes = (m: number | null) =>
    m === null ? '—' : m < 120 ? t('minutes', { n: m }) : t('hours', { n: (m / 60).toFixed(1) });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('slaTitle')} · {user.unit.name}
          </Title>
          <Group>
            <TextInput
              type="date"
              label={t('from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
          </Group>
          <QueryView query={report} skeleton="table">
            {({ services }) =>
              services.length === 0 ? (
                <Text>{t('noRequests')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped data-testid="sla-report">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('service')}</Table.Th>
                        <Table.Th>{t('requests')}</Table.Th>
                        <Table.Th>{t('closed')}</Table.Th>
                        <Table.Th>{t('breached')}</Table.Th>
                        <Table.Th title={t('withinTimeHint')}>{t('withinTime')}</Table.Th>
                        <Table.Th>{t('median')}</Table.Th>
                        <Table.Th>{t('p90')}</Table.Th>
                        <Table.Th title={t('pausedCasesHint')}>{t('pausedCases')}</Table.Th>
                        <Table.Th>{t('pausedTotal')}</Table.Th>
                        <Table.Th>{t('pausedMedian')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {services.map((s) => (
                        <Table.Tr key={s.standard}>
                          <Table.Td>{s.name}</Table.Td>
                          <Table.Td>{s.cases}</Table.Td>
                          <Table.Td>{s.closed}</Table.Td>
                          <Table.Td>{s.breached}</Table.Td>
                          <Table.Td>
                            {s.withinTimeShare === null ? '—' : `${Math.round(s.withinTimeShare * 100)}%`}
                          </Table.Td>
                          <Table.Td>{minutes(s.medianMinutes)}</Table.Td>
                          <Table.Td>{minutes(s.p90Minutes)}</Table.Td>
                          <Table.Td data-testid="sla-paused-cases">{s.pausedCases}</Table.Td>
                          <Table.Td data-testid="sla-paused-total">
                            {s.pausedCases === 0 ? '—' : minutes(s.pausedMinutesTotal)}
                          </Table.Td>
                          <Table.Td>{minutes(s.medianPausedMinutes)}</Table.Td>
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
