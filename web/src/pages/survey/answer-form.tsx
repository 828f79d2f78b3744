import type { Questionnaire, SurveyAnswer, UnitQuestion } from '@jaring/survey/survey.schema.ts';
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
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyTexts } from '../../i18n/survey.ts';

type UnsurId = Questionnaire['unsur'][number]['id'];
type Profile = SurveyAnswer['profile'];

/** The longest answer to a unit's short-text question (the server's `extraTextMax`). */
const extraTextMax = 200;

/** A unit's own question: a–d or yes/no as tappable cards, or a short text. */
function UnitQuestionField({
  question,
  n,
  questionnaire,
  value,
  onChange,
}: {
  question: UnitQuestion;
  n: number;
  questionnaire: Questionnaire;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, lang, pick } = useTexts(surveyTexts);
  const text = (lang === 'en' && question.text.en) || question.text.id;
  const label = (
    <Text fw={600} component="span">
      {n}. {text}{' '}
      <Text span size="sm" fw={400} c="dimmed">
        ({question.optional ? t('optionalMark') : t('requiredMark')})
      </Text>
    </Text>
  );
  if (question.kind === 'text')
    return (
      <TextInput
        label={label}
        maxLength={extraTextMax}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data-testid={`extra-${question.id}`}
      />
    );
  const options = question.kind === 'scale' ? questionnaire.scale : questionnaire.yesNo;
  return (
    <Radio.Group value={value || null} onChange={onChange} label={label} data-testid={`extra-${question.id}`}>
      <Stack gap={6} mt="xs">
        {options.map((o) => (
          <Radio.Card key={o.id} value={o.id} radius="md" p="sm" data-testid={`extra-${question.id}-${o.id}`}>
            <Group wrap="nowrap" gap="sm">
              <Radio.Indicator />
              <Text size="md">{pick(o.label)}</Text>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}

/**
 * The nine questions as large tappable cards (a phone at 390 px, a kiosk's tablet), the
 * optional profile, the unit's own questions (outside the index) and the comment. Sends only
 * once every unsur and every required question of the unit is answered.
 */
export function AnswerForm({
  questionnaire,
  questions,
  busy,
  onSend,
}: {
  questionnaire: Questionnaire;
  questions: UnitQuestion[];
  busy: boolean;
  onSend: (answer: SurveyAnswer) => void;
}) {
  const { t, pick } = useTexts(surveyTexts);
  const [answers, setAnswers] = useState<Partial<Record<UnsurId, number>>>({});
  const [profile, setProfile] = useState<Profile>({});
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const answered = Object.keys(answers).length;
  const unsurDone = answered === questionnaire.unsur.length;
  const requiredLeft = questions.filter((q) => !q.optional && !extra[q.id]?.trim()).length;
  const complete = unsurDone && requiredLeft === 0;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    const given = Object.fromEntries(
      Object.entries(extra)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    onSend({
      answers: answers as SurveyAnswer['answers'],
      profile,
      ...(Object.keys(given).length > 0 ? { extra: given } : {}),
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
        {questions.length > 0 ? (
          <Paper withBorder p="md" radius="md" data-testid="survey-unit-questions">
            <Stack gap="md">
              <div>
                <Title order={2} size="h5">
                  {t('unitQuestions')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('unitQuestionsNote')}
                </Text>
              </div>
              {questions.map((q, i) => (
                <UnitQuestionField
                  key={q.id}
                  question={q}
                  n={questionnaire.unsur.length + i + 1}
                  questionnaire={questionnaire}
                  value={extra[q.id] ?? ''}
                  onChange={(v) => setExtra((x) => ({ ...x, [q.id]: v }))}
                />
              ))}
            </Stack>
          </Paper>
        ) : null}
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
            : `${t('progress', { n: answered })} · ${unsurDone ? t('answerRequired', { n: requiredLeft }) : t('answerAll')}`}
        </Text>
        <Button type="submit" size="lg" disabled={!complete} loading={busy} data-testid="survey-send">
          {t('send')}
        </Button>
      </Stack>
    </form>
  );
}
