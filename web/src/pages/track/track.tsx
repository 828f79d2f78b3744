import type { PublicTracking as Tracking } from '@jaring/cases/cases.schema.ts';
import { Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { trackTexts } from '../../i18n/track.ts';

/** A request as its citizen sees it: steps, status, due time; nothing personal but the first name. */
export function TrackPage() {
  const { t, lang } = useTexts(trackTexts);
  const { code } = useParams({ strict: false }) as { code: string };
  const query = useQuery({
    queryKey: ['track', code],
    queryFn: () => get<Tracking>(`/api/public/track/${code}`),
    retry: false,
  });
  return (
    <QueryView query={query}>
      {(r) => {
        const active = r.steps.findIndex((s) => s.state === 'current');
        const when = (iso: string | null) =>
          formatDateTime(iso, lang, { dateStyle: 'long', timeZone: r.timeZone });
        return (
          <Stack maw={720}>
            <Text c="dimmed">{r.service}</Text>
            <Title order={1} size="h2">
              {t('requestOf', { name: r.firstName })}
            </Title>
            <Group>
              <Text ff="monospace">{r.trackingCode}</Text>
              <StatusBadge status={r.status} />
            </Group>
            <Text size="sm">
              {t('received')}: {when(r.openedAt)} · {t('due')}:{' '}
              <span data-testid="track-due">
                {r.waitingSince ? t('waiting', { since: when(r.waitingSince) }) : when(r.dueAt)}
              </span>
            </Text>
            <Stepper
              active={active === -1 ? r.steps.length : active}
              orientation="vertical"
              size="sm"
              data-testid="track-steps"
            >
              {r.steps.map((s) => (
                <Stepper.Step key={s.id} label={s.label} />
              ))}
            </Stepper>
          </Stack>
        );
      }}
    </QueryView>
  );
}
