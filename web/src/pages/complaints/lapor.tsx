import type {
  FollowUpList,
  LaporImportDone,
  LaporMapping,
  LaporMappingView,
  LaporPreview,
} from '@jaring/complaints/lapor.schema.ts';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiError, get, put, uploadFile } from '../../api.ts';
import { DownloadButton } from '../../components/download-button.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { complaintTexts } from '../../i18n/complaints.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { laporTexts } from '../../i18n/lapor.ts';

const fields = [
  'laporId',
  'reportedAt',
  'title',
  'text',
  'class',
  'category',
  'status',
  'source',
  'name',
  'contact',
  'confidential',
  'anonymous',
  'verifiedAt',
  'ignore',
] as const;
const classes = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
const outcomes = ['none', 'verifikasi', 'tunda', 'bukan_wewenang', 'arsipkan'] as const;
type Field = (typeof fields)[number];

const verdictColor = { new: 'teal', duplicate: 'gray', invalid: 'red' } as const;

/** Upload, a preview of every row with its problems, then the import of the whole file. */
function ImportTab({ timeZone }: { timeZone: string }) {
  const { t, lang } = useTexts(laporTexts);
  const c = useTexts(complaintTexts).t;
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({
    mutationFn: (f: File) => uploadFile<LaporPreview>('/api/complaints/lapor/imports/preview', f),
  });
  const confirm = useMutation({
    mutationFn: (f: File) => uploadFile<LaporImportDone>('/api/complaints/lapor/imports', f),
    onSuccess: () => {
      preview.reset();
      setFile(null);
      void client.invalidateQueries({ queryKey: ['complaints'] });
    },
  });
  const p = preview.data;
  const problems = confirm.error instanceof ApiError ? confirm.error.problems : [];
  return (
    <Stack gap="sm">
      <Text size="sm">{t('importNote')}</Text>
      <Group align="end">
        <FileInput
          label={t('importFile')}
          accept=".csv,.json,.xlsx,text/csv,application/json"
          value={file}
          onChange={(f) => {
            setFile(f);
            preview.reset();
            confirm.reset();
          }}
          clearable
          miw={280}
          data-testid="lapor-file"
        />
        <Button
          onClick={() => file && preview.mutate(file)}
          loading={preview.isPending}
          disabled={!file}
          variant="light"
          data-testid="lapor-preview"
        >
          {t('previewButton')}
        </Button>
      </Group>
      {preview.error ? <Alert color="red">{preview.error.message}</Alert> : null}
      {confirm.data ? (
        <Alert
          color="teal"
          title={t('importedTitle', { n: confirm.data.imported.length })}
          data-testid="lapor-imported"
        >
          <Stack gap={4}>
            {confirm.data.imported.map((r) => (
              <Anchor key={r.id} component={Link} to={`/staf/pengaduan/${r.id}`} size="sm" ff="monospace">
                {r.laporId} → {r.trackingCode}
              </Anchor>
            ))}
            {confirm.data.duplicates.length > 0 ? (
              <Text size="sm">{t('importedDuplicates', { n: confirm.data.duplicates.length })}</Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {confirm.error ? (
        <Alert color="red" title={confirm.error.message}>
          <List size="sm">
            {problems.map((x) => (
              <List.Item key={`${x.path}:${x.message}`}>{x.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {p ? (
        <Stack gap="sm" data-testid="lapor-preview-result">
          {p.fileProblems.length > 0 ? (
            <Alert color="red" title={t('fileProblemsTitle')} data-testid="lapor-file-problems">
              <List size="sm">
                {p.fileProblems.map((x) => (
                  <List.Item key={`${x.path}:${x.message}`}>{x.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {t('countRows', { n: p.counts.rows })}
            </Badge>
            <Badge variant="light" color="teal" data-testid="lapor-count-new">
              {t('countNew', { n: p.counts.new })}
            </Badge>
            <Badge variant="light" color="gray">
              {t('countDuplicate', { n: p.counts.duplicate })}
            </Badge>
            <Badge variant="light" color="red" data-testid="lapor-count-invalid">
              {t('countInvalid', { n: p.counts.invalid })}
            </Badge>
          </Group>
          {p.columns.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t('columnsFound')}:{' '}
              {p.columns
                .map(
                  (col) =>
                    `${col.column} (${col.field ? t(`field_${col.field as Field}`) : t('columnUnused')})`,
                )
                .join(' · ')}
            </Text>
          ) : null}
          {p.rows.length > 0 ? (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="lapor-preview-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('rowNumber')}</Table.Th>
                    <Table.Th>{t('laporId')}</Table.Th>
                    <Table.Th>{t('reportedAt')}</Table.Th>
                    <Table.Th>{t('kind')}</Table.Th>
                    <Table.Th>{t('reportTitle')}</Table.Th>
                    <Table.Th>{t('verdict')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.rows.map((r) => (
                    <Table.Tr key={r.row} data-verdict={r.verdict}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td ff="monospace">{r.laporId || '—'}</Table.Td>
                      <Table.Td>
                        {formatDateTime(r.reportedAt, lang, { dateStyle: 'medium', timeZone })}
                      </Table.Td>
                      <Table.Td>{r.class ? c(`class_${r.class}`) : '—'}</Table.Td>
                      <Table.Td>{r.title || '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={verdictColor[r.verdict]} variant="light">
                          {t(`verdict_${r.verdict}`)}
                        </Badge>
                        {r.trackingCode ? (
                          <Text size="xs" ff="monospace">
                            {r.trackingCode}
                          </Text>
                        ) : null}
                        {r.problems.map((x) => (
                          <Text key={x.path + x.message} size="xs" c="red">
                            {x.message}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {p.counts.invalid > 0 || p.fileProblems.length > 0 ? (
            <Alert color="orange">{t('invalidNote')}</Alert>
          ) : p.counts.new === 0 ? (
            <Alert color="gray">{t('nothingNew')}</Alert>
          ) : (
            <Group>
              <Button
                onClick={() => file && confirm.mutate(file)}
                loading={confirm.isPending}
                data-testid="lapor-confirm"
              >
                {t('confirmButton', { n: p.counts.new })}
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}

type Entry = { label: string; target: string };
const entriesOf = (r: Record<string, string>): Entry[] =>
  Object.entries(r).map(([label, target]) => ({ label, target }));
const recordOf = (es: Entry[]) =>
  Object.fromEntries(es.filter((e) => e.label.trim() !== '').map((e) => [e.label.trim(), e.target]));

/** One part of the mapping as editable rows: the label in the file and what it means. */
function MappingPart({
  title,
  entries,
  onChange,
  targets,
  testId,
}: {
  title: string;
  entries: Entry[];
  onChange: (es: Entry[]) => void;
  targets: Array<{ value: string; label: string }>;
  testId: string;
}) {
  const { t } = useTexts(laporTexts);
  const first = targets[0]?.value ?? '';
  return (
    <Stack gap={6} data-testid={testId}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {entries.map((e, i) => (
        // Rows are edited in place and have no identity beyond their position.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={i} gap="xs" wrap="nowrap" align="end">
          <TextInput
            label={i === 0 ? t('mappingLabel') : undefined}
            aria-label={t('mappingLabel')}
            value={e.label}
            onChange={(ev) =>
              onChange(entries.map((x, j) => (j === i ? { ...x, label: ev.currentTarget.value } : x)))
            }
            style={{ flex: 1 }}
          />
          <Select
            label={i === 0 ? t('mappingTarget') : undefined}
            aria-label={t('mappingTarget')}
            data={targets}
            value={e.target}
            allowDeselect={false}
            onChange={(v) => onChange(entries.map((x, j) => (j === i ? { ...x, target: v ?? first } : x)))}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('mappingRemove')}
            onClick={() => onChange(entries.filter((_, j) => j !== i))}
            mb={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => onChange([...entries, { label: '', target: first }])}
        >
          {t('mappingAdd')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The unit's own mapping of its LAPOR! files, laid over the defaults. */
function MappingTab() {
  const { t } = useTexts(laporTexts);
  const c = useTexts(complaintTexts).t;
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['lapor-mapping'],
    queryFn: () => get<LaporMappingView>('/api/complaints/lapor/mapping'),
  });
  const [columns, setColumns] = useState<Entry[]>([]);
  const [kinds, setKinds] = useState<Entry[]>([]);
  const [statuses, setStatuses] = useState<Entry[]>([]);
  useEffect(() => {
    if (!query.data) return;
    setColumns(entriesOf(query.data.mapping.columns));
    setKinds(entriesOf(query.data.mapping.classes));
    setStatuses(entriesOf(query.data.mapping.statuses));
  }, [query.data]);
  const save = useMutation({
    mutationFn: (mapping: LaporMapping | null) =>
      put<LaporMappingView>('/api/complaints/lapor/mapping', { mapping }),
    onSuccess: (view) => client.setQueryData(['lapor-mapping'], view),
  });
  const fieldTargets = fields.map((f) => ({ value: f, label: t(`field_${f}`) }));
  const classTargets = classes.map((k) => ({ value: k, label: c(`class_${k}`) }));
  const outcomeTargets = outcomes.map((o) => ({ value: o, label: t(`outcome_${o}`) }));
  const labelOf = (list: Array<{ value: string; label: string }>, v: string) =>
    list.find((x) => x.value === v)?.label ?? v;
  return (
    <QueryView query={query}>
      {(view) => (
        <Stack gap="md">
          <Text size="sm">{t('layoutNote', { layout: view.layout })}</Text>
          <Text size="sm" c="dimmed" data-testid="lapor-mapping-state">
            {view.custom ? t('mappingCustom') : t('mappingDefault')}
          </Text>
          <MappingPart
            title={t('mappingColumns')}
            entries={columns}
            onChange={setColumns}
            targets={fieldTargets}
            testId="lapor-mapping-columns"
          />
          <MappingPart
            title={t('mappingClasses')}
            entries={kinds}
            onChange={setKinds}
            targets={classTargets}
            testId="lapor-mapping-classes"
          />
          <MappingPart
            title={t('mappingStatuses')}
            entries={statuses}
            onChange={setStatuses}
            targets={outcomeTargets}
            testId="lapor-mapping-statuses"
          />
          {save.error ? <Alert color="red">{save.error.message}</Alert> : null}
          {save.isSuccess ? <Alert color="teal">{t('mappingSaved')}</Alert> : null}
          <Group>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  layout: 'jaring-lapor-1',
                  columns: recordOf(columns) as LaporMapping['columns'],
                  classes: recordOf(kinds) as LaporMapping['classes'],
                  statuses: recordOf(statuses) as LaporMapping['statuses'],
                })
              }
              data-testid="lapor-mapping-save"
            >
              {t('mappingSave')}
            </Button>
            {view.custom ? (
              <Button variant="light" color="gray" loading={save.isPending} onClick={() => save.mutate(null)}>
                {t('mappingReset')}
              </Button>
            ) : null}
          </Group>
          <Paper withBorder p="sm">
            <Text fw={600} size="sm" mb="xs">
              {t('mappingDefaults')}
            </Text>
            <Table fz="xs" data-testid="lapor-mapping-defaults">
              <Table.Tbody>
                {Object.entries(view.defaults.columns).map(([k, v]) => (
                  <Table.Tr key={`c:${k}`}>
                    <Table.Td>{k}</Table.Td>
                    <Table.Td>{labelOf(fieldTargets, v)}</Table.Td>
                  </Table.Tr>
                ))}
                {Object.entries(view.defaults.classes).map(([k, v]) => (
                  <Table.Tr key={`k:${k}`}>
                    <Table.Td>{k}</Table.Td>
                    <Table.Td>{labelOf(classTargets, v)}</Table.Td>
                  </Table.Tr>
                ))}
                {Object.entries(view.defaults.statuses).map(([k, v]) => (
                  <Table.Tr key={`s:${k}`}>
                    <Table.Td>{k}</Table.Td>
                    <Table.Td>{labelOf(outcomeTargets, v)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </QueryView>
  );
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The follow-ups of a span of days, and their download for LAPOR!. */
function ExportTab() {
  const { t, lang } = useTexts(laporTexts);
  const c = useTexts(complaintTexts).t;
  const [to, setTo] = useState(isoDay(new Date()));
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const params = `from=${from}&to=${to}`;
  const list = useQuery({
    queryKey: ['lapor-follow-ups', from, to],
    queryFn: () => get<FollowUpList>(`/api/complaints/lapor/follow-ups?${params}`),
    enabled: valid,
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('exportNote')}</Text>
      <Group align="end">
        <TextInput
          type="date"
          label={t('exportFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          data-testid="lapor-export-from"
        />
        <TextInput
          type="date"
          label={t('exportTo')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data-testid="lapor-export-to"
        />
        <DownloadButton
          href={`/api/complaints/lapor/follow-ups.csv?${params}`}
          testId="lapor-export-csv"
          disabled={!valid}
        >
          {t('exportCsv')}
        </DownloadButton>
        <DownloadButton
          href={`/api/complaints/lapor/follow-ups.xlsx?${params}`}
          testId="lapor-export-xlsx"
          disabled={!valid}
        >
          {t('exportXlsx')}
        </DownloadButton>
      </Group>
      <QueryView query={list} skeleton="table">
        {(l) =>
          l.followUps.length === 0 ? (
            <Text data-testid="lapor-export-empty">{t('exportEmpty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="lapor-export-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('laporId')}</Table.Th>
                    <Table.Th>{t('followUpText')}</Table.Th>
                    <Table.Th>{t('outcome')}</Table.Th>
                    <Table.Th>{t('followUpAt')}</Table.Th>
                    <Table.Th>{t('officer')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {l.followUps.map((f) => (
                    <Table.Tr key={`${f.trackingCode}:${f.at}:${f.text.slice(0, 20)}`}>
                      <Table.Td ff="monospace">{f.laporId || '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.text}</Table.Td>
                      <Table.Td>{f.outcome ? c(`lapor_${f.outcome}`) : '—'}</Table.Td>
                      <Table.Td>
                        {formatDateTime(f.at, lang, { dateStyle: 'medium', timeZone: l.timeZone })}
                      </Table.Td>
                      <Table.Td>{f.officer}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      <Text size="xs" c="dimmed">
        {formatDate(from, lang)} – {formatDate(to, lang)}
      </Text>
    </Stack>
  );
}

/** SP4N-LAPOR! for the complaint officer: import, export of follow-ups, column mapping. */
export function LaporPage() {
  const { t } = useTexts(laporTexts);
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Anchor component={Link} to="/staf/pengaduan" size="sm">
            ← {t('backToQueue')}
          </Anchor>
          <Title order={1} size="h2">
            {t('laporTitle')} · {user.unit.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('laporIntro')}
          </Text>
          <Tabs defaultValue="import" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="import" data-testid="lapor-tab-import">
                {t('tabImport')}
              </Tabs.Tab>
              <Tabs.Tab value="export" data-testid="lapor-tab-export">
                {t('tabExport')}
              </Tabs.Tab>
              <Tabs.Tab value="mapping" data-testid="lapor-tab-mapping">
                {t('tabMapping')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="import" pt="md">
              <ImportTab timeZone={user.unit.timeZone} />
            </Tabs.Panel>
            <Tabs.Panel value="export" pt="md">
              <ExportTab />
            </Tabs.Panel>
            <Tabs.Panel value="mapping" pt="md">
              <MappingTab />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </RequireSession>
  );
}
