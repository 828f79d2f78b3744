import type { IntakeAnswers } from '@jaring/standards/intake.ts';
import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, put } from '../../api.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { CaseView } from './case-view.ts';
import { IntakeAnswerTable, IntakeQuestions, intakeComplete } from './intake-fields.tsx';

/**
 * The answers given at intake, with their labels. The desk (cases.intake) may correct them on an
 * open case, with a reason that the audit chain keeps; the papers asked follow the new answers.
 */
export function CaseIntake({
  v,
  canCorrect,
  refresh,
}: {
  v: CaseView;
  canCorrect: boolean;
  refresh: () => void;
}) {
  const { t } = useTexts(casesTexts);
  const [editing, setEditing] = useState<IntakeAnswers | null>(null);
  // The answers the correction started from, kept as they were: the view may refresh meanwhile.
  const [previous, setPrevious] = useState<IntakeAnswers>({});
  const [reason, setReason] = useState('');
  const save = useMutation<unknown, ApiError, IntakeAnswers>({
    mutationFn: (intake) => put(`/api/cases/${v.case.id}/intake`, { previous, intake, reason }),
    onSuccess: () => {
      setEditing(null);
      setReason('');
      refresh();
    },
  });
  const reload = () => {
    setEditing(null);
    save.reset();
    refresh();
  };
  const fields = v.standard.intake;
  if (fields.length === 0) return null;
  const open = v.state.status === 'open' || v.state.status === 'returned';
  const problemAt = Object.fromEntries((save.error?.problems ?? []).map((p) => [p.path, p.message] as const));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('intakeAnswers')}
        </Title>
        {canCorrect && open && !editing ? (
          <Button
            size="xs"
            variant="default"
            className="no-print"
            onClick={() => {
              setPrevious({ ...v.case.intake });
              setEditing({ ...v.case.intake });
            }}
          >
            {t('correctAnswers')}
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <Stack gap="sm">
          <IntakeQuestions fields={fields} answers={editing} onChange={setEditing} errors={problemAt} />
          <TextInput
            label={t('correctionReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problemAt.reason}
            required
          />
          {save.isError ? (
            <Alert color="red">
              {save.error.message}
              {save.error.code === 'case.conflict' ? (
                <Button size="xs" variant="default" ml="sm" onClick={reload}>
                  {t('reloadAnswers')}
                </Button>
              ) : null}
            </Alert>
          ) : null}
          <Group>
            <Button
              size="xs"
              loading={save.isPending}
              disabled={reason.trim().length < 5 || !intakeComplete(fields, editing)}
              onClick={() => save.mutate(editing)}
            >
              {t('saveCorrection')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <IntakeAnswerTable fields={fields} answers={v.case.intake} />
      )}
    </Paper>
  );
}
