import type { WorkCount } from '@jaring/cases/case-list.schema.ts';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { caseListTexts } from '../../i18n/case-list.ts';
import { useTexts } from '../../i18n/i18n.tsx';

export function FigureCard({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700}>
        {value}
      </Text>
    </Card>
  );
}

/** One number of a role's work, linking to the case list filtered to exactly those cases. */
function Count(props: {
  value: number;
  label: string;
  search: Record<string, string>;
  color?: string;
  testId: string;
}) {
  return (
    <Anchor
      component={Link}
      to="/staf/permohonan/semua"
      search={props.search as never}
      underline="never"
      c={props.value > 0 && props.color ? props.color : 'inherit'}
      data-testid={props.testId}
    >
      <Text span fz={28} fw={700} lh={1}>
        {props.value}
      </Text>{' '}
      <Text span size="sm">
        {props.label}
      </Text>
    </Anchor>
  );
}

/** Per role the user holds, then for the whole office: the cases waiting, due today and overdue. */
export function WorkCounts({ work }: { work: WorkCount[] }) {
  const { t, pick } = useTexts(caseListTexts);
  if (work.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('workTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {work.map((w) => {
          const scope: Record<string, string> = w.role ? { queue: w.role } : { status: 'waiting' };
          const key = w.role ?? 'office';
          return (
            <Card key={key} withBorder data-testid={`work-${key}`}>
              <Text size="sm" c="dimmed" mb="xs">
                {w.role ? t('asRole', { role: pick(w.label) }) : pick(w.label)}
              </Text>
              <Group gap="lg" align="baseline">
                <Count
                  value={w.waiting}
                  label={t('workWaiting')}
                  search={scope}
                  testId={`work-${key}-waiting`}
                />
                <Count
                  value={w.dueToday}
                  label={t('workDueToday')}
                  search={{ ...(w.role ? { queue: w.role } : {}), due: 'today' }}
                  color="orange.8"
                  testId={`work-${key}-today`}
                />
                <Count
                  value={w.overdue}
                  label={t('workOverdue')}
                  search={{ ...(w.role ? { queue: w.role } : {}), due: 'overdue' }}
                  color="red.8"
                  testId={`work-${key}-overdue`}
                />
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
