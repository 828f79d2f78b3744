import { ChartTable, HiddenBarChart } from '../../components/hidden-chart.tsx';

/** One bar: its label, its value, the value as shown, and whether it is the one to look at. */
export interface ChartRow {
  key: string;
  name: string;
  value: number;
  shown: string;
  strong?: boolean;
}

/**
 * Horizontal bars with a label per bar and the value at its end; the rows marked `strong` (the
 * weakest unsur) in orange, the rest in teal. The drawing is hidden from screen readers, who
 * read the table beside it.
 */
export function BarsChart({
  rows,
  max,
  caption,
  head,
  testId,
  labelWidth = 200,
}: {
  rows: ChartRow[];
  /** The end of the value axis (4 for an NRR, the largest count for a profile). */
  max: number;
  caption: string;
  head: [string, string];
  testId?: string;
  labelWidth?: number;
}) {
  const strong = new Set(rows.filter((r) => r.strong).map((r) => r.value));
  const shown = new Map(rows.map((r) => [r.value, r.shown]));
  return (
    <div data-testid={testId}>
      <HiddenBarChart
        h={Math.max(120, rows.length * 34 + 30)}
        data={rows.map((r) => ({ name: r.name, value: r.value }))}
        dataKey="name"
        orientation="vertical"
        series={[{ name: 'value', color: 'teal.6', label: head[1] }]}
        getBarColor={(v) => (strong.has(v) ? 'orange.6' : 'teal.6')}
        withBarValueLabel
        valueFormatter={(v) => shown.get(v) ?? String(v)}
        withTooltip={false}
        gridAxis="x"
        xAxisProps={{ domain: [0, max], allowDecimals: max > 4 }}
        yAxisProps={{ width: labelWidth, interval: 0 }}
        maxBarWidth={22}
        // Room for the value at the end of a bar as long as the axis.
        barChartProps={{ margin: { top: 4, right: 40, bottom: 0, left: 0 } }}
        tickLine="none"
      />
      <ChartTable
        caption={caption}
        head={head}
        rows={rows.map((r) => ({ key: r.key, name: r.name, values: [r.shown] }))}
        testId={testId ? `${testId}-table` : undefined}
      />
    </div>
  );
}
