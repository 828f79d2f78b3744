import type { KioskAnswer, KioskForm, SurveyThanks } from '@jaring/survey/survey.schema.ts';
import { Alert, Button, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyTexts } from '../../i18n/survey.ts';
import { AnswerForm } from './answer-form.tsx';

/** How long the thanks stay before the tablet is ready for the next walk-in respondent. */
const resetAfterMs = 6_000;

/**
 * The office's tablet: a walk-in respondent picks the service received, answers, is thanked,
 * and the page clears itself for the next one. Counted apart from the token responses.
 */
export function KioskSurveyPage() {
  const { t } = useTexts(surveyTexts);
  const { unit } = useParams({ strict: false }) as { unit: string };
  const url = `/api/public/units/${encodeURIComponent(unit)}/survey`;
  const query = useQuery({ queryKey: ['kiosk', unit], queryFn: () => get<KioskForm>(url) });
  const [service, setService] = useState<string | null>(null);
  // A new respondent: a new form, so no answer of the last one stays on the screen.
  const [round, setRound] = useState(0);
  const send = useMutation({ mutationFn: (body: KioskAnswer) => post<SurveyThanks>(url, body) });
  const next = () => {
    send.reset();
    setService(null);
    setRound((r) => r + 1);
    window.scrollTo(0, 0);
  };
  useEffect(() => {
    if (!send.isSuccess) return;
    const timer = window.setTimeout(next, resetAfterMs);
    return () => window.clearTimeout(timer);
  });
  return (
    <Paper withBorder p="md" maw={640} mx="auto" mt="md" radius="md">
      <QueryView query={query}>
        {(form) => (
          <Stack key={round}>
            <Title order={1} size="h3">
              {t('kioskTitle', { unit: form.unit })}
            </Title>
            {send.data ? (
              <Alert color="teal" title={t('thanksTitle')} data-testid="survey-thanks" role="status">
                <Stack gap="sm">
                  <Text size="sm">{t('thanksNote', { service: send.data.service })}</Text>
                  <Text size="sm">{t('kioskNext')}</Text>
                  <Button variant="light" onClick={next} data-testid="kiosk-next">
                    {t('kioskAgain')}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <>
                <Radio.Group
                  value={service}
                  onChange={setService}
                  label={
                    <Text fw={600} component="span">
                      {t('kioskPick')}
                    </Text>
                  }
                  data-testid="kiosk-service"
                >
                  <Stack gap={6} mt="xs">
                    {form.services.map((s) => (
                      <Radio.Card key={s.id} value={String(s.id)} radius="md" p="sm">
                        <Text>{s.name}</Text>
                      </Radio.Card>
                    ))}
                  </Stack>
                </Radio.Group>
                {send.error ? (
                  <Alert color="red" role="alert">
                    {send.error.message}
                  </Alert>
                ) : null}
                {service ? (
                  <AnswerForm
                    questionnaire={form.questionnaire}
                    questions={form.questions}
                    busy={send.isPending}
                    onSend={(body) => send.mutate({ ...body, standardId: Number(service) })}
                  />
                ) : null}
              </>
            )}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
