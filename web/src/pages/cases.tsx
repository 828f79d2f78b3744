import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { isStaffRole, RoleLabels } from '../../../src/auth/roles.ts';
import { type ApiError, get, post, uploadFile } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { RevealableNumber } from '../reveal.tsx';
import { QueryView } from '../ui.tsx';
import { RequireSession } from './staff.tsx';

interface QueueItem {
  id: number;
  trackingCode: string;
  applicantName: string;
  product: string | null;
  status: string;
  step: string | null;
  stepRole: string | null;
  dueAt: string | null;
  assigneeId: number | null;
  overdue: boolean;
  dueSoon: boolean;
}

interface WorkflowAction {
  id: string;
  label: string;
  kind: 'forward' | 'complete' | 'reject' | 'return';
  fields?: Array<{ id: string; label: string; kind: 'text' | 'region' | 'number'; required: boolean }>;
}

interface ClaimsPreview {
  kind: 'relief.claims';
  nik: string | null;
  claims: Array<{
    unit: string;
    paidAt: string;
    amount: number;
    originCode: string;
    destinationCode: string;
  }>;
  tariffs: Record<string, number | null>;
}

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** Earlier payouts to the same person in any office, shown before paying again. */
function ClaimsAlert({ preview }: { preview: ClaimsPreview }) {
  const { pick, lang } = useI18n();
  if (!preview.nik) {
    return (
      <Alert color="orange" data-testid="claims-check">
        {pick({
          id: 'Pemohon tanpa NIK: klaim berulang tidak dapat diperiksa. Cocokkan dengan surat kepolisian.',
          en: 'Applicant without NIK: repeat claims cannot be checked. Compare with the police letter.',
        })}
      </Alert>
    );
  }
  return preview.claims.length === 0 ? (
    <Alert color="green" data-testid="claims-check">
      {pick({
        id: `Tidak ada klaim sebelumnya untuk NIK ${preview.nik} di kantor mana pun.`,
        en: `No earlier claim for NIK ${preview.nik} in any office.`,
      })}
    </Alert>
  ) : (
    <Alert
      color="red"
      data-testid="claims-check"
      title={pick({ id: 'Klaim berulang!', en: 'Repeat claim!' })}
    >
      <List size="sm">
        {preview.claims.map((c) => (
          <List.Item key={`${c.unit}-${c.paidAt}`}>
            {dateTime(c.paidAt, lang)} · {c.unit} · {rupiah(c.amount)} · {c.originCode} → {c.destinationCode}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** All regencies/cities for region fields. */
function useRegencies(enabled: boolean) {
  return useQuery({
    queryKey: ['regencies'],
    queryFn: () =>
      get<{ regencies: Array<{ code: string; name: string; province: string }> }>('/api/regions/regencies'),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

interface CaseView {
  case: {
    id: number;
    trackingCode: string;
    product: string | null;
    applicant: { name: string; nik?: string; phone?: string };
    status: string;
    version: number;
    dueAt: string | null;
    openedAt: string;
    flags: string[];
  };
  /** Whether this user may ask for the applicant's full NIK (`POST /api/cases/:id/reveal`). */
  mayRevealNik: boolean;
  standard: { id: string; name: string; products: Array<{ id: string; name: string }> };
  labels: Record<string, { label: string; actions: Record<string, string> }>;
  state: {
    status: 'open' | 'returned' | 'done' | 'rejected';
    reason: string | null;
    assignee: number | null;
  };
  step: { id: string; label: string; role: string } | null;
  available: WorkflowAction[];
  previews: Record<string, ClaimsPreview | Record<string, unknown>>;
  missing: Array<{ id: string; text: string }>;
  actions: Array<{
    seq: number;
    at: string;
    role: string;
    step: string | null;
    action: string;
    note: string | null;
    data: { result?: { payoutId?: number; amount?: number } } | null;
  }>;
  documents: Array<{ id: number; requirementId: string; fileName: string; size: number; sha256: string }>;
  letters: Array<{
    id: number;
    number: string;
    title: string;
    issuedAt: string;
    verificationCode: string;
    signedScans: Array<{
      sha256: string;
      uploadedAt: string;
      uploadedBy: { id: number; name: string } | null;
      reason: string | null;
      replaced: boolean;
    }>;
  }>;
}

/** A moment in the unit's own time zone (WIB/WITA/WIT), whatever the viewer's computer says. */
const dateTime = (iso: string | null, lang: 'id' | 'en', timeZone?: string) =>
  iso
    ? new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
      })
    : '—';

const statusColor: Record<string, string> = {
  open: 'blue',
  returned: 'yellow',
  done: 'green',
  rejected: 'red',
};
const statusLabel: Record<string, { id: string; en: string }> = {
  open: { id: 'Diproses', en: 'In progress' },
  returned: { id: 'Menunggu kelengkapan', en: 'Waiting for applicant' },
  done: { id: 'Selesai', en: 'Done' },
  rejected: { id: 'Ditolak', en: 'Refused' },
};

export function StatusBadge({ status }: { status: string }) {
  const { pick } = useI18n();
  return (
    <Badge color={statusColor[status] ?? 'gray'}>
      {statusLabel[status] ? pick(statusLabel[status]) : status}
    </Badge>
  );
}

/** The cases waiting for the user's roles in their unit, soonest due first. */
export function QueuePage() {
  const { pick, lang } = useI18n();
  const queue = useQuery({
    queryKey: ['queue'],
    queryFn: () => get<{ cases: QueueItem[] }>('/api/cases'),
    refetchInterval: 30_000,
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {pick({ id: 'Antrean permohonan', en: 'Request queue' })} · {user.unit.name}
            </Title>
            {user.permissions.includes('cases.intake') ? (
              <Button component={Link} to="/staf/permohonan/baru">
                {pick({ id: 'Permohonan baru', en: 'New request' })}
              </Button>
            ) : null}
          </Group>
          <QueryView query={queue}>
            {({ cases }) =>
              cases.length === 0 ? (
                <Text>
                  {pick({
                    id: 'Tidak ada permohonan yang menunggu Anda.',
                    en: 'No request is waiting for you.',
                  })}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped highlightOnHover data-testid="queue">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{pick({ id: 'Kode', en: 'Code' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Pemohon', en: 'Applicant' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Langkah', en: 'Step' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Batas waktu', en: 'Due' })}</Table.Th>
                        <Table.Th>Status</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {cases.map((c) => (
                        <Table.Tr key={c.id} bg={c.overdue ? 'var(--mantine-color-red-0)' : undefined}>
                          <Table.Td>
                            <Anchor component={Link} to={`/staf/permohonan/${c.id}`} ff="monospace">
                              {c.trackingCode}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{c.applicantName}</Table.Td>
                          <Table.Td>{c.step}</Table.Td>
                          <Table.Td>
                            {dateTime(c.dueAt, lang, user.unit.timeZone)}{' '}
                            {c.overdue ? (
                              <Badge color="red">{pick({ id: 'terlambat', en: 'overdue' })}</Badge>
                            ) : c.dueSoon ? (
                              <Badge color="orange">
                                {pick({ id: 'segera jatuh tempo', en: 'due soon' })}
                              </Badge>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <StatusBadge status={c.status} />{' '}
                            {c.assigneeId !== null ? (
                              <Badge variant="outline">{pick({ id: 'diambil', en: 'claimed' })}</Badge>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}

interface StaffService {
  id: string;
  name: string;
  hasWorkflow: boolean;
  products: Array<{ id: string; name: string }>;
  requirements: Array<{ id: string; text: string; kind: string; products?: string[] }>;
}

/** The front desk's intake form, generated from the standard: product, applicant, checklist. */
export function IntakePage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const services = useQuery({
    queryKey: ['staff-standards'],
    queryFn: () => get<{ standards: StaffService[] }>('/api/staff/standards'),
  });
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [product, setProduct] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nik, setNik] = useState('');
  const [phone, setPhone] = useState('');
  const open = useMutation<{ id: number; trackingCode: string }, ApiError>({
    mutationFn: () =>
      post('/api/cases', {
        standardId: serviceId,
        ...(product ? { product } : {}),
        applicant: { name, ...(nik ? { nik } : {}), ...(phone ? { phone } : {}) },
      }),
    onSuccess: ({ id }) => void navigate({ to: `/staf/permohonan/${id}` }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };
  return (
    <RequireSession>
      {() => (
        <QueryView query={services}>
          {({ standards }) => {
            const runnable = standards.filter((s) => s.hasWorkflow);
            const service = runnable.find((s) => s.id === serviceId);
            const needsProduct = (service?.products.length ?? 0) > 1;
            const checklist = (service?.requirements ?? []).filter(
              (r) => !r.products || (product !== null && r.products.includes(product)),
            );
            return (
              <Paper withBorder p="lg" maw={720}>
                <form onSubmit={submit}>
                  <Stack>
                    <Title order={1} size="h2">
                      {pick({ id: 'Permohonan baru', en: 'New request' })}
                    </Title>
                    {runnable.length === 0 ? (
                      <Alert color="yellow">
                        {pick({
                          id: 'Belum ada layanan unit ini yang memiliki alur kerja.',
                          en: 'No service of this office has a workflow yet.',
                        })}
                      </Alert>
                    ) : null}
                    <Select
                      label={pick({ id: 'Layanan', en: 'Service' })}
                      data={runnable.map((s) => ({ value: s.id, label: s.name }))}
                      value={serviceId}
                      onChange={(v) => {
                        setServiceId(v);
                        setProduct(null);
                      }}
                      required
                    />
                    {needsProduct ? (
                      <Select
                        label={pick({ id: 'Produk layanan', en: 'Service product' })}
                        data={(service?.products ?? []).map((p) => ({ value: p.id, label: p.name }))}
                        value={product}
                        onChange={setProduct}
                        required
                      />
                    ) : null}
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <TextInput
                        label={pick({ id: 'Nama pemohon', en: 'Applicant name' })}
                        value={name}
                        onChange={(e) => setName(e.currentTarget.value)}
                        required
                      />
                      <TextInput
                        label="NIK"
                        value={nik}
                        onChange={(e) => setNik(e.currentTarget.value.replace(/\D/g, '').slice(0, 16))}
                        inputMode="numeric"
                        error={
                          nik && nik.length !== 16
                            ? pick({ id: 'NIK 16 digit', en: 'NIK has 16 digits' })
                            : undefined
                        }
                      />
                      <TextInput
                        label={pick({ id: 'Telepon', en: 'Phone' })}
                        value={phone}
                        onChange={(e) => setPhone(e.currentTarget.value)}
                      />
                    </SimpleGrid>
                    {service ? (
                      <Card withBorder>
                        <Text fw={600} mb="xs">
                          {pick({
                            id: 'Persyaratan yang dibawa pemohon',
                            en: 'Requirements the applicant brings',
                          })}
                        </Text>
                        <Stack gap={4}>
                          {checklist.map((r) => (
                            <Checkbox key={r.id} label={r.text} />
                          ))}
                        </Stack>
                        <Text size="xs" c="dimmed" mt="xs">
                          {pick({
                            id: 'Pindaian dokumen diunggah pada halaman permohonan setelah dibuat.',
                            en: 'Document scans are uploaded on the request page once it is created.',
                          })}
                        </Text>
                      </Card>
                    ) : null}
                    {open.isError ? <Alert color="red">{open.error.message}</Alert> : null}
                    <Group>
                      <Button
                        type="submit"
                        loading={open.isPending}
                        disabled={
                          !service ||
                          !name.trim() ||
                          (needsProduct && !product) ||
                          (nik !== '' && nik.length !== 16)
                        }
                      >
                        {pick({ id: 'Buat permohonan', en: 'Create request' })}
                      </Button>
                    </Group>
                  </Stack>
                </form>
              </Paper>
            );
          }}
        </QueryView>
      )}
    </RequireSession>
  );
}

const builtInActions: Record<string, { id: string; en: string }> = {
  open: { id: 'Permohonan diterima', en: 'Request received' },
  claim: { id: 'Diambil petugas', en: 'Claimed' },
  resume: { id: 'Berkas dilengkapi, dilanjutkan', en: 'Completed, resumed' },
};

function actionLabel(
  v: CaseView,
  a: { step: string | null; action: string },
  pick: (t: { id: string; en: string }) => string,
): string {
  const builtIn = builtInActions[a.action];
  if (builtIn) return pick(builtIn);
  return (a.step ? v.labels[a.step]?.actions[a.action] : undefined) ?? a.action;
}

/** One request: what it is, where it stands, what to do next, its documents, letters and history. */
export function CasePage() {
  const { pick, lang } = useI18n();
  const { id } = useParams({ strict: false }) as { id: string };
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['case', id], queryFn: () => get<CaseView>(`/api/cases/${id}`) });
  const [note, setNote] = useState('');
  const [fieldValues, setFieldValues] = useState<Record<string, string>>({});
  const hasRegionField =
    query.data?.available.some((a) => a.fields?.some((f) => f.kind === 'region')) ?? false;
  const regencies = useRegencies(hasRegionField);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['case', id] });
    void client.invalidateQueries({ queryKey: ['queue'] });
  };
  const act = useMutation<CaseView, ApiError, { action: string; version: number; fields?: string[] }>({
    mutationFn: ({ action, version, fields }) => {
      const data = Object.fromEntries(
        (fields ?? []).filter((f) => fieldValues[f]).map((f) => [f, fieldValues[f]]),
      );
      return post(`/api/cases/${id}/actions`, {
        action,
        version,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(fields?.length ? { data } : {}),
      });
    },
    onSuccess: (data) => {
      setNote('');
      client.setQueryData(['case', id], data);
      refresh();
    },
    onError: refresh,
  });
  const upload = useMutation<unknown, ApiError, { requirementId: string; file: File }>({
    mutationFn: ({ requirementId, file }) => uploadFile(`/api/cases/${id}/documents/${requirementId}`, file),
    onSuccess: refresh,
  });
  return (
    <RequireSession>
      {(user) => (
        <QueryView query={query}>
          {(v) => (
            <Stack>
              <Anchor component={Link} to="/staf/permohonan" size="sm" className="no-print">
                ← {pick({ id: 'Antrean', en: 'Queue' })}
              </Anchor>
              <Group justify="space-between" align="start">
                <div>
                  <Text c="dimmed" size="sm">
                    {v.standard.name}
                    {v.case.product
                      ? ` · ${v.standard.products.find((p) => p.id === v.case.product)?.name ?? ''}`
                      : ''}
                  </Text>
                  <Title order={1} size="h2">
                    {v.case.applicant.name}
                  </Title>
                  {v.case.applicant.nik ? (
                    <Group gap={6}>
                      <Text size="sm">NIK</Text>
                      <RevealableNumber
                        masked={v.case.applicant.nik}
                        canReveal={v.mayRevealNik}
                        testId="applicant-nik"
                        title={pick({ id: 'Tampilkan NIK lengkap', en: 'Show the full NIK' })}
                        reveal={(reason) => post(`/api/cases/${v.case.id}/reveal`, { reason })}
                      />
                    </Group>
                  ) : null}
                  <Group gap="xs">
                    <Text ff="monospace" data-testid="tracking-code">
                      {v.case.trackingCode}
                    </Text>
                    <StatusBadge status={v.state.status} />
                    {v.case.flags.map((f) => (
                      <Badge key={f} color="orange" variant="light">
                        {f}
                      </Badge>
                    ))}
                  </Group>
                </div>
                <Button variant="default" onClick={() => window.print()} className="no-print">
                  {pick({ id: 'Cetak tanda terima', en: 'Print receipt' })}
                </Button>
              </Group>
              <Paper withBorder p="md" className="receipt">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Text size="sm">
                    {pick({ id: 'Langkah', en: 'Step' })}: <b>{v.step?.label ?? '—'}</b>
                    {v.step && isStaffRole(v.step.role) ? ` (${pick(RoleLabels[v.step.role])})` : ''}
                  </Text>
                  <Text size="sm">
                    {pick({ id: 'Diterima', en: 'Received' })}:{' '}
                    <b>{dateTime(v.case.openedAt, lang, user.unit.timeZone)}</b>
                  </Text>
                  <Text size="sm">
                    {pick({ id: 'Batas waktu', en: 'Due' })}:{' '}
                    <b>{dateTime(v.case.dueAt, lang, user.unit.timeZone)}</b>
                  </Text>
                </SimpleGrid>
                <Text size="sm" mt="xs">
                  {pick({
                    id: `Pantau permohonan Anda di ${window.location.origin}/lacak dengan kode ${v.case.trackingCode}.`,
                    en: `Follow your request at ${window.location.origin}/lacak with code ${v.case.trackingCode}.`,
                  })}
                </Text>
              </Paper>
              {v.state.reason ? <Alert color="yellow">{v.state.reason}</Alert> : null}
              {v.missing.length > 0 ? (
                <Alert
                  color="orange"
                  title={pick({ id: 'Dokumen belum lengkap', en: 'Documents missing' })}
                  className="no-print"
                >
                  <Stack gap={6}>
                    {v.missing.map((m) => (
                      <Group key={m.id} justify="space-between">
                        <Text size="sm">{m.text}</Text>
                        <FileButton
                          accept="application/pdf,image/jpeg,image/png"
                          onChange={(file) => file && upload.mutate({ requirementId: m.id, file })}
                        >
                          {(props) => (
                            <Button size="xs" variant="light" {...props} data-testid={`upload-${m.id}`}>
                              {pick({ id: 'Unggah', en: 'Upload' })}
                            </Button>
                          )}
                        </FileButton>
                      </Group>
                    ))}
                  </Stack>
                </Alert>
              ) : null}
              {upload.isError ? <Alert color="red">{upload.error.message}</Alert> : null}
              {v.available.length > 0 ? (
                <Paper withBorder p="md" className="no-print">
                  <Stack>
                    {v.available.map((a) => {
                      const preview = v.previews[a.id];
                      return preview && (preview as ClaimsPreview).kind === 'relief.claims' ? (
                        <ClaimsAlert key={`preview-${a.id}`} preview={preview as ClaimsPreview} />
                      ) : null;
                    })}
                    {v.available
                      .filter((a) => a.fields?.length)
                      .map((a) => (
                        <SimpleGrid key={`fields-${a.id}`} cols={{ base: 1, sm: 3 }}>
                          {(a.fields ?? []).map((f) =>
                            f.kind === 'region' ? (
                              <Select
                                key={f.id}
                                label={f.label}
                                searchable
                                required={f.required}
                                data-testid={`field-${f.id}`}
                                data={(regencies.data?.regencies ?? []).map((r) => ({
                                  value: r.code,
                                  label: `${r.name} (${r.province})`,
                                }))}
                                value={fieldValues[f.id] ?? null}
                                onChange={(value) =>
                                  setFieldValues((prev) => ({ ...prev, [f.id]: value ?? '' }))
                                }
                              />
                            ) : (
                              <TextInput
                                key={f.id}
                                label={f.label}
                                required={f.required}
                                value={fieldValues[f.id] ?? ''}
                                onChange={(e) => {
                                  const value = e.currentTarget.value;
                                  setFieldValues((prev) => ({ ...prev, [f.id]: value }));
                                }}
                              />
                            ),
                          )}
                        </SimpleGrid>
                      ))}
                    <Textarea
                      label={pick({ id: 'Catatan / alasan', en: 'Note / reason' })}
                      description={pick({
                        id: 'Wajib untuk menolak atau mengembalikan.',
                        en: 'Required to refuse or to return.',
                      })}
                      value={note}
                      onChange={(e) => setNote(e.currentTarget.value)}
                      autosize
                      minRows={2}
                    />
                    <Group>
                      {v.state.assignee === null && v.state.status === 'open' ? (
                        <Button
                          variant="default"
                          loading={act.isPending && act.variables?.action === 'claim'}
                          onClick={() => act.mutate({ action: 'claim', version: v.case.version })}
                        >
                          {pick({ id: 'Ambil (saya kerjakan)', en: 'Claim (I take it)' })}
                        </Button>
                      ) : null}
                      {(v.state.status === 'returned'
                        ? [
                            {
                              id: 'resume',
                              label: pick({ id: 'Berkas sudah lengkap, lanjutkan', en: 'Completed, resume' }),
                              kind: 'forward' as const,
                            },
                          ]
                        : v.available
                      ).map((a) => (
                        <Button
                          key={a.id}
                          color={a.kind === 'reject' ? 'red' : a.kind === 'return' ? 'yellow' : undefined}
                          variant={a.kind === 'reject' || a.kind === 'return' ? 'light' : 'filled'}
                          loading={act.isPending && act.variables?.action === a.id}
                          onClick={() =>
                            act.mutate({
                              action: a.id,
                              version: v.case.version,
                              fields: 'fields' in a ? a.fields?.map((f) => f.id) : undefined,
                            })
                          }
                        >
                          {a.label}
                        </Button>
                      ))}
                    </Group>
                    {act.isError ? (
                      <Alert color="red" role="alert" data-testid="action-error">
                        {act.error.message}
                        {act.error.problems.length > 0 ? (
                          <List size="sm">
                            {act.error.problems.map((p) => (
                              <List.Item key={p.path}>
                                {p.path}: {p.message}
                              </List.Item>
                            ))}
                          </List>
                        ) : null}
                        {Array.isArray(act.error.details.missing) ? (
                          <List size="sm">
                            {(act.error.details.missing as Array<{ id: string; text: string }>).map((m) => (
                              <List.Item key={m.id}>{m.text}</List.Item>
                            ))}
                          </List>
                        ) : null}
                      </Alert>
                    ) : null}
                  </Stack>
                </Paper>
              ) : null}
              {v.letters.length > 0 ? (
                <Paper withBorder p="md">
                  <Title order={2} size="h4" mb="xs">
                    {pick({ id: 'Surat', en: 'Letters' })}
                  </Title>
                  {v.letters.map((l) => (
                    <Stack key={l.id} gap={4}>
                      <Group justify="space-between">
                        <Text size="sm">
                          {l.title} · <b data-testid="letter-number">{l.number}</b>
                        </Text>
                        <Group gap="xs">
                          <Button
                            size="xs"
                            component="a"
                            href={`/api/cases/${v.case.id}/letters/${l.id}/pdf`}
                            target="_blank"
                            data-testid="letter-pdf"
                          >
                            PDF
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            component={Link}
                            to={`/verifikasi/${l.verificationCode}`}
                          >
                            {pick({ id: 'Halaman verifikasi', en: 'Verification page' })}
                          </Button>
                        </Group>
                      </Group>
                      {l.signedScans.map((s) => (
                        <Text
                          key={`${s.sha256}-${s.uploadedAt}`}
                          size="xs"
                          c="dimmed"
                          data-testid="signed-scan"
                        >
                          {s.replaced
                            ? pick({ id: 'Pindaian bertanda tangan (diganti)', en: 'Signed scan (replaced)' })
                            : pick({ id: 'Pindaian bertanda tangan', en: 'Signed scan' })}
                          {' · '}
                          {dateTime(s.uploadedAt, lang, user.unit.timeZone)}
                          {s.uploadedBy ? ` · ${s.uploadedBy.name}` : ''}
                          {s.reason ? ` · ${s.reason}` : ''}
                        </Text>
                      ))}
                    </Stack>
                  ))}
                </Paper>
              ) : null}
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Paper withBorder p="md">
                  <Title order={2} size="h4" mb="sm">
                    {pick({ id: 'Riwayat', en: 'History' })}
                  </Title>
                  <Timeline bulletSize={14} lineWidth={2} active={v.actions.length}>
                    {v.actions.map((a) => (
                      <Timeline.Item key={a.seq} title={actionLabel(v, a, pick)}>
                        <Text size="xs" c="dimmed">
                          {dateTime(a.at, lang, user.unit.timeZone)} ·{' '}
                          {isStaffRole(a.role) ? pick(RoleLabels[a.role]) : a.role}
                          {a.step ? ` · ${a.step}` : ''}
                        </Text>
                        {a.note ? <Text size="sm">{a.note}</Text> : null}
                        {a.data?.result?.payoutId ? (
                          <Anchor
                            href={`/api/relief/payouts/${a.data.result.payoutId}/kwitansi`}
                            target="_blank"
                            size="sm"
                            data-testid="kwitansi"
                          >
                            {pick({ id: 'Kwitansi', en: 'Receipt' })} {rupiah(a.data.result.amount ?? 0)}
                          </Anchor>
                        ) : null}
                      </Timeline.Item>
                    ))}
                  </Timeline>
                </Paper>
                <Paper withBorder p="md">
                  <Title order={2} size="h4" mb="sm">
                    {pick({ id: 'Dokumen', en: 'Documents' })}
                  </Title>
                  {v.documents.length === 0 ? (
                    <Text size="sm">{pick({ id: 'Belum ada dokumen.', en: 'No documents yet.' })}</Text>
                  ) : (
                    <List size="sm">
                      {v.documents.map((d) => (
                        <List.Item key={d.id}>
                          {d.requirementId}: {d.fileName} ({Math.ceil(d.size / 1024)} KB)
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Paper>
              </SimpleGrid>
            </Stack>
          )}
        </QueryView>
      )}
    </RequireSession>
  );
}
