import type { IntakeFieldView } from '@jaring/cases/cases.schema.ts';
import type { IntakeAnswers, IntakeValue } from '@jaring/standards/intake.ts';
import { Group, NumberInput, Radio, Select, Table, TextInput } from '@mantine/core';
import { useAreaOptions } from '../../components/area-options.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';

/** The questions a standard asks at intake (`intake.fields`), as form inputs. */
export function IntakeQuestions({
  fields,
  answers,
  onChange,
  errors = {},
}: {
  fields: readonly IntakeFieldView[];
  answers: IntakeAnswers;
  onChange: (answers: IntakeAnswers) => void;
  /** Problems the server named, by path (`intake.rawatInap`). */
  errors?: Record<string, string>;
}) {
  const { t } = useTexts(casesTexts);
  // A region question (the area a relief request is for): the office's areas, then the country's.
  const areas = useAreaOptions({ elsewhere: true, enabled: fields.some((f) => f.kind === 'region') });
  const set = (id: string, value: IntakeValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange(next);
  };
  return fields.map((f) => {
    const error = errors[`intake.${f.id}`];
    const value = answers[f.id];
    const common = { label: f.label, required: f.required, error, 'data-testid': `intake-${f.id}` };
    switch (f.kind) {
      case 'boolean':
        return (
          <Radio.Group
            key={f.id}
            {...common}
            value={value === undefined ? '' : String(value)}
            onChange={(v) => set(f.id, v === 'true')}
          >
            <Group mt={4}>
              <Radio value="true" label={t('yes')} data-testid={`intake-${f.id}-yes`} />
              <Radio value="false" label={t('no')} data-testid={`intake-${f.id}-no`} />
            </Group>
          </Radio.Group>
        );
      case 'choice':
        return (
          <Select
            key={f.id}
            {...common}
            data={(f.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
            value={typeof value === 'string' ? value : null}
            onChange={(v) => set(f.id, v ?? undefined)}
          />
        );
      case 'region':
        return (
          <Select
            key={f.id}
            {...common}
            searchable
            data={areas.data}
            value={typeof value === 'string' ? value : null}
            onChange={(v) => set(f.id, v ?? undefined)}
          />
        );
      case 'number':
        return (
          <NumberInput
            key={f.id}
            {...common}
            value={typeof value === 'number' ? value : ''}
            onChange={(v) => set(f.id, typeof v === 'number' ? v : undefined)}
          />
        );
      default:
        return (
          <TextInput
            key={f.id}
            {...common}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(f.id, e.currentTarget.value || undefined)}
          />
        );
    }
  });
}

/** Whether every required question has an answer. */
export const intakeComplete = (fields: readonly IntakeFieldView[], answers: IntakeAnswers) =>
  fields.every((f) => !f.required || answers[f.id] !== undefined);

/** The answers given at intake, each with its question's label. */
export function IntakeAnswerTable({
  fields,
  answers,
}: {
  fields: readonly IntakeFieldView[];
  answers: IntakeAnswers;
}) {
  const { t } = useTexts(casesTexts);
  const areas = useAreaOptions({ elsewhere: true, enabled: fields.some((f) => f.kind === 'region') });
  const shown = (f: IntakeFieldView): string => {
    const v = answers[f.id];
    if (v === undefined) return '—';
    if (f.kind === 'region') return areas.loading ? '…' : areas.nameOf(String(v));
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    return f.options?.find((o) => o.value === v)?.label ?? String(v);
  };
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="intake-answers">
      <Table.Tbody>
        {fields.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td c="dimmed" w="50%">
              {f.label}
            </Table.Td>
            <Table.Td fw={500} data-testid={`answer-${f.id}`}>
              {shown(f)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
