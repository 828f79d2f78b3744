import type { DispositionList } from '@jaring/logistics/papers.schema.ts';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { unitTime } from './case-view.ts';

/**
 * The dispositions of a request (lembar disposisi): who gave them to whom, what to do, when,
 * each printable. Shown only for a request that has any (relief logistics, issue 16).
 */
export function CaseDispositions({ caseId, timeZone }: { caseId: number; timeZone: string }) {
  const { t, lang } = useTexts(casesTexts);
  const query = useQuery({
    queryKey: ['case', String(caseId), 'dispositions'],
    queryFn: () => get<DispositionList>(`/api/cases/${caseId}/dispositions`),
  });
  const list = query.data?.dispositions ?? [];
  if (list.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="dispositions">
      <Title order={2} size="h4" mb="xs">
        {t('dispositions')}
      </Title>
      <Stack gap="xs">
        {list.map((d) => (
          <Group key={d.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm">
                <b>{d.decision}</b> · {d.from.name} ({d.from.role}) → {d.to}
              </Text>
              <Text size="xs" c="dimmed">
                {unitTime(d.at, lang, timeZone)} · {d.instruction}
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              component="a"
              href={`/api/cases/${caseId}/dispositions/${d.id}/pdf`}
              target="_blank"
              data-testid="disposition-pdf"
            >
              {t('dispositionSheet')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
