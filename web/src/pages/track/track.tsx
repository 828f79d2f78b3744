import type { PublicTracking as Tracking } from '@jaring/cases/cases.schema.ts';
import { Alert, Anchor, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError, get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n, useTexts } from '../../i18n/i18n.tsx';
import { trackTexts } from '../../i18n/track.ts';
import { CitizenStatus, citizenStepKey } from './citizen-status.tsx';
import { SurveyLink } from './survey-link.tsx';
import { TrackCodeForm } from './track-form.tsx';

/**
 * A code that finds no request, or is not a code at all: said plainly, with the field to correct
 * it, filled in. Both get the same words, so the page tells no more than the server's 404 does.
 */
function TrackProblem({ code, error, retry }: { code: string; error: Error; retry: () => void }) {
  const { t } = useTexts(trackTexts);
  const common = useI18n().t;
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <Paper withBorder p="lg" maw={480} mx="auto" mt="lg">
      <TrackCodeForm initial={code}>
        {notFound ? (
          <Alert color="yellow" title={t('trackNotFound')} data-testid="track-not-found" role="alert">
            <Text size="sm">{t('trackNotFoundNote')}</Text>
          </Alert>
        ) : (
          // The server or the network failed: trying again may help here.
          <Alert color="red" title={t('trackFailed')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{error.message}</Text>
              <Group>
                <Button size="xs" variant="light" color="red" onClick={retry}>
                  {common('retry')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </TrackCodeForm>
    </Paper>
  );
}

/** A request as its citizen sees it: what to do or expect, where to go; nothing personal but the first name. */
export function TrackPage() {
  const { t, lang } = useTexts(trackTexts);
  const { code } = useParams({ strict: false }) as { code: string };
  const query = useQuery({
    queryKey: ['track', code],
    queryFn: () => get<Tracking>(`/api/public/track/${encodeURIComponent(code)}`),
    retry: false,
  });
  if (query.isError) {
    return <TrackProblem code={code} error={query.error} retry={() => void query.refetch()} />;
  }
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
              <StatusBadge
                status={r.status}
                ready={r.letterIssued && r.steps[active]?.role === 'front_office'}
              />
            </Group>
            <Text size="sm">
              {t('received')}: {when(r.openedAt)}
              {r.status === 'open' || r.status === 'returned' ? (
                <>
                  {' · '}
                  {t('due')}:{' '}
                  <span data-testid="track-due">
                    {r.waitingSince ? t('waiting', { since: when(r.waitingSince) }) : when(r.dueAt)}
                  </span>
                </>
              ) : null}
            </Text>
            <CitizenStatus r={r} due={when(r.dueAt)} />
            {r.status !== 'open' && r.status !== 'returned' ? <SurveyLink code={r.trackingCode} /> : null}
            <Title order={2} size="h4">
              {t('progress')}
            </Title>
            <Stepper
              active={active === -1 ? r.steps.length : active}
              orientation="vertical"
              size="sm"
              data-testid="track-steps"
            >
              {r.steps.map((s, i) => (
                <Stepper.Step key={s.id} label={s.publicLabel ?? t(citizenStepKey(r.steps, i))} />
              ))}
            </Stepper>
            <Anchor
              component={Link}
              to="/pengaduan"
              search={{ permohonan: r.trackingCode } as never}
              size="sm"
              data-testid="complain-link"
            >
              {t('complainAboutCase')}
            </Anchor>
          </Stack>
        );
      }}
    </QueryView>
  );
}
