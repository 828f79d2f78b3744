import type { Questionnaire, SurveyAnswer } from '@jaring/survey/survey.schema.ts';
import {
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyTexts } from '../../i18n/survey.ts';

type UnsurId = Questionnaire['unsur'][number]['id'];
type Profile = SurveyAnswer['profile'];

/**
 * The nine questions as large tappable cards (a phone at 390 px, a kiosk's tablet), the
 * optional profile and comment. Sends only once every unsur is answered.
 */
export function AnswerForm({
  questionnaire,
  busy,
  onSend,
}: {
  questionnaire: Questionnaire;
  busy: boolean;
  onSend: (answer: SurveyAnswer) => void;
}) {
  const { t, pick } = useTexts(surveyTexts);
  const [answers, setAnswers] = useState<Partial<Record<UnsurId, number>>>({});
  const [profile, setProfile] = useState<Profile>({});
  const [comment, setComment] = useState('');
  const answered = Object.keys(answers).length;
  const complete = answered === questionnaire.unsur.length;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    onSend({
      answers: answers as SurveyAnswer['answers'],
      profile,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  };
  const set = <K extends keyof Profile>(key: K, value: Profile[K] | undefined) =>
    setProfile((p) => {
      const next = { ...p };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  return (
    <form onSubmit={send}>
      <Stack gap="lg">
        {questionnaire.unsur.map((u, i) => (
          <Radio.Group
            key={u.id}
            value={answers[u.id] ? String(answers[u.id]) : null}
            onChange={(v) => setAnswers((a) => ({ ...a, [u.id]: Number(v) }))}
            label={
              <Text fw={600} component="span">
                {i + 1}. {pick(u.question)}
              </Text>
            }
            data-testid={`unsur-${u.id}`}
          >
            <Stack gap={6} mt="xs">
              {u.answers.map((a, j) => (
                <Radio.Card
                  key={a.id}
                  value={String(j + 1)}
                  radius="md"
                  p="sm"
                  data-testid={`answer-${u.id}-${j + 1}`}
                >
                  <Group wrap="nowrap" gap="sm">
                    <Radio.Indicator />
                    <Text size="md">{pick(a)}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        ))}
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} size="h5">
              {t('aboutYou')}
            </Title>
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('sex')}
              </Text>
              <SegmentedControl
                fullWidth
                value={profile.sex ?? ''}
                onChange={(v) => set('sex', v === 'L' || v === 'P' ? v : undefined)}
                data={[
                  { value: 'L', label: t('male') },
                  { value: 'P', label: t('female') },
                ]}
              />
            </div>
            <NumberInput
              label={t('age')}
              min={10}
              max={120}
              allowDecimal={false}
              inputMode="numeric"
              value={profile.age ?? ''}
              onChange={(v) => set('age', typeof v === 'number' && v >= 10 && v <= 120 ? v : undefined)}
            />
            <Select
              label={t('education')}
              clearable
              value={profile.education ?? null}
              onChange={(v) => set('education', (v ?? undefined) as Profile['education'])}
              data={questionnaire.educations.map((e) => ({ value: e.id, label: pick(e.label) }))}
            />
            <Select
              label={t('occupation')}
              clearable
              value={profile.occupation ?? null}
              onChange={(v) => set('occupation', (v ?? undefined) as Profile['occupation'])}
              data={questionnaire.occupations.map((o) => ({ value: o.id, label: pick(o.label) }))}
            />
          </Stack>
        </Paper>
        <Textarea
          label={t('comment')}
          maxLength={1000}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Text size="sm" c={complete ? 'teal' : 'dimmed'} data-testid="survey-progress">
          {complete
            ? t('progress', { n: answered })
            : `${t('progress', { n: answered })} · ${t('answerAll')}`}
        </Text>
        <Button type="submit" size="lg" disabled={!complete} loading={busy} data-testid="survey-send">
          {t('send')}
        </Button>
      </Stack>
    </form>
  );
}
