import type { QuestionInput, SurveyReport, UnitQuestions } from '@jaring/survey/survey.schema.ts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post, put } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyReportTexts } from '../../i18n/survey-report.ts';

type Kind = QuestionInput['kind'];
type Listed = UnitQuestions['questions'][number];
const kinds: Kind[] = ['scale', 'yes_no', 'text'];
const kindKey = { scale: 'kindScale', yes_no: 'kindYesNo', text: 'kindText' } as const;

/** A question's text in the language shown (Indonesian when the unit wrote no English). */
function useQuestionText() {
  const { lang } = useTexts(surveyReportTexts);
  return (text: { id: string; en: string | null }) => (lang === 'en' && text.en) || text.id;
}

/** The answers of the period to the unit's own questions: tallies, or texts listed like comments. */
function Results({ report }: { report: SurveyReport }) {
  const { t, pick } = useTexts(surveyReportTexts);
  const textOf = useQuestionText();
  const total = report.unit.respondents.total;
  if (report.extraQuestions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noExtra')}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="survey-extra">
      {report.extraQuestions.map((q, n) => (
        <Card withBorder key={q.id} data-testid={`survey-extra-${q.id}`}>
          <Group justify="space-between" align="start" wrap="nowrap" mb="xs">
            <Text fw={600} size="sm">
              {n + 1}. {textOf(q.text)}
            </Text>
            {q.retired ? (
              <Badge color="gray" variant="light">
                {t('retiredBadge')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            {t('answeredBy', { n: q.answered, total })}
          </Text>
          {q.kind === 'text' ? (
            q.texts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('noAnswerYet')}
              </Text>
            ) : (
              <List size="sm">
                {q.texts.map((text, i) => (
                  // Answers carry no id by design (anonymous); their order is fixed.
                  // biome-ignore lint/suspicious/noArrayIndexKey: no other identity
                  <List.Item key={i}>{text}</List.Item>
                ))}
              </List>
            )
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('answerCol')}</Table.Th>
                  <Table.Th ta="right">{t('respondents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.tallies.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Td>{q.kind === 'scale' ? `${c.key}. ${pick(c.label)}` : pick(c.label)}</Table.Td>
                    <Table.Td ta="right">{c.n}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td c="dimmed">{t('unanswered')}</Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {Math.max(0, total - q.answered)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

const empty = { textId: '', textEn: '', kind: 'scale' as Kind, optional: true };

/** The head's form for a question: new, or an edit of one in use. */
function QuestionForm({
  initial = empty,
  kindFixed = false,
  textFixed = false,
  submit,
  busy,
  onSubmit,
  onCancel,
}: {
  initial?: typeof empty;
  kindFixed?: boolean;
  textFixed?: boolean;
  submit: string;
  busy: boolean;
  onSubmit: (input: QuestionInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTexts(surveyReportTexts);
  const [form, setForm] = useState(initial);
  return (
    <Stack gap="xs">
      <TextInput
        label={t('questionId')}
        value={form.textId}
        maxLength={300}
        disabled={textFixed}
        onChange={(e) => setForm({ ...form, textId: e.currentTarget.value })}
        data-testid="question-text-id"
      />
      <TextInput
        label={t('questionEn')}
        value={form.textEn}
        maxLength={300}
        disabled={textFixed}
        onChange={(e) => setForm({ ...form, textEn: e.currentTarget.value })}
        data-testid="question-text-en"
      />
      <Group align="end">
        <Select
          label={t('kind')}
          data={kinds.map((k) => ({ value: k, label: t(kindKey[k]) }))}
          value={form.kind}
          allowDeselect={false}
          disabled={kindFixed}
          onChange={(v) => v && setForm({ ...form, kind: v as Kind })}
          data-testid="question-kind"
        />
        <Checkbox
          label={t('questionOptional')}
          checked={form.optional}
          onChange={(e) => setForm({ ...form, optional: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      <Group>
        <Button
          size="xs"
          loading={busy}
          disabled={form.textId.trim().length < 5}
          onClick={() =>
            onSubmit({
              text: { id: form.textId.trim(), en: form.textEn.trim() || null },
              kind: form.kind,
              optional: form.optional,
            })
          }
          data-testid="question-submit"
        >
          {submit}
        </Button>
        {onCancel ? (
          <Button size="xs" variant="subtle" onClick={onCancel}>
            {t('cancelEdit')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

/** The head keeps the unit's questions: adds, edits, orders and retires them. */
function Manager({ refresh }: { refresh: () => void }) {
  const { t } = useTexts(surveyReportTexts);
  const textOf = useQuestionText();
  const list = useQuery({
    queryKey: ['survey-questions'],
    queryFn: () => get<UnitQuestions>('/api/survey/questions'),
  });
  const [editing, setEditing] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  const done = () => {
    setEditing(null);
    void list.refetch();
    refresh();
  };
  const add = useMutation({
    mutationFn: (input: QuestionInput) => post('/api/survey/questions', input),
    onSuccess: () => {
      setRound((r) => r + 1);
      done();
    },
  });
  const edit = useMutation({
    mutationFn: (v: { id: number; input: QuestionInput }) => put(`/api/survey/questions/${v.id}`, v.input),
    onSuccess: done,
  });
  const retire = useMutation({
    mutationFn: (id: number) => post(`/api/survey/questions/${id}/retire`),
    onSuccess: done,
  });
  const order = useMutation({
    mutationFn: (ids: number[]) => put('/api/survey/questions/order', { ids }),
    onSuccess: done,
  });
  const error = add.error ?? edit.error ?? retire.error ?? order.error;
  return (
    <Card withBorder data-testid="survey-question-manager">
      <Title order={3} size="h5" mb="xs">
        {t('manageQuestions')}
      </Title>
      <QueryView query={list}>
        {(data) => {
          const inUse = data.questions.filter((q) => !q.retired);
          const retired = data.questions.filter((q) => q.retired);
          const move = (i: number, by: number) => {
            const ids = inUse.map((q) => q.id);
            const [moved] = ids.splice(i, 1);
            if (moved === undefined) return;
            ids.splice(i + by, 0, moved);
            order.mutate(ids);
          };
          const row = (q: Listed, i: number) =>
            editing === q.id ? (
              <Table.Tr key={q.id}>
                <Table.Td colSpan={4}>
                  <QuestionForm
                    initial={{
                      textId: q.text.id,
                      textEn: q.text.en ?? '',
                      kind: q.kind,
                      optional: q.optional,
                    }}
                    kindFixed={q.answers > 0}
                    textFixed={q.locked}
                    submit={t('saveQuestion')}
                    busy={edit.isPending}
                    onSubmit={(input) => edit.mutate({ id: q.id, input })}
                    onCancel={() => setEditing(null)}
                  />
                  {q.locked ? (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('lockedNote')}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={q.id} data-testid={`question-row-${q.id}`}>
                <Table.Td>
                  <Text size="sm">{textOf(q.text)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(kindKey[q.kind])} · {q.optional ? t('questionOptional') : t('questionRequired')} ·{' '}
                    {t('answersCount', { n: q.answers })}
                  </Text>
                </Table.Td>
                <Table.Td w={90}>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('moveUp')}
                      disabled={i === 0 || order.isPending}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('moveDown')}
                      disabled={i === inUse.length - 1 || order.isPending}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </ActionIcon>
                  </Group>
                </Table.Td>
                <Table.Td w={200}>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => setEditing(q.id)}>
                      {t('editQuestion')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      loading={retire.isPending && retire.variables === q.id}
                      onClick={() => window.confirm(t('retireConfirm')) && retire.mutate(q.id)}
                      data-testid={`question-retire-${q.id}`}
                    >
                      {t('retireQuestion')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          return (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('manageNote', { max: data.max })}
              </Text>
              {error ? <Alert color="red">{error.message}</Alert> : null}
              {inUse.length > 0 ? (
                <Table.ScrollContainer minWidth={560}>
                  <Table data-testid="survey-questions-in-use">
                    <Table.Tbody>{inUse.map(row)}</Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : (
                <Text size="sm">{t('noQuestions')}</Text>
              )}
              {inUse.length < data.max ? (
                <Card withBorder bg="var(--mantine-color-gray-0)">
                  <Text fw={600} size="sm" mb="xs">
                    {t('addQuestion')}
                  </Text>
                  <QuestionForm
                    key={round}
                    submit={t('addQuestion')}
                    busy={add.isPending}
                    onSubmit={(input) => add.mutate(input)}
                  />
                </Card>
              ) : null}
              {retired.length > 0 ? (
                <Text size="xs" c="dimmed">
                  {t('retiredList', { list: retired.map((q) => textOf(q.text)).join(' · ') })}
                </Text>
              ) : null}
            </Stack>
          );
        }}
      </QueryView>
    </Card>
  );
}

/**
 * The report's section of the unit's own questions, which never enter the index: the period's
 * answers, and for the head the questions themselves.
 */
export function ExtraQuestions({
  report,
  canManage,
  refresh,
}: {
  report: SurveyReport;
  canManage: boolean;
  refresh: () => void;
}) {
  const { t } = useTexts(surveyReportTexts);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('extraTitle')}
      </Title>
      <Results report={report} />
      {canManage ? <Manager refresh={refresh} /> : null}
    </Stack>
  );
}
