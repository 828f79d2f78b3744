import type { TrackSurveyLink } from '@jaring/survey/survey.schema.ts';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyTexts } from '../../i18n/survey.ts';

/** A closed request's invitation to the satisfaction survey; nothing while the request is open. */
export function SurveyLink({ code }: { code: string }) {
  const { t } = useTexts(surveyTexts);
  const query = useQuery({
    queryKey: ['track-survey', code],
    queryFn: () => get<TrackSurveyLink>(`/api/public/track/${encodeURIComponent(code)}/survey`),
    retry: false,
  });
  if (!query.data) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text size="sm">{t('trackLinkNote')}</Text>
        <Button
          component={Link}
          to={`/survei/${encodeURIComponent(query.data.token)}`}
          data-testid="track-survey-link"
        >
          {t('trackLink')}
        </Button>
      </Stack>
    </Paper>
  );
}
