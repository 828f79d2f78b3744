import { parseWholeNumber } from '@jaring/core/numbers.ts';
import type { BatchesAnswer, CountAnswer } from '@jaring/logistics/stock.schema.ts';
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { stockTexts } from '../../i18n/stock.ts';
import { Problems, StockNav, todayIso, useWarehouses, WarehouseSelect } from './stock-shared.tsx';

type Batch = BatchesAnswer['batches'][number];

/** A count as typed: a whole number, or null while the field is empty or not a number. */
const countOf = (s: string | undefined) => (s === undefined ? null : (parseWholeNumber(s) ?? null));

/** The count sheet of one warehouse: counted quantities per batch, differences, then posting. */
function CountSheet({ warehouseId, batches }: { warehouseId: string; batches: Batch[] }) {
  const { t, lang } = useTexts(stockTexts);
  const client = useQueryClient();
  const [counted, setCounted] = useState<Record<number, string>>({});
  const [countedOn, setCountedOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const typedOf = (b: Batch) => counted[b.batchId] ?? String(b.onHand);
  const differences = batches.flatMap((b) => {
    const n = countOf(typedOf(b));
    return n !== null && n !== b.onHand ? [{ b, n, diff: n - b.onHand }] : [];
  });
  const invalid = batches.some((b) => countOf(typedOf(b)) === null);
  const postCount = useMutation<CountAnswer, ApiError>({
    mutationFn: () =>
      post<CountAnswer>('/api/stock/counts', {
        warehouseId: Number(warehouseId),
        countedOn,
        reason,
        lines: batches.map((b) => ({ batchId: b.batchId, counted: countOf(typedOf(b)) ?? typedOf(b) })),
      }),
    onSuccess: () => {
      setAsking(false);
      setCounted({});
      setReason('');
      void client.invalidateQueries({ queryKey: ['stock'] });
    },
  });
  const batchLabel = (b: Batch) =>
    [b.lot, b.expiresOn ? formatDate(b.expiresOn, lang) : t('noExpiry')].filter(Boolean).join(' · ');
  const signed = (n: number) => (n > 0 ? `+${formatNumber(n, lang)}` : formatNumber(n, lang));
  const labels = {
    countedOn: t('countedOn'),
    reason: t('countReason'),
    lines: t('lines'),
    counted: t('counted'),
  };
  return (
    <Stack>
      <Table.ScrollContainer minWidth={340}>
        <Table striped data-testid="count-sheet">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('item')}</Table.Th>
              <Table.Th ta="right">{t('books')}</Table.Th>
              <Table.Th>{t('counted')}</Table.Th>
              <Table.Th ta="right">{t('difference')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.map((b, index) => {
              const n = countOf(typedOf(b));
              const diff = n === null ? null : n - b.onHand;
              return (
                <Table.Tr key={b.batchId} data-testid="count-row" data-item={b.itemName}>
                  <Table.Td>
                    {b.itemName}
                    <Text size="xs" c="dimmed">
                      {t('batch')} {batchLabel(b)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(b.onHand, lang)} {b.uom}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('counted')} ${b.itemName}`}
                      inputMode="numeric"
                      value={typedOf(b)}
                      error={n === null}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setCounted((c) => ({ ...c, [b.batchId]: value }));
                      }}
                      w={96}
                      data-testid={`counted-${index}`}
                    />
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    c={diff ? (diff < 0 ? 'red' : 'green') : undefined}
                    data-testid="count-diff"
                  >
                    {diff === null ? '' : signed(diff)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('countedOn')}
            value={countedOn}
            onChange={(e) => setCountedOn(e.currentTarget.value)}
            data-testid="count-date"
          />
          <Textarea
            label={t('countReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            data-testid="count-reason"
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button
            onClick={() => setAsking(true)}
            disabled={invalid || reason.trim() === ''}
            data-testid="count-review"
          >
            {t('review')}
          </Button>
        </Group>
        {postCount.data ? (
          <Alert color="green" mt="sm" data-testid="count-posted">
            {t('posted', { count: postCount.data.adjustments })}
          </Alert>
        ) : null}
        {asking ? null : <Problems error={postCount.error} labels={labels} />}
      </Paper>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('countTitle')}
        closeButtonProps={{ 'aria-label': t('closeDialog') }}
        centered
        size="lg"
      >
        <Stack data-testid="count-confirm">
          {differences.length === 0 ? (
            <Text>{t('noDifference')}</Text>
          ) : (
            <>
              <Text>{t('differences', { count: differences.length })}</Text>
              <List size="sm">
                {differences.map(({ b, n, diff }) => (
                  <List.Item key={b.batchId}>
                    {b.itemName} ({batchLabel(b)}): {formatNumber(b.onHand, lang)} → {formatNumber(n, lang)} (
                    {signed(diff)} {b.uom})
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('countReason')}: {reason}
          </Text>
          <Problems error={postCount.error} labels={labels} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('cancel')}
            </Button>
            <Button loading={postCount.isPending} onClick={() => postCount.mutate()} data-testid="count-post">
              {t('post')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Stock opname (every six months, DOMAIN.md §8): what is on the shelves against the books. */
export function StockCountPage() {
  const { t } = useTexts(stockTexts);
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const first = warehouses.data?.warehouses[0];
  useEffect(() => {
    if (warehouseId === null && first) setWarehouseId(String(first.id));
  }, [warehouseId, first]);
  const batches = useQuery({
    queryKey: ['stock', 'batches', warehouseId],
    queryFn: () => get<BatchesAnswer>(`/api/stock/batches?warehouseId=${warehouseId}`),
    enabled: warehouseId !== null,
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('countTitle')} · {user.unit.name}
          </Title>
          <StockNav />
          <WarehouseSelect value={warehouseId} onChange={setWarehouseId} />
          {warehouseId ? (
            <QueryView query={batches} skeleton="table">
              {(b) =>
                b.batches.length === 0 ? (
                  <Text c="dimmed">{t('noBatches')}</Text>
                ) : (
                  <CountSheet key={warehouseId} warehouseId={warehouseId} batches={b.batches} />
                )
              }
            </QueryView>
          ) : null}
        </Stack>
      )}
    </RequireSession>
  );
}
