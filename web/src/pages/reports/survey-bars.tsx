import { Group, Progress, Stack, Text } from '@mantine/core';

/**
 * Horizontal bars, one per row: the report's charts. Drawn with Mantine's Progress, as the
 * project has no chart library installed yet (DESIGN.md names @mantine/charts for later).
 */
export function Bars({
  rows,
  max,
  label,
  testId,
}: {
  rows: { key: string; name: string; value: number; shown: string; strong?: boolean }[];
  max: number;
  label: string;
  testId?: string;
}) {
  return (
    <Stack gap={6} role="img" aria-label={label} data-testid={testId}>
      {rows.map((r) => (
        <div key={r.key}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" fw={r.strong ? 700 : 400} truncate>
              {r.name}
            </Text>
            <Text size="sm" fw={600}>
              {r.shown}
            </Text>
          </Group>
          <Progress
            value={max > 0 ? (100 * r.value) / max : 0}
            color={r.strong ? 'orange' : 'teal'}
            size="lg"
            radius="sm"
          />
        </div>
      ))}
    </Stack>
  );
}
