import type { PublicComplaint } from '@jaring/complaints/complaints.schema.ts';
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { formatDateTime } from '../../format.ts';
import { complaintTexts } from '../../i18n/complaints.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { ComplaintTimers } from './timers.tsx';

/** A complaint as anyone with its code sees it: status, timers, the decision once delivered; nobody's name. */
export function ComplaintTrackPage() {
  const { t, lang } = useTexts(complaintTexts);
  const { code } = useParams({ strict: false }) as { code: string };
  const query = useQuery({
    queryKey: ['complaint-track', code],
    queryFn: () => get<PublicComplaint>(`/api/public/complaints/${encodeURIComponent(code)}`),
    retry: false,
  });
  return (
    <QueryView query={query}>
      {(c) => (
        <Stack maw={720} mx="auto">
          <Text c="dimmed">{c.unit}</Text>
          <Title order={1} size="h2">
            {t('trackTitle', { code: c.trackingCode })}
          </Title>
          <Group>
            <Badge size="lg" variant="light" data-testid="complaint-status" data-status={c.status}>
              {t(`status_${c.status}`)}
            </Badge>
            <Text size="sm">{t(`class_${c.class}`)}</Text>
          </Group>
          <Text size="sm">
            {t('received')}: {formatDateTime(c.receivedAt, lang, { dateStyle: 'long', timeZone: c.timeZone })}
            {c.service ? ` · ${c.service}` : ''}
          </Text>
          {c.incompleteNote ? (
            <Alert color="yellow" title={t('status_incomplete')}>
              {t('incompleteAsk', { note: c.incompleteNote })}
            </Alert>
          ) : null}
          {c.transferredTo ? (
            <Alert color="blue">{t('transferredTo', { unit: c.transferredTo })}</Alert>
          ) : null}
          {c.decision ? (
            <Paper withBorder p="md" data-testid="complaint-decision">
              <Title order={2} size="h4" mb="xs">
                {t('decision')}
              </Title>
              <Text size="sm" mb="xs">
                {c.decision.summary}
              </Text>
              <Text size="sm">{t('decisionLetter', { number: c.decision.letterNumber })}</Text>
              <Group mt="xs">
                <Anchor href={`/api/public/complaints/${c.trackingCode}/decision`} target="_blank">
                  {t('decisionPdf')}
                </Anchor>
                <Anchor component={Link} to={`/verifikasi/${c.decision.verificationCode}`}>
                  {c.decision.letterNumber}
                </Anchor>
              </Group>
            </Paper>
          ) : null}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('timers')}
            </Title>
            <ComplaintTimers timers={c.timers} timeZone={c.timeZone} />
          </Paper>
          <Anchor href={`/api/public/complaints/${c.trackingCode}/receipt`} target="_blank" size="sm">
            {t('receipt')}
          </Anchor>
        </Stack>
      )}
    </QueryView>
  );
}
