import type { CashBook, TariffsAnswer } from '@jaring/relief/relief.schema.ts';
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
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type ApiError, api, get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { rupiah } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { reportsTexts } from '../../i18n/reports.ts';
import { locale } from '../../i18n/texts.ts';

/** The distance classes of the tariff (`relief.tables.ts`). */
const classes = ['dalam_provinsi', 'antar_provinsi', 'antar_pulau'] as const;
type DistanceClass = (typeof classes)[number];

/** Kehabisan bekal: the cash book of payouts and the tariffs per distance class. */
export function CashBookPage() {
  const { t, lang } = useTexts(reportsTexts);
  const client = useQueryClient();
  const book = useQuery({
    queryKey: ['payouts'],
    queryFn: () => get<CashBook>('/api/relief/payouts'),
  });
  const tariffs = useQuery({
    queryKey: ['tariffs'],
    queryFn: () => get<TariffsAnswer>('/api/relief/tariffs'),
  });
  const [draft, setDraft] = useState<Partial<Record<DistanceClass, number>>>({});
  const save = useMutation<void, ApiError, { cls: DistanceClass; amount: number }>({
    mutationFn: ({ cls, amount }) => api('PUT', `/api/relief/tariffs/${cls}`, { amount }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tariffs'] }),
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('cashBookTitle')} · {user.unit.name}
          </Title>
          <QueryView query={tariffs} skeleton="cards">
            {({ tariffs: amounts }) => (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {t('tariffs')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {classes.map((cls) => (
                    <Group key={cls} align="end" wrap="nowrap">
                      <NumberInput
                        label={t(`class_${cls}`)}
                        prefix="Rp"
                        thousandSeparator="."
                        decimalSeparator=","
                        value={draft[cls] ?? amounts[cls] ?? ''}
                        onChange={(v) => typeof v === 'number' && setDraft((d) => ({ ...d, [cls]: v }))}
                        disabled={!user.permissions.includes('calendar.manage')}
                      />
                      {user.permissions.includes('calendar.manage') ? (
                        <Button
                          variant="light"
                          disabled={draft[cls] === undefined}
                          onClick={() => save.mutate({ cls, amount: draft[cls] ?? 0 })}
                        >
                          {t('save')}
                        </Button>
                      ) : null}
                    </Group>
                  ))}
                </SimpleGrid>
                {save.isError ? <Alert color="red">{save.error.message}</Alert> : null}
              </Paper>
            )}
          </QueryView>
          <QueryView query={book} skeleton="table">
            {({ payouts, total }) => (
              <Table.ScrollContainer minWidth={720}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('date')}</Table.Th>
                      <Table.Th>{t('recipient')}</Table.Th>
                      <Table.Th>NIK</Table.Th>
                      <Table.Th>{t('route')}</Table.Th>
                      <Table.Th>{t('amount')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {payouts.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>{new Date(p.paidAt).toLocaleDateString(locale(lang))}</Table.Td>
                        <Table.Td>
                          {/* The case page shows the full NIK to those who may, with a reason. */}
                          <Anchor component={Link} to={`/staf/permohonan/${p.caseId}`} size="sm">
                            {p.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ff="monospace" data-testid="payout-nik">
                          {p.nik ?? '—'}
                        </Table.Td>
                        <Table.Td data-testid="payout-route">
                          {p.originName} → {p.legToName}
                          {p.legToCode !== p.destinationCode
                            ? ` (${t('onwardTo', { place: p.destinationName })})`
                            : ''}
                        </Table.Td>
                        <Table.Td>{rupiah(p.amount)}</Table.Td>
                        <Table.Td>
                          <Anchor href={`/api/relief/payouts/${p.id}/kwitansi`} target="_blank" size="sm">
                            {t('receipt')}
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th colSpan={4}>{t('total')}</Table.Th>
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
