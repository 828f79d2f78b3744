import { parseWholeNumber } from '@jaring/core/numbers.ts';
import type { ItemsAnswer, ReceiptAnswer } from '@jaring/logistics/stock.schema.ts';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { RequireSession } from '../../components/require-session.tsx';
import { useFields } from '../../components/use-fields.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { stockTexts } from '../../i18n/stock.ts';
import { Problems, StockNav, todayIso, useWarehouses, WarehouseSelect } from './stock-shared.tsx';

const sources = ['procurement', 'kemensos', 'donation'] as const;
type Source = (typeof sources)[number];
interface Line {
  key: number;
  itemId: string | null;
  quantity: string;
  expiresOn: string;
  lot: string;
}

let nextKey = 1;
const emptyLine = (): Line => ({ key: nextKey++, itemId: null, quantity: '', expiresOn: '', lot: '' });

/** A whole number as typed, or the text itself so that the server names what is wrong with it. */
/** A quantity as typed (`1.000` is a thousand), or the text for the server to name what is wrong. */
const quantityOf = (s: string) => parseWholeNumber(s) ?? s;

/** Barang masuk: goods from procurement, Kemensos or a donation, with their document and lines. */
export function StockReceiptPage() {
  const { t } = useTexts(stockTexts);
  const client = useQueryClient();
  const warehouses = useWarehouses();
  const items = useQuery({
    queryKey: ['stock', 'items'],
    queryFn: () => get<ItemsAnswer>('/api/stock/items'),
  });
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const first = warehouses.data?.warehouses[0];
  useEffect(() => {
    if (warehouseId === null && first) setWarehouseId(String(first.id));
  }, [warehouseId, first]);
  const { form, reset, text, choice } = useFields({
    source: 'procurement' as Source,
    supplier: '',
    documentRef: '',
    receivedOn: todayIso(),
    note: '',
  });
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const receive = useMutation<ReceiptAnswer, ApiError>({
    mutationFn: () =>
      post<ReceiptAnswer>('/api/stock/receipts', {
        warehouseId: Number(warehouseId),
        ...form,
        lines: lines.map((l) => ({
          itemId: l.itemId === null ? null : Number(l.itemId),
          quantity: quantityOf(l.quantity),
          expiresOn: l.expiresOn === '' ? null : l.expiresOn,
          lot: l.lot,
        })),
      }),
    onSuccess: () => {
      reset();
      setLines([emptyLine()]);
      void client.invalidateQueries({ queryKey: ['stock'] });
    },
  });
  const setLine = (key: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const itemOptions = (items.data?.items ?? [])
    .filter((i) => i.active)
    .map((i) => ({ value: String(i.id), label: `${i.name} (${i.uom})` }));
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('receiptTitle')} · {user.unit.name}
          </Title>
          <StockNav />
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <WarehouseSelect value={warehouseId} onChange={setWarehouseId} />
              <Select
                label={t('source')}
                data={sources.map((s) => ({ value: s, label: t(`source_${s}`) }))}
                {...choice('source', 'receipt-source')}
              />
              <TextInput label={t('supplier')} {...text('supplier', 'receipt-supplier')} />
              <TextInput label={t('documentRef')} {...text('documentRef', 'receipt-document')} />
              <TextInput type="date" label={t('receivedOn')} {...text('receivedOn', 'receipt-date')} />
              <TextInput label={t('note')} {...text('note', 'receipt-note')} />
            </SimpleGrid>
            <Title order={2} size="h5" mt="md" mb="xs">
              {t('lines')}
            </Title>
            <Stack gap="xs">
              {lines.map((l, index) => (
                <Group key={l.key} align="end" wrap="wrap" gap="xs" data-testid="receipt-line">
                  <Select
                    label={t('item')}
                    data={itemOptions}
                    value={l.itemId}
                    onChange={(v) => setLine(l.key, { itemId: v })}
                    searchable
                    w={260}
                    data-testid={`line-item-${index}`}
                  />
                  <TextInput
                    label={t('quantity')}
                    inputMode="numeric"
                    value={l.quantity}
                    onChange={(e) => setLine(l.key, { quantity: e.currentTarget.value })}
                    w={110}
                    data-testid={`line-quantity-${index}`}
                  />
                  <TextInput
                    type="date"
                    label={t('expiresOn')}
                    value={l.expiresOn}
                    onChange={(e) => setLine(l.key, { expiresOn: e.currentTarget.value })}
                    w={160}
                    data-testid={`line-expiry-${index}`}
                  />
                  <TextInput
                    label={t('lot')}
                    value={l.lot}
                    onChange={(e) => setLine(l.key, { lot: e.currentTarget.value })}
                    w={120}
                    data-testid={`line-lot-${index}`}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('removeLine')}
                    title={t('removeLine')}
                    disabled={lines.length === 1}
                    onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            <Group mt="sm">
              <Button
                variant="default"
                onClick={() => setLines((ls) => [...ls, emptyLine()])}
                data-testid="add-line"
              >
                {t('addLine')}
              </Button>
              <Button
                onClick={() => receive.mutate()}
                loading={receive.isPending}
                disabled={warehouseId === null}
                data-testid="receive"
              >
                {t('receive')}
              </Button>
            </Group>
            {receive.isSuccess ? (
              <Alert color="green" mt="sm" data-testid="received">
                {t('received', { count: receive.data.batchIds.length })}
              </Alert>
            ) : null}
            <Problems
              error={receive.error}
              labels={{
                warehouseId: t('warehouse'),
                source: t('source'),
                supplier: t('supplier'),
                documentRef: t('documentRef'),
                receivedOn: t('receivedOn'),
                lines: t('lines'),
                itemId: t('item'),
                quantity: t('quantity'),
                expiresOn: t('expiresOn'),
                lot: t('lot'),
              }}
            />
            {itemOptions.length === 0 && items.isSuccess ? <Text c="dimmed">{t('noItems')}</Text> : null}
          </Paper>
        </Stack>
      )}
    </RequireSession>
  );
}
