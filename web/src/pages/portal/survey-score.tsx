import type { PublicSurveyIndex } from '@jaring/survey/survey.schema.ts';
import { Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { formatDecimal } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { portalTexts } from '../../i18n/portal.ts';

const gradeColor = { A: 'teal', B: 'green', C: 'yellow', D: 'red' } as const;

/**
 * A service's latest satisfaction index as the portal publishes it (UU 25/2009 Pasal 23): the
 * score, grade, period and respondents; nothing while the service has no finished period.
 */
export function SurveyScore({ unit, slug }: { unit: string; slug: string }) {
  const { t, pick, lang } = useTexts(portalTexts);
  // One request per unit page, shared by all its services.
  const query = useQuery({
    queryKey: ['survey-index', unit],
    queryFn: () => get<PublicSurveyIndex>(`/api/public/units/${encodeURIComponent(unit)}/survey/index`),
    staleTime: 5 * 60_000,
  });
  const s = query.data?.services.find((x) => x.slug === slug);
  if (!s) return null;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" mt={6} data-testid={`survey-score-${slug}`}>
      <Badge color={gradeColor[s.grade]} variant="light" style={{ flexShrink: 0 }}>
        {s.grade}
      </Badge>
      <Text size="sm">
        {t('surveyScore', {
          score: formatDecimal(s.score, lang),
          grade: s.grade,
          label: pick(s.gradeLabel),
          period: pick(s.period),
          n: s.respondents,
        })}
      </Text>
    </Group>
  );
}
