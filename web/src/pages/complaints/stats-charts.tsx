import type { ComplaintStats } from '@jaring/complaints/complaint-stats.schema.ts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ChartTable, HiddenBarChart } from '../../components/hidden-chart.tsx';

const classColours = {
  pengaduan: 'teal.6',
  aspirasi: 'blue.6',
  permintaan_informasi: 'grape.6',
} as const;
export type ClassKey = keyof typeof classColours;
const classes = Object.keys(classColours) as ClassKey[];

function ChartPaper({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId} style={{ minWidth: 0 }}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The words the charts show, from the page (so that this chunk carries no text of its own). */
export type ChartWord =
  | 'chartEmpty'
  | 'chartMonthlyTitle'
  | 'chartMonthlyCaption'
  | 'chartMonth'
  | 'chartTotal'
  | 'chartTimelyTitle'
  | 'chartTimelyCaption'
  | 'chartLate'
  | 'chartNoDecision'
  | 'chartChannelTitle'
  | 'chartChannel'
  | 'decidedInTime'
  | 'received';

/**
 * The statistics as three charts: complaints received per month stacked by kind, decisions in
 * time against late per month, and complaints per channel. Each drawing is aria-hidden with a
 * visually hidden table of the same numbers beside it; the full figures stay in the tables.
 */
export function StatsCharts({
  stats,
  t,
  className,
  channelName,
  localeTag,
}: {
  stats: ComplaintStats;
  t: (word: ChartWord) => string;
  className: (kind: ClassKey) => string;
  channelName: (channel: string) => string;
  /** A BCP 47 tag for numbers and month names. */
  localeTag: string;
}) {
  const monthName = (key: string) =>
    new Date(`${key}-01T00:00:00`).toLocaleDateString(localeTag, { month: 'short', year: '2-digit' });
  const monthLong = (key: string) =>
    new Date(`${key}-01T00:00:00`).toLocaleDateString(localeTag, { month: 'long', year: 'numeric' });
  if (stats.total.received === 0)
    return (
      <Text size="sm" data-testid="stats-charts-empty">
        {t('chartEmpty')}
      </Text>
    );

  const monthly = stats.byMonth.map((m) => {
    const row: Record<string, string | number> = { month: monthName(m.key ?? '') };
    for (const k of classes)
      row[k] = stats.byMonthAndClass.find((x) => x.month === m.key && x.class === k)?.received ?? 0;
    return row;
  });
  const shownClasses = classes.filter((k) => stats.byClass.some((r) => r.key === k));
  const timely = stats.byMonth.map((m) => ({
    month: monthName(m.key ?? ''),
    inTime: m.decidedInTime,
    late: m.decided - m.decidedInTime,
  }));
  const channels = stats.byChannel.map((r) => ({
    key: r.key ?? '',
    name: channelName(r.key ?? ''),
    received: r.received,
  }));
  const common = {
    dataKey: 'month',
    type: 'stacked' as const,
    withLegend: true,
    legendProps: { verticalAlign: 'bottom' as const, height: 40 },
    withTooltip: false,
    tickLine: 'none' as const,
    yAxisProps: { allowDecimals: false, width: 30 },
    maxBarWidth: 36,
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="stats-charts">
      <ChartPaper title={t('chartMonthlyTitle')} testId="stats-chart-monthly">
        <HiddenBarChart
          h={260}
          data={monthly}
          series={shownClasses.map((k) => ({ name: k, label: className(k), color: classColours[k] }))}
          {...common}
        />
        <ChartTable
          caption={t('chartMonthlyCaption')}
          head={[t('chartMonth'), ...shownClasses.map(className), t('chartTotal')]}
          rows={stats.byMonth.map((m, i) => ({
            key: m.key ?? String(i),
            name: monthLong(m.key ?? ''),
            values: [...shownClasses.map((k) => Number(monthly[i]?.[k] ?? 0)), m.received],
          }))}
          testId="stats-chart-monthly-table"
        />
      </ChartPaper>
      <ChartPaper title={t('chartTimelyTitle')} testId="stats-chart-timely">
        <HiddenBarChart
          h={260}
          data={timely}
          series={[
            { name: 'inTime', label: t('decidedInTime'), color: 'teal.6' },
            { name: 'late', label: t('chartLate'), color: 'orange.6' },
          ]}
          {...common}
        />
        <ChartTable
          caption={t('chartTimelyCaption')}
          head={[t('chartMonth'), t('decidedInTime'), t('chartLate')]}
          rows={stats.byMonth.map((m, i) => ({
            key: m.key ?? String(i),
            name: monthLong(m.key ?? ''),
            values: [m.decidedInTime, m.decided - m.decidedInTime],
          }))}
          testId="stats-chart-timely-table"
        />
        {stats.total.decided === 0 && (
          <Text size="sm" c="dimmed" data-testid="stats-chart-timely-none">
            {t('chartNoDecision')}
          </Text>
        )}
      </ChartPaper>
      <ChartPaper title={t('chartChannelTitle')} testId="stats-chart-channel">
        <HiddenBarChart
          h={Math.max(120, channels.length * 34 + 30)}
          data={channels}
          dataKey="name"
          orientation="vertical"
          series={[{ name: 'received', label: t('received'), color: 'teal.6' }]}
          withBarValueLabel
          valueFormatter={(v) => v.toLocaleString(localeTag)}
          withTooltip={false}
          gridAxis="x"
          xAxisProps={{ allowDecimals: false }}
          yAxisProps={{ width: 130, interval: 0 }}
          maxBarWidth={22}
          barChartProps={{ margin: { top: 4, right: 30, bottom: 0, left: 0 } }}
          tickLine="none"
        />
        <ChartTable
          caption={t('chartChannelTitle')}
          head={[t('chartChannel'), t('received')]}
          rows={channels.map((r) => ({ key: r.key, name: r.name, values: [r.received] }))}
          testId="stats-chart-channel-table"
        />
      </ChartPaper>
    </SimpleGrid>
  );
}
