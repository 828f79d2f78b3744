import '@mantine/charts/styles.layer.css';
import { BarChart } from '@mantine/charts';
import { Box, Table, VisuallyHidden } from '@mantine/core';

/** One bar: its label, its value, the value as shown, and whether it is the one to look at. */
export interface ChartRow {
  key: string;
  name: string;
  value: number;
  shown: string;
  strong?: boolean;
}

/**
 * The figures behind a chart as a table, read by screen readers instead of the drawing (which
 * they skip): the same names and values, in the same order.
 */
function ChartTable({
  caption,
  head,
  rows,
  testId,
}: {
  caption: string;
  head: [string, string];
  rows: ChartRow[];
  testId?: string;
}) {
  return (
    <VisuallyHidden>
      <Table data-testid={testId}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{head[0]}</Table.Th>
            <Table.Th scope="col">{head[1]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{r.name}</Table.Th>
              <Table.Td>{r.shown}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </VisuallyHidden>
  );
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
      <Box aria-hidden="true">
        <BarChart
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
          // Room for the value at the end of a bar as long as the axis; no keyboard stop in a chart
          // hidden from screen readers (the table beside it tells the same).
          barChartProps={{ margin: { top: 4, right: 40, bottom: 0, left: 0 }, accessibilityLayer: false }}
          tickLine="none"
        />
      </Box>
      <ChartTable caption={caption} head={head} rows={rows} testId={testId ? `${testId}-table` : undefined} />
    </div>
  );
}
