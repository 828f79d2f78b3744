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
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  codeOf,
  labelOf,
  readSearchBox,
  TemplateColumns,
  type VocabularyName,
} from '../../../src/registry/registry.schema.ts';
import { type ApiError, get, post, uploadFile } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ReasonModal, RevealableNumber } from '../reveal.tsx';
import { formatDate, QueryView } from '../ui.tsx';
import { RequireSession } from './staff.tsx';

interface PersonItem {
  id: number;
  familyId: number;
  nik: string;
  kk: string;
  name: string;
  sex: string;
  birthDate: string;
  relationship: string;
  villageCode: string;
  villageName: string;
  alive: boolean;
}

interface SearchResult {
  people: PersonItem[];
  next?: string;
  mode: string;
}

interface Summary {
  totals: { people: number; families: number };
  unit: { name: string };
  village: { code: string; name: string } | null;
  villages: Array<{ code: string; name: string; district: string }>;
}

const num = (n: number, lang: 'id' | 'en') => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');

/**
 * A register code in the reader's language. The server answers codes with Indonesian labels;
 * the labels come from the same vocabularies, so both languages read the same list.
 */
const label = (vocabulary: VocabularyName, code: string, lang: 'id' | 'en') =>
  labelOf(vocabulary, codeOf(vocabulary, code) ?? code, lang);
/** Sex as the tables show it: L/P in Indonesian, M/F in English. */
const sexShort = (code: string, lang: 'id' | 'en') => (lang === 'id' ? code : code === 'P' ? 'F' : 'M');
/** The vocabulary behind a column header of the history (`Hubungan Keluarga` → relationship). */
const vocabularyOfHeader = new Map(
  TemplateColumns.flatMap((c) => (c.vocabulary ? [[c.header, c.vocabulary] as const] : [])),
);

/** Why a search box cannot be searched (the server's own rule, `readSearchBox`), said before asking. */
function searchProblem(term: string): { id: string; en: string } | null {
  const read = readSearchBox(term);
  if (read.kind === 'wrong_length')
    return {
      id: `NIK dan No KK terdiri dari 16 digit (tertulis ${read.digits}).`,
      en: `A NIK or KK number has 16 digits (this has ${read.digits}).`,
    };
  if (read.kind === 'too_short')
    return { id: 'Tulis minimal 3 huruf nama.', en: 'Type at least 3 letters of the name.' };
  return null;
}

/** A register NIK/KK, masked, with the register's audited reveal. */
function RegisterNumber({
  kind,
  id,
  masked,
  canReveal,
}: {
  kind: 'nik' | 'kk';
  id: number;
  masked: string;
  canReveal: boolean;
}) {
  const { pick } = useI18n();
  return (
    <RevealableNumber
      masked={masked}
      canReveal={canReveal}
      testId={`${kind}-${id}`}
      title={pick({
        id: `Tampilkan ${kind === 'nik' ? 'NIK' : 'No KK'} lengkap`,
        en: `Show the full ${kind === 'nik' ? 'NIK' : 'KK number'}`,
      })}
      reveal={(reason) => post<{ value: string }>('/api/registry/reveal', { kind, id, reason })}
    />
  );
}

/** The register: search by NIK, KK number, name or village; masked numbers; export. */
export function RegistryPage() {
  const { pick, lang } = useI18n();
  const [q, setQ] = useState('');
  const [qProblem, setQProblem] = useState<{ id: string; en: string } | null>(null);
  const [village, setVillage] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{ q: string; village: string | null }>({ q: '', village: null });
  const [exportOpen, setExportOpen] = useState(false);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const summary = useQuery({
    queryKey: ['registry-summary'],
    queryFn: () => get<Summary>('/api/registry/summary'),
  });
  const active = submitted.q !== '' || submitted.village !== null;
  const results = useInfiniteQuery({
    queryKey: ['registry-search', submitted],
    enabled: active,
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (submitted.q) params.set('q', submitted.q);
      if (submitted.village) params.set('village', submitted.village);
      if (pageParam) params.set('after', pageParam);
      return get<SearchResult>(`/api/registry/people?${params}`);
    },
    getNextPageParam: (last) => last.next,
  });
  const exporting = useMutation({
    mutationFn: (reason: string) =>
      post<{ url: string }>('/api/registry/exports', {
        format,
        reason,
        ...(submitted.q ? { q: submitted.q } : {}),
        ...(submitted.village ? { village: submitted.village } : {}),
      }),
    onSuccess: (r) => {
      setExportOpen(false);
      window.location.assign(r.url);
    },
  });
  const people = results.data?.pages.flatMap((p) => p.people) ?? [];
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {pick({ id: 'Data Keluarga (DTKS/DTSEN)', en: 'Family register (DTKS/DTSEN)' })} ·{' '}
            {user.unit.name}
          </Title>
          <QueryView query={summary}>
            {(s) => (
              <Stack gap="md">
                <Text c="dimmed" data-testid="registry-totals">
                  {num(s.totals.people, lang)}{' '}
                  {pick({ id: 'orang dalam', en: s.totals.people === 1 ? 'person in' : 'people in' })}{' '}
                  {num(s.totals.families, lang)}{' '}
                  {pick({ id: 'keluarga', en: s.totals.families === 1 ? 'family' : 'families' })}
                  {s.village ? ` · ${pick({ id: 'Desa', en: 'Village' })} ${s.village.name}` : ''}
                </Text>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const term = q.trim();
                    const problem = searchProblem(term);
                    setQProblem(problem);
                    if (!problem) setSubmitted({ q: term, village });
                  }}
                >
                  <Group align="flex-end">
                    <TextInput
                      label={pick({ id: 'NIK, No KK, atau nama', en: 'NIK, KK number or name' })}
                      placeholder={pick({
                        id: 'mis. 3314… atau Siti Aminah',
                        en: 'e.g. 3314… or Siti Aminah',
                      })}
                      value={q}
                      onChange={(e) => setQ(e.currentTarget.value)}
                      error={qProblem !== null}
                      aria-describedby={qProblem ? 'registry-q-error' : undefined}
                      style={{ flex: 1, minWidth: 240 }}
                      data-testid="registry-q"
                    />
                    {!s.village && (
                      <Select
                        label={pick({ id: 'Desa/kelurahan', en: 'Village' })}
                        placeholder={pick({ id: 'semua desa', en: 'all villages' })}
                        searchable
                        clearable
                        clearButtonProps={{
                          // Mantine hides it from assistive technology by default.
                          'aria-hidden': false,
                          'aria-label': pick({ id: 'Semua desa', en: 'All villages' }),
                        }}
                        limit={50}
                        data={s.villages.map((v) => ({ value: v.code, label: `${v.name} (${v.district})` }))}
                        value={village}
                        onChange={setVillage}
                        style={{ minWidth: 260 }}
                        data-testid="registry-village"
                      />
                    )}
                    <Button type="submit">{pick({ id: 'Cari', en: 'Search' })}</Button>
                    {user.permissions.includes('registry.export') && (
                      <Button variant="light" onClick={() => setExportOpen(true)}>
                        {pick({ id: 'Ekspor', en: 'Export' })}
                      </Button>
                    )}
                  </Group>
                  {qProblem && (
                    <Text id="registry-q-error" c="red" size="sm" mt={4} role="alert">
                      {pick(qProblem)}
                    </Text>
                  )}
                </form>
              </Stack>
            )}
          </QueryView>
          {!active ? (
            <Paper withBorder p="lg">
              <Text c="dimmed">
                {pick({
                  id: 'Cari dengan NIK atau No KK (16 digit), nama (boleh salah ketik sedikit), atau pilih desa untuk melihat daftar warganya. NIK dan No KK disamarkan; menampilkan nomor lengkap dicatat beserta alasannya.',
                  en: 'Search by NIK or KK number (16 digits), by name (small typos are fine), or pick a village to list its residents. NIKs and KK numbers are masked; showing a full number is recorded with its reason.',
                })}
              </Text>
            </Paper>
          ) : (
            <QueryView query={results}>
              {() =>
                people.length === 0 ? (
                  <Paper withBorder p="lg">
                    <Text>{pick({ id: 'Tidak ada yang cocok.', en: 'Nothing matches.' })}</Text>
                  </Paper>
                ) : (
                  <Stack>
                    <Table.ScrollContainer minWidth={760}>
                      <Table striped data-testid="registry-results">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>NIK</Table.Th>
                            <Table.Th>{pick({ id: 'Nama', en: 'Name' })}</Table.Th>
                            <Table.Th>{pick({ id: 'L/P', en: 'Sex' })}</Table.Th>
                            <Table.Th>{pick({ id: 'Tanggal lahir', en: 'Born' })}</Table.Th>
                            <Table.Th>{pick({ id: 'Hubungan', en: 'Relationship' })}</Table.Th>
                            <Table.Th>{pick({ id: 'Desa', en: 'Village' })}</Table.Th>
                            <Table.Th>{pick({ id: 'No KK', en: 'KK number' })}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {people.map((p) => (
                            <Table.Tr key={p.id}>
                              <Table.Td ff="monospace">{p.nik}</Table.Td>
                              <Table.Td>
                                <Anchor component={Link} to={`/staf/registri/keluarga/${p.familyId}`}>
                                  {p.name}
                                </Anchor>
                                {!p.alive && (
                                  <Badge ml="xs" color="gray" size="xs">
                                    {pick({ id: 'meninggal', en: 'deceased' })}
                                  </Badge>
                                )}
                              </Table.Td>
                              <Table.Td>{sexShort(p.sex, lang)}</Table.Td>
                              <Table.Td>{formatDate(p.birthDate, lang)}</Table.Td>
                              <Table.Td>{label('relationship', p.relationship, lang)}</Table.Td>
                              <Table.Td>{p.villageName}</Table.Td>
                              <Table.Td ff="monospace">{p.kk}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                    {results.hasNextPage && (
                      <Button
                        variant="default"
                        loading={results.isFetchingNextPage}
                        onClick={() => void results.fetchNextPage()}
                      >
                        {pick({ id: 'Muat berikutnya', en: 'Load more' })}
                      </Button>
                    )}
                  </Stack>
                )
              }
            </QueryView>
          )}
          <ReasonModal
            opened={exportOpen}
            title={pick({ id: 'Ekspor data register', en: 'Export register data' })}
            onClose={() => setExportOpen(false)}
            onConfirm={(reason) => exporting.mutate(reason)}
            busy={exporting.isPending}
            error={(exporting.error as ApiError | null)?.message}
          >
            <Text size="sm">
              {active
                ? pick({
                    id: 'Yang diekspor: hasil pencarian saat ini.',
                    en: 'Exported: the current search results.',
                  })
                : pick({
                    id: 'Yang diekspor: seluruh register unit/desa Anda.',
                    en: 'Exported: the whole register of your unit/village.',
                  })}{' '}
              {user.permissions.includes('registry.reveal')
                ? pick({
                    id: 'NIK dan No KK ditulis lengkap.',
                    en: 'NIKs and KK numbers are written in full.',
                  })
                : pick({
                    id: 'NIK dan No KK disamarkan (peran Anda tidak berhak menampilkannya); berkas ini tidak dapat diimpor kembali.',
                    en: 'NIKs and KK numbers are masked (your role may not show them); this file cannot be imported back.',
                  })}
            </Text>
            <Radio.Group
              label={pick({ id: 'Format', en: 'Format' })}
              value={format}
              onChange={(v) => setFormat(v as 'csv' | 'xlsx')}
            >
              <Group mt="xs">
                <Radio value="xlsx" label="Excel (XLSX)" />
                <Radio value="csv" label="CSV" />
              </Group>
            </Radio.Group>
          </ReasonModal>
        </Stack>
      )}
    </RequireSession>
  );
}

interface FamilyView {
  id: number;
  kk: string;
  villageName: string;
  regionPath: string[];
  address: string;
  rt: string;
  rw: string;
  decile: number | null;
  welfareStatus: string;
  statusPeriod: string;
  existed: boolean;
  asOf?: string;
  members: Array<{
    id: number;
    nik: string;
    name: string;
    birthPlace: string;
    birthDate: string;
    sex: string;
    relationship: string;
    occupation: string;
    disabilityKind: string;
    disabilitySeverity: string;
    pregnancy: string;
    alive: boolean;
    deathDate: string | null;
  }>;
  history: Array<{
    at: string;
    by: string | null;
    note: string;
    subject: 'family' | 'person';
    name?: string;
    kind: 'created' | 'changed' | 'joined' | 'left';
    changes: Array<{ field: string; from: string; to: string }>;
  }>;
}

/** A family: its data, its members (on today or on a past date) and every change. */
export function FamilyPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { pick, lang } = useI18n();
  const [asOf, setAsOf] = useState('');
  const family = useQuery({
    queryKey: ['family', id, asOf],
    queryFn: () => get<FamilyView>(`/api/registry/families/${id}${asOf ? `?asOf=${asOf}` : ''}`),
  });
  const kinds = {
    created: pick({ id: 'tercatat', en: 'recorded' }),
    changed: pick({ id: 'diubah', en: 'changed' }),
    joined: pick({ id: 'masuk keluarga', en: 'joined the family' }),
    left: pick({ id: 'keluar dari keluarga', en: 'left the family' }),
  };
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Anchor component={Link} to="/staf/registri">
            ← {pick({ id: 'Kembali ke pencarian', en: 'Back to search' })}
          </Anchor>
          <QueryView query={family}>
            {(f) => (
              <Stack>
                <Group justify="space-between" align="flex-end">
                  <div>
                    <Title order={1} size="h2">
                      {pick({ id: 'Keluarga', en: 'Family' })}{' '}
                      {f.members.find((m) => m.relationship === 'kepala_keluarga')?.name ?? ''}
                    </Title>
                    <RegisterNumber
                      kind="kk"
                      id={f.id}
                      masked={f.kk}
                      canReveal={user.permissions.includes('registry.reveal')}
                    />
                  </div>
                  <TextInput
                    type="date"
                    label={pick({ id: 'Keadaan pada tanggal', en: 'State on date' })}
                    value={asOf}
                    onChange={(e) => setAsOf(e.currentTarget.value)}
                    data-testid="as-of"
                  />
                </Group>
                {f.asOf && (
                  <Alert color="blue">
                    {f.existed
                      ? pick({
                          id: `Menampilkan keadaan pada ${formatDate(f.asOf, 'id')}.`,
                          en: `Showing the state on ${formatDate(f.asOf, 'en')}.`,
                        })
                      : pick({
                          id: 'Keluarga ini belum tercatat pada tanggal itu.',
                          en: 'This family was not yet recorded on that date.',
                        })}
                  </Alert>
                )}
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Paper withBorder p="sm">
                    <Text size="xs" c="dimmed">
                      {pick({ id: 'Alamat', en: 'Address' })}
                    </Text>
                    <Text>
                      {[f.address, f.rt && `RT ${f.rt}`, f.rw && `RW ${f.rw}`].filter(Boolean).join(' ') ||
                        '—'}
                    </Text>
                    <Text size="sm">{[...f.regionPath].reverse().join(', ')}</Text>
                  </Paper>
                  <Paper withBorder p="sm">
                    <Text size="xs" c="dimmed">
                      {pick({ id: 'Status kesejahteraan', en: 'Welfare status' })}
                    </Text>
                    <Text>
                      {label('welfareStatus', f.welfareStatus, lang)}{' '}
                      {f.statusPeriod && `(${f.statusPeriod})`}
                    </Text>
                  </Paper>
                  <Paper withBorder p="sm">
                    <Text size="xs" c="dimmed">
                      {pick({ id: 'Desil', en: 'Decile' })}
                    </Text>
                    <Text>{f.decile ?? pick({ id: 'belum diperingkat', en: 'not ranked' })}</Text>
                  </Paper>
                </SimpleGrid>
                <Title order={2} size="h3">
                  {pick({ id: 'Anggota keluarga', en: 'Members' })} ({f.members.length})
                </Title>
                <Table.ScrollContainer minWidth={760}>
                  <Table striped data-testid="family-members">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>NIK</Table.Th>
                        <Table.Th>{pick({ id: 'Nama', en: 'Name' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Hubungan', en: 'Relationship' })}</Table.Th>
                        <Table.Th>{pick({ id: 'L/P', en: 'Sex' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Lahir', en: 'Born' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Pekerjaan', en: 'Occupation' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Keterangan', en: 'Notes' })}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {f.members.map((m) => (
                        <Table.Tr key={m.id}>
                          <Table.Td>
                            <RegisterNumber
                              kind="nik"
                              id={m.id}
                              masked={m.nik}
                              canReveal={user.permissions.includes('registry.reveal')}
                            />
                          </Table.Td>
                          <Table.Td>{m.name}</Table.Td>
                          <Table.Td>{label('relationship', m.relationship, lang)}</Table.Td>
                          <Table.Td>{sexShort(m.sex, lang)}</Table.Td>
                          <Table.Td>
                            {[m.birthPlace, formatDate(m.birthDate, lang)].filter(Boolean).join(', ')}
                          </Table.Td>
                          <Table.Td>{m.occupation}</Table.Td>
                          <Table.Td>
                            {!m.alive && (
                              <Badge color="gray">
                                {pick({ id: 'meninggal', en: 'deceased' })}{' '}
                                {m.deathDate ? formatDate(m.deathDate, lang) : ''}
                              </Badge>
                            )}
                            {m.disabilityKind && (
                              <Badge color="grape">
                                {pick({ id: 'disabilitas', en: 'disability' })}{' '}
                                {label('disabilityKind', m.disabilityKind, lang)}
                                {m.disabilitySeverity &&
                                  ` · ${label('disabilitySeverity', m.disabilitySeverity, lang)}`}
                              </Badge>
                            )}
                            {m.pregnancy && (
                              <Badge color="pink">{label('pregnancy', m.pregnancy, lang)}</Badge>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Title order={2} size="h3">
                  {pick({ id: 'Riwayat perubahan', en: 'History of changes' })}
                </Title>
                <Timeline bulletSize={14} data-testid="family-history">
                  {f.history.map((h) => (
                    <Timeline.Item
                      key={`${h.at}-${h.subject}-${h.name ?? ''}-${h.kind}`}
                      title={`${h.subject === 'family' ? pick({ id: 'Data keluarga', en: 'Family data' }) : h.name} ${kinds[h.kind]}`}
                    >
                      <Text size="xs" c="dimmed">
                        {new Date(h.at).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')} ·{' '}
                        {h.by ?? pick({ id: 'sistem', en: 'system' })}
                        {h.note ? ` · ${h.note}` : ''}
                      </Text>
                      {h.changes.map((c) => {
                        const vocabulary = vocabularyOfHeader.get(c.field);
                        const shown = (v: string) =>
                          (v && vocabulary ? label(vocabulary, v, lang) : v) || '—';
                        return (
                          <Text size="sm" key={c.field}>
                            {c.field}: <s>{shown(c.from)}</s> → {shown(c.to)}
                          </Text>
                        );
                      })}
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Stack>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}

interface ImportRow {
  id: number;
  fileName: string;
  status: 'running' | 'done' | 'rejected' | 'failed';
  phase: string;
  rowsRead: number;
  loaded: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  warnings: number;
  familiesLoaded: number;
  familiesUpdated: number;
  message: string;
  share: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  hasErrorFile: boolean;
  startedAt: string;
  onError: string;
  onExisting: string;
}

const statusColor = { running: 'blue', done: 'green', rejected: 'orange', failed: 'red' } as const;

/** Upload a register file, follow its progress, read its summary and the history of imports. */
export function RegistryImportPage() {
  const { pick, lang } = useI18n();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [onError, setOnError] = useState('reject_all');
  const [onExisting, setOnExisting] = useState('skip');
  const [current, setCurrent] = useState<{ id: number; key: string } | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadFile<{ id: number; key: string }>(
        `/api/registry/imports?onError=${onError}&onExisting=${onExisting}`,
        f,
      ),
    onSuccess: (r) => setCurrent(r),
  });
  const progress = useQuery({
    queryKey: ['import', current?.id],
    enabled: current !== null,
    // While it runs, the progress comes from the server's memory under the upload's key (on the
    // embedded database the import holds it, and the record would only answer at the end); once
    // that is gone, the record has the summary.
    queryFn: async () =>
      (await get<ImportRow | undefined>(`/api/registry/imports/${current?.id}/live?key=${current?.key}`)) ??
      get<ImportRow>(`/api/registry/imports/${current?.id}`),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });
  const history = useQuery({
    queryKey: ['imports', progress.data?.status],
    queryFn: () => get<{ imports: ImportRow[] }>('/api/registry/imports'),
  });
  const statusLabel = (s: ImportRow['status']) =>
    ({
      running: pick({ id: 'berjalan', en: 'running' }),
      done: pick({ id: 'selesai', en: 'done' }),
      rejected: pick({ id: 'ditolak', en: 'rejected' }),
      failed: pick({ id: 'gagal', en: 'failed' }),
    })[s];
  const phaseLabel = (phase: string) =>
    ({
      menunggu: pick({ id: 'menunggu impor lain selesai', en: 'waiting for another import to finish' }),
      membaca: pick({ id: 'membaca berkas', en: 'reading the file' }),
      memeriksa: pick({ id: 'memeriksa baris', en: 'checking the rows' }),
      menggabungkan: pick({ id: 'menggabungkan ke register', en: 'merging into the register' }),
    })[phase] ?? phase;
  const p = progress.data;
  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {pick({ id: 'Impor data keluarga', en: 'Register import' })} · {user.unit.name}
          </Title>
          <Paper withBorder p="md">
            <Stack>
              <Text size="sm">
                {pick({
                  id: 'Gunakan templat: satu baris per orang, judul kolom di baris 1. Berkas CSV (pemisah koma atau titik koma) atau Excel .xlsx. Isi kolom NIK dan No KK sebagai Teks.',
                  en: 'Use the template: one row per person, headers in row 1. CSV (comma or semicolon) or Excel .xlsx. Enter NIK and KK as text.',
                })}{' '}
                <Anchor href="/api/registry/template.xlsx">
                  {pick({ id: 'Unduh templat Excel', en: 'Download Excel template' })}
                </Anchor>
                {' · '}
                <Anchor href="/api/registry/template.csv">CSV</Anchor>
              </Text>
              <FileInput
                label={pick({ id: 'Berkas register', en: 'Register file' })}
                placeholder={pick({ id: 'pilih berkas .csv atau .xlsx', en: 'choose a .csv or .xlsx file' })}
                accept=".csv,.xlsx,.txt"
                value={file}
                onChange={setFile}
                data-testid="import-file"
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Radio.Group
                  label={pick({ id: 'Bila ada baris yang salah', en: 'When a row is wrong' })}
                  value={onError}
                  onChange={setOnError}
                >
                  <Stack gap={4} mt="xs">
                    <Radio
                      value="reject_all"
                      label={pick({ id: 'tolak seluruh berkas', en: 'reject the whole file' })}
                    />
                    <Radio
                      value="load_valid"
                      label={pick({
                        id: 'muat baris yang benar, laporkan sisanya',
                        en: 'load the valid rows, report the rest',
                      })}
                      data-testid="load-valid"
                    />
                  </Stack>
                </Radio.Group>
                <Radio.Group
                  label={pick({
                    id: 'Bila NIK sudah ada di register',
                    en: 'When the NIK is already in the register',
                  })}
                  value={onExisting}
                  onChange={setOnExisting}
                >
                  <Stack gap={4} mt="xs">
                    <Radio value="skip" label={pick({ id: 'lewati', en: 'skip' })} />
                    <Radio
                      value="update"
                      label={pick({ id: 'perbarui (riwayat disimpan)', en: 'update (history kept)' })}
                    />
                    <Radio
                      value="report"
                      label={pick({ id: 'laporkan sebagai kesalahan', en: 'report as an error' })}
                    />
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
                  {pick({ id: 'Mulai impor', en: 'Start import' })}
                </Button>
              </Group>
            </Stack>
          </Paper>
          {p && (
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
                <Progress value={p.share * 100} animated={p.status === 'running'} aria-label="progress" />
                <Text size="sm">
                  {num(p.rowsRead, lang)} {pick({ id: 'baris dibaca', en: 'rows read' })} ·{' '}
                  {num(p.rowsPerSecond, lang)} {pick({ id: 'baris/detik', en: 'rows/s' })}
                  {p.status === 'running' && ` · ${phaseLabel(p.phase)}`}
                  {p.etaSeconds !== null && ` · ${pick({ id: 'sisa', en: 'left' })} ${mmss(p.etaSeconds)}`}
                </Text>
                {p.status !== 'running' && (
                  <Stack gap={4} data-testid="import-summary">
                    <Text size="sm">
                      {pick({ id: 'Dimuat', en: 'Loaded' })} {num(p.loaded, lang)} ·{' '}
                      {pick({ id: 'diperbarui', en: 'updated' })} {num(p.updated, lang)} ·{' '}
                      {pick({ id: 'tetap', en: 'unchanged' })} {num(p.unchanged, lang)} ·{' '}
                      {pick({ id: 'dilewati', en: 'skipped' })} {num(p.skipped, lang)} ·{' '}
                      {pick({ id: 'ditolak', en: 'rejected' })} {num(p.rejected, lang)} ·{' '}
                      {pick({ id: 'peringatan', en: 'warnings' })} {num(p.warnings, lang)}
                    </Text>
                    <Text size="sm">
                      {pick({ id: 'Keluarga baru', en: 'New families' })} {num(p.familiesLoaded, lang)} ·{' '}
                      {pick({ id: 'keluarga diperbarui', en: 'families updated' })}{' '}
                      {num(p.familiesUpdated, lang)}
                    </Text>
                    {/* A finished import's message repeats the counts above; a refusal's says why. */}
                    {p.message && p.status !== 'done' && (
                      <Text size="sm" c="red">
                        {p.message}
                      </Text>
                    )}
                    {p.hasErrorFile && (
                      <Anchor href={`/api/registry/imports/${p.id}/errors`} data-testid="error-file">
                        {pick({
                          id: 'Unduh daftar masalah (per baris dan kolom)',
                          en: 'Download the list of problems (by row and column)',
                        })}
                      </Anchor>
                    )}
                  </Stack>
                )}
              </Stack>
            </Paper>
          )}
          <Title order={2} size="h3">
            {pick({ id: 'Riwayat impor', en: 'Import history' })}
          </Title>
          <QueryView query={history}>
            {({ imports }) =>
              imports.length === 0 ? (
                <Text c="dimmed">{pick({ id: 'Belum ada impor.', en: 'No imports yet.' })}</Text>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped data-testid="import-history">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>#</Table.Th>
                        <Table.Th>{pick({ id: 'Berkas', en: 'File' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Mulai', en: 'Started' })}</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th>{pick({ id: 'Dibaca', en: 'Read' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Dimuat', en: 'Loaded' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Diperbarui', en: 'Updated' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Tetap', en: 'Unchanged' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Dilewati', en: 'Skipped' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Ditolak', en: 'Rejected' })}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {imports.map((i) => (
                        <Table.Tr key={i.id}>
                          <Table.Td>{i.id}</Table.Td>
                          <Table.Td>{i.fileName}</Table.Td>
                          <Table.Td>
                            {new Date(i.startedAt).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}
                          </Table.Td>
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
                            {i.hasErrorFile && (
                              <Anchor href={`/api/registry/imports/${i.id}/errors`} size="sm">
                                {pick({ id: 'masalah', en: 'problems' })}
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
            {pick({ id: 'Muat ulang riwayat', en: 'Reload history' })}
          </Button>
        </Stack>
      )}
    </RequireSession>
  );
}
