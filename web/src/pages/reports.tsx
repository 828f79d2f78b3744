import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type ApiError, api, get } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { QueryView } from '../ui.tsx';
import { RequireSession } from './staff.tsx';

interface ServiceSla {
  standard: string;
  cases: number;
  closed: number;
  open: number;
  breached: number;
  withinTimeShare: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

const monthStart = () => `${new Date().toISOString().slice(0, 8)}01`;
const today = () => new Date().toISOString().slice(0, 10);
const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

/** Time limits per service: how many, how many within time, how long (median, p90). */
export function SlaReportPage() {
  const { pick } = useI18n();
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const report = useQuery({
    queryKey: ['sla', from, to],
    queryFn: () => get<{ services: ServiceSla[] }>(`/api/reports/sla?from=${from}&to=${to}`),
  });
  const minutes = (m: number | null) =>
    m === null ? '—' : m < 120 ? `${m} mnt` : `${(m / 60).toFixed(1)} jam`;
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {pick({ id: 'Laporan waktu pelayanan', en: 'Service time report' })} · {user.unit.name}
          </Title>
          <Group>
            <TextInput
              type="date"
              label={pick({ id: 'Dari', en: 'From' })}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={pick({ id: 'Sampai', en: 'To' })}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
          </Group>
          <QueryView query={report}>
            {({ services }) =>
              services.length === 0 ? (
                <Text>
                  {pick({ id: 'Tidak ada permohonan pada periode ini.', en: 'No requests in this period.' })}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped data-testid="sla-report">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{pick({ id: 'Layanan', en: 'Service' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Permohonan', en: 'Requests' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Selesai', en: 'Closed' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Melewati batas', en: 'Breached' })}</Table.Th>
                        <Table.Th>{pick({ id: 'Tepat waktu', en: 'Within time' })}</Table.Th>
                        <Table.Th>Median</Table.Th>
                        <Table.Th>P90</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {services.map((s) => (
                        <Table.Tr key={s.standard}>
                          <Table.Td>{s.standard}</Table.Td>
                          <Table.Td>{s.cases}</Table.Td>
                          <Table.Td>{s.closed}</Table.Td>
                          <Table.Td>{s.breached}</Table.Td>
                          <Table.Td>
                            {s.withinTimeShare === null ? '—' : `${Math.round(s.withinTimeShare * 100)}%`}
                          </Table.Td>
                          <Table.Td>{minutes(s.medianMinutes)}</Table.Td>
                          <Table.Td>{minutes(s.p90Minutes)}</Table.Td>
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

interface Payout {
  id: number;
  caseId: number;
  name: string;
  /** Masked by the server. */
  nik: string | null;
  originCode: string;
  destinationCode: string;
  legToCode: string;
  distanceClass: string;
  amount: number;
  paidAt: string;
}

const classes = {
  dalam_provinsi: { id: 'Dalam provinsi', en: 'Within the province' },
  antar_provinsi: { id: 'Antar provinsi', en: 'Another province' },
  antar_pulau: { id: 'Antar pulau', en: 'Across islands' },
};

/** Kehabisan bekal: the cash book of payouts and the tariffs per distance class. */
export function CashBookPage() {
  const { pick, lang } = useI18n();
  const client = useQueryClient();
  const book = useQuery({
    queryKey: ['payouts'],
    queryFn: () => get<{ payouts: Payout[]; total: number }>('/api/relief/payouts'),
  });
  const tariffs = useQuery({
    queryKey: ['tariffs'],
    queryFn: () => get<{ tariffs: Record<keyof typeof classes, number | null> }>('/api/relief/tariffs'),
  });
  const [draft, setDraft] = useState<Partial<Record<keyof typeof classes, number>>>({});
  const save = useMutation<void, ApiError, { cls: keyof typeof classes; amount: number }>({
    mutationFn: ({ cls, amount }) => api('PUT', `/api/relief/tariffs/${cls}`, { amount }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tariffs'] }),
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {pick({ id: 'Buku kas bantuan kehabisan bekal', en: 'Stranded-traveller cash book' })} ·{' '}
            {user.unit.name}
          </Title>
          <QueryView query={tariffs}>
            {({ tariffs: t }) => (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {pick({ id: 'Tarif per kelas jarak', en: 'Tariff per distance class' })}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {(Object.keys(classes) as Array<keyof typeof classes>).map((cls) => (
                    <Group key={cls} align="end" wrap="nowrap">
                      <NumberInput
                        label={pick(classes[cls])}
                        prefix="Rp"
                        thousandSeparator="."
                        decimalSeparator=","
                        value={draft[cls] ?? t[cls] ?? ''}
                        onChange={(v) => typeof v === 'number' && setDraft((d) => ({ ...d, [cls]: v }))}
                        disabled={!user.permissions.includes('calendar.manage')}
                      />
                      {user.permissions.includes('calendar.manage') ? (
                        <Button
                          variant="light"
                          disabled={draft[cls] === undefined}
                          onClick={() => save.mutate({ cls, amount: draft[cls] ?? 0 })}
                        >
                          {pick({ id: 'Simpan', en: 'Save' })}
                        </Button>
                      ) : null}
                    </Group>
                  ))}
                </SimpleGrid>
                {save.isError ? <Alert color="red">{save.error.message}</Alert> : null}
              </Paper>
            )}
          </QueryView>
          <QueryView query={book}>
            {({ payouts, total }) => (
              <Table.ScrollContainer minWidth={720}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{pick({ id: 'Tanggal', en: 'Date' })}</Table.Th>
                      <Table.Th>{pick({ id: 'Penerima', en: 'Recipient' })}</Table.Th>
                      <Table.Th>NIK</Table.Th>
                      <Table.Th>{pick({ id: 'Rute', en: 'Route' })}</Table.Th>
                      <Table.Th>{pick({ id: 'Jumlah', en: 'Amount' })}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {payouts.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          {new Date(p.paidAt).toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB')}
                        </Table.Td>
                        <Table.Td>
                          {/* The case page shows the full NIK to those who may, with a reason. */}
                          <Anchor component={Link} to={`/staf/permohonan/${p.caseId}`} size="sm">
                            {p.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ff="monospace" data-testid="payout-nik">
                          {p.nik ?? '—'}
                        </Table.Td>
                        <Table.Td>
                          {p.originCode} → {p.legToCode}
                          {p.legToCode !== p.destinationCode ? ` (→ ${p.destinationCode})` : ''}
                        </Table.Td>
                        <Table.Td>{rupiah(p.amount)}</Table.Td>
                        <Table.Td>
                          <Anchor href={`/api/relief/payouts/${p.id}/kwitansi`} target="_blank" size="sm">
                            {pick({ id: 'Kwitansi', en: 'Receipt' })}
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th colSpan={4}>{pick({ id: 'Jumlah', en: 'Total' })}</Table.Th>
                      <Table.Th>{rupiah(total)}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
