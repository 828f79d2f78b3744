import type { ImportList, ImportLive, ImportStarted, ImportView } from '@jaring/registry/registry.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, get, uploadFile } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { registryTexts } from '../../i18n/registry.ts';
import { ImportProblems } from './import-problems.tsx';
import { num } from './registry-format.ts';

/** The server's phases of a running import (`import.phase`), in its own Indonesian words. */
const phases = ['menunggu', 'membaca', 'memeriksa', 'menggabungkan'] as const;
const isPhase = (phase: string): phase is (typeof phases)[number] =>
  (phases as readonly string[]).includes(phase);

const statusColor = { running: 'blue', done: 'green', rejected: 'orange', failed: 'red' } as const;

/** Upload a register file, follow its progress, read its summary and the history of imports. */
export function RegistryImportPage() {
  const { t, lang } = useTexts(registryTexts);
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState('reject_all');
  const [onExisting, setOnExisting] = useState('skip');
  // The import shown above the history: the one just started (with its live key) or one
  // picked from the history.
  const [current, setCurrent] = useState<{ id: number; key?: string } | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadFile<ImportStarted>(`/api/registry/imports?onError=${onError}&onExisting=${onExisting}`, f),
    onSuccess: (r: ImportStarted) => setCurrent(r),
  });
  const progress = useQuery({
    queryKey: ['import', current?.id],
    enabled: current !== null,
    // While it runs, the progress comes from the server's memory under the upload's key (on the
    // embedded database the import holds it, and the record would only answer at the end); once
    // that is gone, the record has the summary.
    queryFn: async () =>
      (current?.key
        ? await get<ImportLive | undefined>(`/api/registry/imports/${current.id}/live?key=${current.key}`)
        : undefined) ?? get<ImportView>(`/api/registry/imports/${current?.id}`),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });
  const history = useQuery({
    queryKey: ['imports', progress.data?.id, progress.data?.status],
    queryFn: () => get<ImportList>('/api/registry/imports'),
  });
  const statusLabel = (s: ImportView['status']) => t(`import_${s}`);
  const phaseLabel = (phase: string) => (isPhase(phase) ? t(`phase_${phase}`) : phase);
  const p = progress.data;
  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <RequireSession>
      {(user) => {
        // Only a role that may import is offered the form; others who read the register see
        // the history of imports, read-only.
        const canImport = user.permissions.includes('registry.import');
        return (
          <Stack>
            <Title order={1} size="h2">
              {canImport ? t('importTitle') : t('importHistoryTitle')} · {user.unit.name}
            </Title>
            {!canImport && (
              <Alert color="gray" data-testid="import-read-only">
                {t('importReadOnly')}
              </Alert>
            )}
            {canImport && (
              <Paper withBorder p="md">
                <Stack>
                  <Text size="sm">
                    {t('importHelp')} <Anchor href="/api/registry/template.xlsx">{t('templateXlsx')}</Anchor>
                    {' · '}
                    <Anchor href="/api/registry/template.csv">CSV</Anchor>
                  </Text>
                  <FileInput
                    label={t('importFile')}
                    placeholder={t('importFilePlaceholder')}
                    accept=".csv,.xlsx,.txt"
                    value={file}
                    onChange={setFile}
                    data-testid="import-file"
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Radio.Group label={t('onError')} value={onError} onChange={setOnError}>
                      <Stack gap={4} mt="xs">
                        <Radio value="reject_all" label={t('onError_reject_all')} />
                        <Radio value="load_valid" label={t('onError_load_valid')} data-testid="load-valid" />
                      </Stack>
                    </Radio.Group>
                    <Radio.Group label={t('onExisting')} value={onExisting} onChange={setOnExisting}>
                      <Stack gap={4} mt="xs">
                        <Radio value="skip" label={t('onExisting_skip')} />
                        <Radio value="update" label={t('onExisting_update')} />
                        <Radio value="report" label={t('onExisting_report')} />
                      </Stack>
                    </Radio.Group>
                  </SimpleGrid>
                  {upload.error && (
                    <Alert color="red" role="alert">
                      {(upload.error as ApiError).message}
                    </Alert>
                  )}
                  <Group>
                    <Button
                      disabled={!file || p?.status === 'running'}
                      loading={upload.isPending}
                      onClick={() => file && upload.mutate(file)}
                      data-testid="import-start"
                    >
                      {t('startImport')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            )}
            {canImport && p && (
              <Paper withBorder p="md" data-testid="import-progress">
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text fw={600}>
                      #{p.id} {p.fileName}
                    </Text>
                    <Badge color={statusColor[p.status]} data-testid="import-status">
                      {statusLabel(p.status)}
                    </Badge>
                  </Group>
                  <Progress
                    value={p.share * 100}
                    animated={p.status === 'running'}
                    aria-label={t('progress')}
                  />
                  <Text size="sm">
                    {num(p.rowsRead, lang)} {t('rowsRead')} · {num(p.rowsPerSecond, lang)}{' '}
                    {t('rowsPerSecond')}
                    {p.status === 'running' && ` · ${phaseLabel(p.phase)}`}
                    {p.etaSeconds !== null && ` · ${t('left')} ${mmss(p.etaSeconds)}`}
                  </Text>
                  {p.status !== 'running' && (
                    <Stack gap={4} data-testid="import-summary">
                      <Text size="sm">
                        {t('loaded')} {num(p.loaded, lang)} · {t('updated')} {num(p.updated, lang)} ·{' '}
                        {t('unchanged')} {num(p.unchanged, lang)} · {t('skipped')} {num(p.skipped, lang)} ·{' '}
                        {t('import_rejected')} {num(p.rejected, lang)} · {t('warnings')}{' '}
                        {num(p.warnings, lang)}
                      </Text>
                      <Text size="sm">
                        {t('familiesLoaded')} {num(p.familiesLoaded, lang)} · {t('familiesUpdated')}{' '}
                        {num(p.familiesUpdated, lang)}
                      </Text>
                      {/* A finished import's message repeats the counts above; a refusal's says why. */}
                      {p.message && p.status !== 'done' && (
                        <Text size="sm" c="red">
                          {p.message}
                        </Text>
                      )}
                      {'firstProblems' in p && <ImportProblems view={p} />}
                    </Stack>
                  )}
                </Stack>
              </Paper>
            )}
            <Title order={2} size="h3">
              {t('importHistory')}
            </Title>
            <QueryView query={history}>
              {({ imports }) =>
                imports.length === 0 ? (
                  <Text c="dimmed">{t('noImports')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={760}>
                    <Table striped data-testid="import-history">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>#</Table.Th>
                          <Table.Th>{t('file')}</Table.Th>
                          <Table.Th>{t('started')}</Table.Th>
                          <Table.Th>Status</Table.Th>
                          <Table.Th>{t('colRead')}</Table.Th>
                          <Table.Th>{t('loaded')}</Table.Th>
                          <Table.Th>{t('colUpdated')}</Table.Th>
                          <Table.Th>{t('colUnchanged')}</Table.Th>
                          <Table.Th>{t('colSkipped')}</Table.Th>
                          <Table.Th>{t('colRejected')}</Table.Th>
                          <Table.Th />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {imports.map((i) => (
                          <Table.Tr key={i.id}>
                            <Table.Td>{i.id}</Table.Td>
                            <Table.Td>{i.fileName}</Table.Td>
                            <Table.Td>{formatDateTime(i.startedAt, lang)}</Table.Td>
                            <Table.Td>
                              <Badge color={statusColor[i.status]}>{statusLabel(i.status)}</Badge>
                            </Table.Td>
                            <Table.Td>{num(i.rowsRead, lang)}</Table.Td>
                            <Table.Td>{num(i.loaded, lang)}</Table.Td>
                            <Table.Td>{num(i.updated, lang)}</Table.Td>
                            <Table.Td>{num(i.unchanged, lang)}</Table.Td>
                            <Table.Td>{num(i.skipped, lang)}</Table.Td>
                            <Table.Td>{num(i.rejected, lang)}</Table.Td>
                            <Table.Td>
                              {canImport && i.hasErrorFile && (
                                <Anchor
                                  component="button"
                                  size="sm"
                                  onClick={() => setCurrent({ id: i.id })}
                                  data-testid={`show-problems-${i.id}`}
                                >
                                  {t('problems')}
                                  {i.problemCount > 0 && ` (${num(i.problemCount, lang)})`}
                                </Anchor>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )
              }
            </QueryView>
            <Button variant="subtle" onClick={() => void client.invalidateQueries({ queryKey: ['imports'] })}>
              {t('reloadHistory')}
            </Button>
          </Stack>
        );
      }}
    </RequireSession>
  );
}
