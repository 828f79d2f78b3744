import type { TimerView } from '@jaring/complaints/complaints.schema.ts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../format.ts';
import { complaintTexts } from '../../i18n/complaints.ts';
import { useTexts } from '../../i18n/i18n.tsx';

/** A complaint's legal timers: each one's last day, or that it waits, finished or ran out. */
export function ComplaintTimers({ timers, timeZone }: { timers: TimerView[]; timeZone: string }) {
  const { t, lang } = useTexts(complaintTexts);
  // A calendar day's due time is its midnight: show the last minute of that day. A working
  // day's is the office's closing time, shown as it is.
  const lastDay = (iso: string, kind: TimerView['dayKind']) =>
    formatDateTime(kind === 'calendar' ? new Date(Date.parse(iso) - 1).toISOString() : iso, lang, {
      dateStyle: 'long',
      timeZone,
    });
  return (
    <Stack gap={6} data-testid="complaint-timers">
      {timers.map((x) => (
        <Group key={x.timer} justify="space-between" wrap="wrap" gap="xs" data-timer={x.timer}>
          <Text size="sm">{t(`timer_${x.timer}`)}</Text>
          <Group gap={6}>
            {x.state === 'paused' ? (
              <Badge color="gray" variant="light">
                {t('timerPaused')}
              </Badge>
            ) : x.state === 'stopped' ? (
              <Badge color="green" variant="light">
                {t('timerDone')}
              </Badge>
            ) : x.due ? (
              <Text size="sm" fw={600}>
                {t('dueBy', { date: lastDay(x.due, x.dayKind) })}
              </Text>
            ) : null}
            {x.breachedAt ? (
              <Badge color="red" variant="filled">
                {t('timerLate')}
              </Badge>
            ) : null}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
