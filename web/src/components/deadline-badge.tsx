import type { StepDeadlineView } from '@jaring/cases/cases.schema.ts';
import { Badge } from '@mantine/core';
import { componentTexts } from '../i18n/components.ts';
import { useTexts } from '../i18n/i18n.tsx';

const deadlineColor: Record<StepDeadlineView['status'], string> = {
  running: 'blue',
  warning: 'yellow',
  late: 'red',
  met: 'green',
  metLate: 'orange',
  ended: 'gray',
};

/** Where a step's decision stands against its deadline (the case page, the requests report). */
export function DeadlineBadge({ status }: { status: StepDeadlineView['status'] }) {
  const { t } = useTexts(componentTexts);
  return (
    <Badge color={deadlineColor[status]} variant="light" tt="none" data-testid={`deadline-${status}`}>
      {t(`deadline_${status}`)}
    </Badge>
  );
}
