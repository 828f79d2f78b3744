import type { SubmittedItem, SubmittedList } from '@jaring/cases/submitted.schema.ts';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { submissionTexts } from '../../i18n/submissions.ts';
import { SubmittedLetters } from './letters.tsx';

/** How old a submission is, or when it closed. */
export function AgeText({ item }: { item: SubmittedItem }) {
  const { t, lang } = useTexts(submissionTexts);
  const age = item.ageDays === 0 ? t('ageToday') : t('ageDays', { n: item.ageDays });
  return (
    <Text size="xs" c="dimmed" data-testid="submission-age">
      {t('submittedOn', { date: formatDate(item.openedAt, lang) })} · {age}
      {item.closedAt ? ` · ${t('closedOn', { date: formatDate(item.closedAt, lang) })}` : ''}
    </Text>
  );
}

/** One submission as a card: fits a phone as well as a desk. */
function SubmissionCard({ item }: { item: SubmittedItem }) {
  const { t } = useTexts(submissionTexts);
  return (
    <Paper withBorder p="sm" data-testid="submission">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/staf/pengajuan/${item.id}`} ff="monospace" fw={600}>
            {item.trackingCode}
          </Anchor>
          <StatusBadge status={item.status} />
        </Group>
        <Text fw={600}>{item.applicantName}</Text>
        <Text size="sm">{item.areas.join(', ')}</Text>
        <Text size="sm" data-testid="submission-step">
          {t('currentStep')}: <b>{item.step ?? t('finished')}</b>
        </Text>
        <AgeText item={item} />
        {item.letters.length > 0 ? (
          <>
            <Text size="xs" fw={600} mt={4}>
              {t('lettersFromProvince')}
            </Text>
            <SubmittedLetters caseId={item.id} letters={item.letters} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** What the office submitted to the province, newest first, with where each stands. */
export function SubmissionsPage() {
  const { t } = useTexts(submissionTexts);
  const query = useInfiniteQuery({
    queryKey: ['submissions'],
    queryFn: ({ pageParam }) =>
      get<SubmittedList>(`/api/submissions${pageParam ? `?after=${pageParam}` : ''}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack maw={860}>
          <Group justify="space-between" wrap="wrap">
            <Title order={1} size="h2">
              {t('listTitle')} · {user.unit.name}
            </Title>
            <Button component={Link} to="/staf/pengajuan/baru" data-testid="new-submission">
              {t('newSubmission')}
            </Button>
          </Group>
          <QueryView query={query} skeleton="cards">
            {(data) => {
              const items = data.pages.flatMap((p) => p.cases);
              if (items.length === 0) return <Text>{t('listEmpty')}</Text>;
              return (
                <Stack gap="sm" data-testid="submissions">
                  {items.map((item) => (
                    <SubmissionCard key={item.id} item={item} />
                  ))}
                  {query.hasNextPage ? (
                    <div>
                      <Button
                        variant="default"
                        onClick={() => void query.fetchNextPage()}
                        loading={query.isFetchingNextPage}
                      >
                        {t('more')}
                      </Button>
                    </div>
                  ) : null}
                </Stack>
              );
            }}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
