import { Badge } from '@mantine/core';
import { componentTexts } from '../i18n/components.ts';
import { useTexts } from '../i18n/i18n.tsx';

const statusColor: Record<string, string> = {
  open: 'blue',
  returned: 'yellow',
  done: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};
const known = (status: string): status is 'open' | 'returned' | 'done' | 'rejected' | 'withdrawn' =>
  status in statusColor;

/**
 * A case's status as staff and citizens see it (queue, case page, tracking page). An open case
 * whose letter is issued waits only for the applicant to collect it: `ready` says so.
 */
export function StatusBadge({ status, ready = false }: { status: string; ready?: boolean }) {
  const { t } = useTexts(componentTexts);
  if (ready && status === 'open') return <Badge color="teal">{t('status_ready')}</Badge>;
  return (
    <Badge color={statusColor[status] ?? 'gray'}>{known(status) ? t(`status_${status}`) : status}</Badge>
  );
}
