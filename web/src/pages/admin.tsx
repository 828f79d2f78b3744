import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AuditProblemKind, CheckpointView, VerifyResult } from '../../../src/audit/audit.schema.ts';
import { type ApiError, api, get, post } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { formatDate, QueryView } from '../ui.tsx';
import { RequireSession } from './staff.tsx';

interface Calendar {
  timeZone: string;
  officeHours: Record<string, Array<{ start: string; end: string }>>;
  closedDates: Array<{ date: string; name: string; kind: 'libur_nasional' | 'cuti_bersama' | 'libur_lokal' }>;
}

const kinds = {
  libur_nasional: { id: 'Libur nasional', en: 'National holiday' },
  cuti_bersama: { id: 'Cuti bersama', en: 'Collective leave' },
  libur_lokal: { id: 'Libur lokal', en: 'Local holiday' },
};
const weekdays = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** The unit's working calendar: office hours and closed days of a year; editable with permission. */
export function CalendarPage() {
  const { lang, pick } = useI18n();
  const client = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<keyof typeof kinds>('libur_lokal');
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => get<Calendar>(`/api/calendar?year=${year}`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });
  const add = useMutation<void, ApiError>({
    mutationFn: () => api('PUT', `/api/calendar/days/${date}`, { name, kind }),
    onSuccess: () => {
      setDate('');
      setName('');
      void refresh();
    },
  });
  const remove = useMutation<void, ApiError, string>({
    mutationFn: (d) => api('DELETE', `/api/calendar/days/${d}`),
    onSuccess: () => void refresh(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <RequireSession>
      {(user) => {
        const canEdit = user.permissions.includes('calendar.manage');
        return (
          <Stack>
            <Title order={1} size="h2">
              {pick({ id: 'Kalender kerja', en: 'Working calendar' })} · {user.unit.name}
            </Title>
            <NumberInput
              label={pick({ id: 'Tahun', en: 'Year' })}
              value={year}
              onChange={(v) => typeof v === 'number' && setYear(v)}
              min={2020}
              max={2100}
              maw={160}
            />
            <QueryView query={calendar}>
              {(cal) => (
                <Stack>
                  <Paper withBorder p="md">
                    <Title order={2} size="h4" mb="xs">
                      {pick({ id: 'Jam pelayanan', en: 'Office hours' })} ({cal.timeZone})
                    </Title>
                    {weekdays[lang].map((day, i) => (
                      <Text size="sm" key={day}>
                        {day}:{' '}
                        {(cal.officeHours[String(i + 1)] ?? [])
                          .map((h) => `${h.start}–${h.end}`)
                          .join(', ') || pick({ id: 'tutup', en: 'closed' })}
                      </Text>
                    ))}
                  </Paper>
                  <Table.ScrollContainer minWidth={480}>
                    <Table striped data-testid="closed-days">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{pick({ id: 'Tanggal', en: 'Date' })}</Table.Th>
                          <Table.Th>{pick({ id: 'Keterangan', en: 'Name' })}</Table.Th>
                          <Table.Th>{pick({ id: 'Jenis', en: 'Kind' })}</Table.Th>
                          {canEdit ? <Table.Th /> : null}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {cal.closedDates.length === 0 ? (
                          <Table.Tr>
                            <Table.Td colSpan={4}>
                              {pick({
                                id: 'Belum ada hari libur untuk tahun ini.',
                                en: 'No closed days for this year yet.',
                              })}
                            </Table.Td>
                          </Table.Tr>
                        ) : null}
                        {cal.closedDates.map((d) => (
                          <Table.Tr key={d.date}>
                            <Table.Td>{formatDate(d.date, lang)}</Table.Td>
                            <Table.Td>{d.name}</Table.Td>
                            <Table.Td>
                              <Badge variant="light">{pick(kinds[d.kind])}</Badge>
                            </Table.Td>
                            {canEdit ? (
                              <Table.Td>
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red"
                                  onClick={() => {
                                    if (
                                      window.confirm(
                                        pick({
                                          id: `Jadikan ${d.date} hari kerja?`,
                                          en: `Make ${d.date} a working day?`,
                                        }),
                                      )
                                    )
                                      remove.mutate(d.date);
                                  }}
                                >
                                  {pick({ id: 'Hapus', en: 'Remove' })}
                                </Button>
                              </Table.Td>
                            ) : null}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              )}
            </QueryView>
            {canEdit ? (
              <Paper withBorder p="md">
                <form onSubmit={submit}>
                  <Stack>
                    <Title order={2} size="h4">
                      {pick({ id: 'Tambah atau ubah hari libur', en: 'Add or change a closed day' })}
                    </Title>
                    <Group align="end">
                      <TextInput
                        type="date"
                        label={pick({ id: 'Tanggal', en: 'Date' })}
                        value={date}
                        onChange={(e) => setDate(e.currentTarget.value)}
                        required
                      />
                      <TextInput
                        label={pick({ id: 'Keterangan', en: 'Name' })}
                        value={name}
                        onChange={(e) => setName(e.currentTarget.value)}
                        required
                      />
                      <Select
                        label={pick({ id: 'Jenis', en: 'Kind' })}
                        data={Object.entries(kinds).map(([value, label]) => ({ value, label: pick(label) }))}
                        value={kind}
                        onChange={(v) => v && setKind(v as keyof typeof kinds)}
                        allowDeselect={false}
                      />
                      <Button type="submit" disabled={!date || !name.trim()} loading={add.isPending}>
                        {pick({ id: 'Simpan', en: 'Save' })}
                      </Button>
                    </Group>
                    {add.isError || remove.isError ? (
                      <Alert color="red">{(add.error ?? remove.error)?.message}</Alert>
                    ) : null}
                  </Stack>
                </form>
              </Paper>
            ) : null}
          </Stack>
        );
      }}
    </RequireSession>
  );
}

interface AuditEntry {
  seq: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
}
const problemKinds: Record<AuditProblemKind, { id: string; en: string }> = {
  altered: { id: 'Diubah', en: 'Altered' },
  link: { id: 'Tautan putus', en: 'Broken link' },
  gap: { id: 'Nomor melompat', en: 'Numbering gap' },
  rehashed: { id: 'Di-hash ulang', en: 'Re-hashed' },
  missing: { id: 'Entri hilang', en: 'Entry gone' },
  truncated: { id: 'Ujung dipotong', en: 'Tail cut' },
  emptied: { id: 'Dikosongkan', en: 'Emptied' },
  signature: { id: 'Tanda tangan', en: 'Signature' },
};

/** The unit's audit trail and a check of the whole hash chain. */
export function AuditPage() {
  const { lang, pick } = useI18n();
  const entries = useQuery({
    queryKey: ['audit'],
    queryFn: () => get<{ entries: AuditEntry[] }>('/api/audit?limit=200'),
  });
  const verify = useMutation<VerifyResult, ApiError>({ mutationFn: () => get('/api/audit/verify') });
  const checkpoint = useMutation<{ written: boolean; checkpoint: CheckpointView | null }, ApiError>({
    mutationFn: () => post('/api/audit/checkpoints'),
  });
  const latest = verify.data?.checkpoint.latest;
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {pick({ id: 'Jejak audit', en: 'Audit trail' })} · {user.unit.name}
          </Title>
          {user.permissions.includes('audit.verify') ? (
            <Group>
              <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
                {pick({ id: 'Periksa keutuhan rantai', en: 'Verify the chain' })}
              </Button>
              <Button
                variant="light"
                onClick={() => checkpoint.mutate()}
                loading={checkpoint.isPending}
                data-testid="audit-checkpoint"
              >
                {pick({ id: 'Titik periksa untuk dicetak', en: 'Checkpoint to print' })}
              </Button>
            </Group>
          ) : null}
          {verify.data ? (
            <Alert color={verify.data.ok ? 'green' : 'red'} role="status" data-testid="audit-result">
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {verify.data.ok
                    ? pick({
                        id: `Rantai utuh: ${verify.data.checked} catatan, hash terakhir ${verify.data.lastHash.slice(0, 16)}…`,
                        en: `Chain intact: ${verify.data.checked} entries, head ${verify.data.lastHash.slice(0, 16)}…`,
                      })
                    : pick({
                        id: `Rantai RUSAK: ${verify.data.problems.length + verify.data.problemsOmitted} masalah dalam ${verify.data.checked} catatan`,
                        en: `Chain BROKEN: ${verify.data.problems.length + verify.data.problemsOmitted} problem(s) in ${verify.data.checked} entries`,
                      })}
                </Text>
                {verify.data.problems.length > 0 ? (
                  <List size="sm" data-testid="audit-problems">
                    {verify.data.problems.map((p) => (
                      <List.Item key={`${p.kind}-${p.fromSeq}-${p.message}`}>
                        <Badge size="xs" color="red" mr="xs">
                          {pick(problemKinds[p.kind])}
                        </Badge>
                        {p.message}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
                {verify.data.problemsOmitted > 0 ? (
                  <Text size="sm">
                    {pick({
                      id: `… dan ${verify.data.problemsOmitted} masalah lain (lihat \`jaring audit verify\`)`,
                      en: `… and ${verify.data.problemsOmitted} more (see \`jaring audit verify\`)`,
                    })}
                  </Text>
                ) : null}
                <Text size="sm" data-testid="audit-checkpoint-state">
                  {latest
                    ? pick({
                        id: `Titik periksa bertanda tangan terakhir: entri ${latest.seq}, ${new Date(latest.at).toLocaleString('id-ID')} (${latest.holds ? 'cocok' : 'TIDAK cocok'}).`,
                        en: `Latest signed checkpoint: entry ${latest.seq}, ${new Date(latest.at).toLocaleString('en-GB')} (${latest.holds ? 'holds' : 'does NOT hold'}).`,
                      })
                    : pick({
                        id: 'Belum ada titik periksa bertanda tangan.',
                        en: 'No signed checkpoint yet.',
                      })}
                </Text>
              </Stack>
            </Alert>
          ) : null}
          {verify.isError ? <Alert color="red">{verify.error.message}</Alert> : null}
          {checkpoint.data?.checkpoint ? (
            <Paper withBorder p="md" data-testid="audit-checkpoint-text">
              <Code block>{checkpoint.data.checkpoint.text}</Code>
              <Group mt="sm">
                <Button size="xs" variant="light" onClick={() => window.print()}>
                  {pick({ id: 'Cetak', en: 'Print' })}
                </Button>
              </Group>
            </Paper>
          ) : null}
          {checkpoint.isError ? <Alert color="red">{checkpoint.error.message}</Alert> : null}
          <QueryView query={entries}>
            {({ entries: list }) => (
              <Table.ScrollContainer minWidth={640}>
                <Table striped fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>{pick({ id: 'Waktu', en: 'Time' })}</Table.Th>
                      <Table.Th>{pick({ id: 'Pengguna', en: 'User' })}</Table.Th>
                      <Table.Th>{pick({ id: 'Tindakan', en: 'Action' })}</Table.Th>
                      <Table.Th>{pick({ id: 'Objek', en: 'Object' })}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((e) => (
                      <Table.Tr key={e.seq}>
                        <Table.Td>{e.seq}</Table.Td>
                        <Table.Td>
                          {new Date(e.at).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')}
                        </Table.Td>
                        <Table.Td>
                          {e.actorUsername ?? '—'}{' '}
                          {e.actorRole ? <Badge size="xs">{e.actorRole}</Badge> : null}
                        </Table.Td>
                        <Table.Td>
                          <code>{e.action}</code>
                        </Table.Td>
                        <Table.Td>
                          {e.entity}
                          {e.entityId ? ` ${e.entityId}` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
