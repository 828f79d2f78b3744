import type { SurveyReport } from '@jaring/survey/survey.schema.ts';
import { Alert, Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { post, put } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyReportTexts } from '../../i18n/survey-report.ts';

const statuses = ['planned', 'in_progress', 'done'] as const;

/** The rencana tindak lanjut of a period: read by every reader of reports, kept by the head. */
export function FollowUps({
  report,
  canManage,
  refresh,
}: {
  report: SurveyReport;
  canManage: boolean;
  refresh: () => void;
}) {
  const { t, lang, pick } = useTexts(surveyReportTexts);
  const names = new Map(report.unsurNames.map((u) => [u.id, pick(u.name)]));
  const [unsur, setUnsur] = useState<string | null>(report.unit.index?.weakest[0] ?? null);
  const [action, setAction] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useMutation({
    mutationFn: () =>
      post('/api/survey/follow-ups', {
        year: report.year,
        semester: report.semester,
        unsur,
        action,
        dueOn,
      }),
    onSuccess: () => {
      setAction('');
      setDueOn('');
      refresh();
    },
  });
  const change = useMutation({
    mutationFn: (v: { id: number; status: string }) =>
      put(`/api/survey/follow-ups/${v.id}`, { status: v.status }),
    onSuccess: refresh,
  });
  const statusData = statuses.map((s) => ({ value: s, label: t(s) }));
  return (
    <Stack gap="sm">
      {report.followUps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noFollowUp')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="survey-follow-ups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('unsur')}</Table.Th>
                <Table.Th>{t('action')}</Table.Th>
                <Table.Th>{t('due')}</Table.Th>
                <Table.Th>{t('followUpStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.followUps.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{names.get(f.unsur)}</Table.Td>
                  <Table.Td>{f.action}</Table.Td>
                  <Table.Td>{formatDate(f.dueOn, lang)}</Table.Td>
                  <Table.Td>
                    {canManage ? (
                      <Select
                        size="xs"
                        aria-label={t('followUpStatus')}
                        data={statusData}
                        value={f.status}
                        allowDeselect={false}
                        onChange={(v) => v && change.mutate({ id: f.id, status: v })}
                      />
                    ) : (
                      t(f.status)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage ? (
        <Stack gap="xs" maw={560}>
          <Group grow align="end">
            <Select
              label={t('unsur')}
              data={report.unsurNames.map((u) => ({ value: u.id, label: pick(u.name) }))}
              value={unsur}
              onChange={setUnsur}
              data-testid="follow-up-unsur"
            />
            <TextInput
              type="date"
              label={t('due')}
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
            />
          </Group>
          <Textarea
            label={t('action')}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="follow-up-action"
          />
          {add.error ? <Alert color="red">{add.error.message}</Alert> : null}
          <Group>
            <Button
              onClick={() => add.mutate()}
              loading={add.isPending}
              disabled={!unsur || action.trim().length < 5 || !dueOn}
              data-testid="follow-up-add"
            >
              {t('addFollowUp')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
