import type { SurveyAnswer, SurveyForm, SurveyThanks } from '@jaring/survey/survey.schema.ts';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyTexts } from '../../i18n/survey.ts';
import { CodeForm } from '../track/code-form.tsx';
import { AnswerForm } from './answer-form.tsx';

/** A survey code as typed: trimmed, in capitals (the codes have no small letters). */
const normaliseToken = (typed: string) => typed.trim().toUpperCase().replace(/\s+/g, '');

function Frame({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="md" maw={560} mx="auto" mt="md" radius="md">
      {children}
    </Paper>
  );
}

/** The field for a survey code from the receipt or letter; shown again, filled in, when a code is wrong. */
function SurveyCodeForm({ initial = '', children }: { initial?: string; children?: ReactNode }) {
  const { t } = useTexts(surveyTexts);
  const navigate = useNavigate();
  return (
    <CodeForm
      key={initial}
      label={t('codeLabel')}
      submit={t('codeSubmit')}
      placeholder="K7MQ2-XW9PD-AB3CDE"
      minLength={16}
      capitals
      initial={initial}
      normalise={normaliseToken}
      onCode={(code) => void navigate({ to: `/survei/${encodeURIComponent(code)}` })}
    >
      {children}
    </CodeForm>
  );
}

/** Where a respondent without the QR code types the survey code. */
export function SurveyCodePage() {
  const { t } = useTexts(surveyTexts);
  return (
    <Frame>
      <SurveyCodeForm>
        <Title order={1} size="h3">
          {t('surveyTitle')}
        </Title>
      </SurveyCodeForm>
    </Frame>
  );
}

function State({
  title,
  note,
  color,
  testId,
}: {
  title: string;
  note: string;
  color: string;
  testId: string;
}) {
  return (
    <Alert color={color} title={title} data-testid={testId} role="status">
      <Text size="sm">{note}</Text>
    </Alert>
  );
}

/**
 * The survey of a served case, reached by the QR code on its receipt or letter or the tracking
 * page: nine questions, under a minute, at phone width. States: not yet closed, answered, an
 * unknown code (with the field to type it), thanks.
 */
export function SurveyPage() {
  const { t } = useTexts(surveyTexts);
  const { token } = useParams({ strict: false }) as { token: string };
  const url = `/api/public/survey/${encodeURIComponent(token)}`;
  const query = useQuery({
    queryKey: ['survey', token],
    queryFn: () => get<SurveyForm>(url),
    retry: false,
  });
  const send = useMutation({
    mutationFn: (body: SurveyAnswer) => post<SurveyThanks>(url, body),
  });
  if (query.isError && query.error instanceof ApiError && [400, 404].includes(query.error.status)) {
    return (
      <Frame>
        <SurveyCodeForm initial={token}>
          <State title={t('unknownTitle')} note={t('unknownNote')} color="yellow" testId="survey-unknown" />
        </SurveyCodeForm>
      </Frame>
    );
  }
  const answeredBefore = send.error instanceof ApiError && send.error.code === 'survey.answered';
  return (
    <Frame>
      <QueryView query={query}>
        {(form) => (
          <Stack>
            <div>
              <Text c="dimmed" size="sm">
                {form.unit}
              </Text>
              <Title order={1} size="h3">
                {t('surveyTitle')}
              </Title>
            </div>
            {send.data ? (
              <State
                title={t('thanksTitle')}
                note={t('thanksNote', { service: send.data.service })}
                color="teal"
                testId="survey-thanks"
              />
            ) : form.answered || answeredBefore ? (
              <State
                title={t('answeredTitle')}
                note={t('answeredNote')}
                color="blue"
                testId="survey-answered"
              />
            ) : !form.closed ? (
              <State
                title={t('notClosedTitle')}
                note={t('notClosedNote')}
                color="yellow"
                testId="survey-not-closed"
              />
            ) : (
              <>
                <Text size="sm">{t('surveyIntro', { service: form.service })}</Text>
                {send.error && !answeredBefore ? (
                  <Alert color="red" role="alert">
                    {send.error.message}
                  </Alert>
                ) : null}
                <AnswerForm
                  questionnaire={form.questionnaire}
                  questions={form.questions}
                  busy={send.isPending}
                  onSend={(body) => send.mutate(body)}
                />
              </>
            )}
          </Stack>
        )}
      </QueryView>
    </Frame>
  );
}
