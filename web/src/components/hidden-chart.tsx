import '@mantine/charts/styles.layer.css';
import { BarChart, type BarChartProps } from '@mantine/charts';
import { Box, Table, VisuallyHidden } from '@mantine/core';

/**
 * A bar chart for the eye only: hidden from screen readers, with no Tab stop inside the
 * drawing. Put a `ChartTable` of the same figures beside it; that is what they read.
 */
export function HiddenBarChart(props: BarChartProps) {
  return (
    <Box aria-hidden="true">
      <BarChart {...props} barChartProps={{ ...props.barChartProps, accessibilityLayer: false }} />
    </Box>
  );
}

/**
 * The figures behind a chart as a visually hidden table: a row per bar, a column per series,
 * the same names and numbers in the same order.
 */
export function ChartTable({
  caption,
  head,
  rows,
  testId,
}: {
  caption: string;
  head: string[];
  rows: ReadonlyArray<{ key: string; name: string; values: ReadonlyArray<string | number> }>;
  testId?: string | undefined;
}) {
  return (
    <VisuallyHidden>
      <Table data-testid={testId}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{r.name}</Table.Th>
              {r.values.map((v, i) => (
                <Table.Td key={head[i + 1] ?? i}>{v}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </VisuallyHidden>
  );
}
