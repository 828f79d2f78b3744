import type { ComplaintStats, StatsFigures, StatsRow } from '@jaring/complaints/complaint-stats.schema.ts';
import type { BreachList } from '@jaring/complaints/complaints.schema.ts';
import { Anchor, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { get } from '../../api.ts';
import { DownloadButton } from '../../components/download-button.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { complaintStatsTexts } from '../../i18n/complaint-stats.ts';
import { complaintTexts } from '../../i18n/complaints.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { locale } from '../../i18n/texts.ts';
import { StatsCharts } from './stats-charts.tsx';

const month = (d: Date) => d.toISOString().slice(0, 7);

/** One grouping as a table: a row per group, the figures of Pasal 37(3) across. */
function FiguresTable({
  title,
  rows,
  label,
  testId,
}: {
  title: string;
  rows: Array<{ label: string; figures: StatsFigures }>;
  label: string;
  testId: string;
}) {
  const { t, lang } = useTexts(complaintStatsTexts);
  const n = (v: number | null) => (v === null ? '—' : v.toLocaleString(locale(lang)));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">{t('noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{label}</Table.Th>
                <Table.Th ta="right">{t('received')}</Table.Th>
                <Table.Th ta="right">{t('complete')}</Table.Th>
                <Table.Th ta="right">{t('decided')}</Table.Th>
                <Table.Th ta="right">{t('decidedInTime')}</Table.Th>
                <Table.Th ta="right">{t('medianDays')}</Table.Th>
                <Table.Th ta="right">{t('p90Days')}</Table.Th>
                <Table.Th ta="right">{t('transferred')}</Table.Th>
                <Table.Th ta="right">{t('withdrawn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.label}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.received)}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.complete)}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.decided)}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.decidedInTime)}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.medianDaysToDecision)}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.p90DaysToDecision)}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.transferred)}</Table.Td>
                  <Table.Td ta="right">{n(r.figures.withdrawn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The timers that ran out, as the sweep recorded them. */
function Breaches({ timeZone }: { timeZone: string }) {
  const { t, lang } = useTexts(complaintStatsTexts);
  const c = useTexts(complaintTexts).t;
  const list = useQuery({
    queryKey: ['complaint-breaches'],
    queryFn: () => get<BreachList>('/api/complaints/breaches'),
  });
  const when = (iso: string) =>
    formatDateTime(new Date(Date.parse(iso) - 1).toISOString(), lang, { dateStyle: 'medium', timeZone });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('breachesTitle')}
      </Title>
      <QueryView query={list} skeleton="table">
        {({ breaches }) =>
          breaches.length === 0 ? (
            <Text size="sm">{t('breachesEmpty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped data-testid="complaint-breaches">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('complaintCode')}</Table.Th>
                    <Table.Th>{t('breachTimer')}</Table.Th>
                    <Table.Th>{t('breachDue')}</Table.Th>
                    <Table.Th>{t('breachRecorded')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {breaches.map((b) => (
                    <Table.Tr key={`${b.complaintId}:${b.timer}`}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/staf/pengaduan/${b.complaintId}`}
                          ff="monospace"
                          size="sm"
                        >
                          {b.trackingCode}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{c(`timer_${b.timer}`)}</Table.Td>
                      <Table.Td>{when(b.dueAt)}</Table.Td>
                      <Table.Td>
                        {formatDateTime(b.recordedAt, lang, { dateStyle: 'medium', timeZone })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Paper>
  );
}

/** Complaint statistics of the unit (Pasal 37(3)): charts, tables per grouping, XLSX and PDF. */
export function ComplaintStatsPage() {
  const { t, lang } = useTexts(complaintStatsTexts);
  const c = useTexts(complaintTexts).t;
  const now = new Date();
  const [from, setFrom] = useState(`${now.getFullYear()}-01`);
  const [to, setTo] = useState(month(now));
  const valid = /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to) && from <= to;
  const params = `from=${from}&to=${to}`;
  const query = useQuery({
    queryKey: ['complaint-stats', from, to],
    queryFn: () => get<ComplaintStats>(`/api/complaints/stats?${params}`),
    enabled: valid,
  });
  const monthName = (key: string | null) =>
    key
      ? new Date(`${key}-01T00:00:00`).toLocaleDateString(locale(lang), { month: 'long', year: 'numeric' })
      : '—';
  const rowsOf = (list: StatsRow[], label: (r: StatsRow) => string) =>
    list.map((r) => ({ label: label(r), figures: r }));
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Anchor component={Link} to="/staf/pengaduan" size="sm">
            ← {c('backToList')}
          </Anchor>
          <Title order={1} size="h2">
            {t('statsTitle')} · {user.unit.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('statsIntro')} {t('statsChartsNote')}
          </Text>
          <Group align="end">
            <TextInput
              type="month"
              label={t('statsFrom')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data-testid="stats-from"
            />
            <TextInput
              type="month"
              label={t('statsTo')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              data-testid="stats-to"
            />
            <DownloadButton
              href={`/api/complaints/stats.xlsx?${params}&lang=${lang}`}
              testId="stats-xlsx"
              disabled={!valid}
            >
              {t('statsXlsx')}
            </DownloadButton>
            <DownloadButton
              href={`/api/complaints/stats.pdf?${params}&lang=${lang}`}
              testId="stats-pdf"
              disabled={!valid}
            >
              {t('statsPdf')}
            </DownloadButton>
          </Group>
          <QueryView query={query} skeleton="table">
            {(s) => (
              <Stack>
                <StatsCharts
                  stats={s}
                  t={t}
                  className={(k) => c(`class_${k}`)}
                  channelName={(k) => c(`channel_${k}` as 'channel_form')}
                  localeTag={locale(lang)}
                />
                <FiguresTable
                  title={t('statsTotal')}
                  label={t('group')}
                  rows={[{ label: s.unit, figures: s.total }]}
                  testId="stats-total"
                />
                <FiguresTable
                  title={t('byMonth')}
                  label={t('group')}
                  rows={rowsOf(s.byMonth, (r) => monthName(r.key))}
                  testId="stats-month"
                />
                <FiguresTable
                  title={t('byService')}
                  label={t('group')}
                  rows={rowsOf(s.byService, (r) => r.label ?? t('noService'))}
                  testId="stats-service"
                />
                <FiguresTable
                  title={t('byChannel')}
                  label={t('group')}
                  rows={rowsOf(s.byChannel, (r) => c(`channel_${r.key}` as 'channel_form'))}
                  testId="stats-channel"
                />
                <FiguresTable
                  title={t('byClass')}
                  label={t('group')}
                  rows={rowsOf(s.byClass, (r) => c(`class_${r.key}` as 'class_pengaduan'))}
                  testId="stats-class"
                />
                <FiguresTable
                  title={t('byStatus')}
                  label={t('group')}
                  rows={rowsOf(s.byStatus, (r) => c(`status_${r.key}` as 'status_received'))}
                  testId="stats-status"
                />
              </Stack>
            )}
          </QueryView>
          <Breaches timeZone={user.unit.timeZone} />
        </Stack>
      )}
    </RequireSession>
  );
}
