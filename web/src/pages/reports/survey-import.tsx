import type { ImportDone, SurveyReport } from '@jaring/survey/survey.schema.ts';
import { Alert, Button, FileInput, Group, List, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, uploadFile } from '../../api.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyReportTexts } from '../../i18n/survey-report.ts';

/** Paper responses into the period shown: the whole file or nothing, its problems by row. */
export function PaperImport({ report, refresh }: { report: SurveyReport; refresh: () => void }) {
  const { t } = useTexts(surveyReportTexts);
  const [service, setService] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: () =>
      uploadFile<ImportDone>(
        `/api/survey/imports?standardId=${service}&year=${report.year}${report.semester ? `&semester=${report.semester}` : ''}`,
        file as File,
      ),
    onSuccess: () => {
      setFile(null);
      refresh();
    },
  });
  const problems = send.error instanceof ApiError ? send.error.problems : [];
  return (
    <Stack gap="xs" maw={640}>
      <Text size="sm">{t('importNote')}</Text>
      <Group grow align="end">
        <Select
          label={t('service')}
          data={report.services
            .filter((s) => s.standardId !== null)
            .map((s) => ({ value: String(s.standardId), label: s.service }))}
          value={service}
          onChange={setService}
          data-testid="import-service"
        />
        <FileInput
          label={t('importFile')}
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={setFile}
          clearable
          data-testid="import-file"
        />
      </Group>
      <Group>
        <Button
          onClick={() => send.mutate()}
          loading={send.isPending}
          disabled={!service || !file}
          data-testid="import-send"
        >
          {t('importSend')}
        </Button>
      </Group>
      {send.data ? (
        <Alert color="teal" data-testid="import-done">
          {t('imported', { n: send.data.imported, service: send.data.service })}
        </Alert>
      ) : null}
      {send.error ? (
        <Alert color="red" title={send.error.message} data-testid="import-problems">
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={`${p.path}:${p.message}`}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
