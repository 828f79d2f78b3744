import type { ActionPreview } from '@jaring/cases/cases.schema.ts';
import { parseWholeNumber } from '@jaring/core/numbers.ts';
import type {
  ApprovalPreview,
  CaseGoodsLine,
  GoodsPreview,
  GoodsStock,
  NeedsPreview,
  ReturnCondition,
} from '@jaring/logistics/requests.schema.ts';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { type ApiError, post } from '../../api.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { goodsTexts } from '../../i18n/goods.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { CaseView } from './case-view.ts';

/**
 * The goods of a relief request on its case page (issue 16, Banten): the telaah's line editor
 * beside the needs estimate and stock, the Kepala Bidang's approval from the telaah's lines in a
 * chosen warehouse, the goods reserved for the shipment, and the handover line by line. What
 * each sends is what the logistics effects read: `lines` ({ itemId, quantity }), `warehouseId`,
 * `returns` (batch, quantity, condition, reason).
 */

type Preview = NeedsPreview | ApprovalPreview | GoodsPreview;

/** What the goods form adds to its action's data, and whether the action may be sent as it is. */
export interface GoodsState {
  data: Record<string, unknown>;
  ready: boolean;
}

/** The goods preview of an action (one of the logistics effects), if it has one. */
export function goodsPreviewOf(v: CaseView, actionId: string): Preview | undefined {
  const p = v.previews[actionId] as { kind?: unknown } | undefined;
  return typeof p?.kind === 'string' &&
    [
      'logistics.needs',
      'logistics.approval',
      'logistics.shipment',
      'logistics.release',
      'logistics.handover',
    ].includes(p.kind)
    ? (p as Preview)
    : undefined;
}

/** A problem the goods form places on its own lines (the action's general list leaves it out). */
export const isGoodsProblem = (path: string) => /^data\.(lines|returns)(\[|$)/.test(path);

/** A quantity as typed (`1.000` is a thousand), when it is one the server takes. */
const whole = (s: string) => {
  const n = parseWholeNumber(s);
  return n !== undefined && n > 0 && n <= 10_000_000;
};
/** A whole number as typed, or the text itself so that the server names what is wrong with it. */
const quantityOf = (s: string) => (whole(s) ? (parseWholeNumber(s) as number) : s);

interface Row {
  key: number;
  itemId: string | null;
  quantity: string;
}
let nextKey = 1;
const row = (itemId: number | null = null, quantity = ''): Row => ({
  key: nextKey++,
  itemId: itemId === null ? null : String(itemId),
  quantity,
});

/** Per item, the quantity the rows ask for (an item on two lines counts once, summed). */
function totals(rows: Row[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const r of rows)
    if (r.itemId !== null && whole(r.quantity))
      sum.set(Number(r.itemId), (sum.get(Number(r.itemId)) ?? 0) + (parseWholeNumber(r.quantity) ?? 0));
  return sum;
}

const linesOf = (rows: Row[]) =>
  rows.map((r) => ({
    itemId: r.itemId === null ? null : Number(r.itemId),
    quantity: quantityOf(r.quantity),
  }));

/** The server's problems at `data.lines[i]…`, by line index. */
function lineProblems(error: ApiError | null, list: 'lines' | 'returns'): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const p of error?.problems ?? []) {
    const m = new RegExp(`^data\\.${list}\\[(\\d+)\\]`).exec(p.path);
    if (m) found.set(Number(m[1]), [...(found.get(Number(m[1])) ?? []), p.message]);
  }
  return found;
}

/** The server's refusal for short stock, per item: what was wanted and what is available. */
function refusedOf(error: ApiError | null): Map<number, { wanted: number; available: number }> {
  const found = new Map<number, { wanted: number; available: number }>();
  if (error?.code !== 'stock.insufficient') return found;
  const shortages = error.details.shortages;
  if (Array.isArray(shortages))
    for (const s of shortages as Array<{ itemId?: unknown; wanted?: unknown; available?: unknown }>)
      if (typeof s.itemId === 'number')
        found.set(s.itemId, { wanted: Number(s.wanted), available: Number(s.available) });
  return found;
}

/** Tells the action what the form sends, each time it changes (and only then). */
function useReport(state: GoodsState, onChange: (s: GoodsState) => void) {
  const report = useRef(onChange);
  report.current = onChange;
  const key = JSON.stringify(state);
  useEffect(() => report.current(JSON.parse(key) as GoodsState), [key]);
}

/** The rows of goods: item from the catalogue by name, quantity in its unit, stock beside it. */
function LinesEditor({
  rows,
  setRows,
  stock,
  reviewed,
  refused,
  problems,
}: {
  rows: Row[];
  setRows: (update: (rows: Row[]) => Row[]) => void;
  stock: GoodsStock[];
  /** The quantities the telaah proposed, per item (the approval shows them beside its own). */
  reviewed?: Map<number, number>;
  refused: Map<number, { wanted: number; available: number }>;
  problems: Map<number, string[]>;
}) {
  const { t, lang } = useTexts(goodsTexts);
  const byId = new Map(stock.map((s) => [s.itemId, s]));
  const asked = totals(rows);
  const options = stock.map((s) => ({ value: String(s.itemId), label: `${s.name} (${s.uom})` }));
  const setRow = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const n = (x: number) => formatNumber(x, lang);
  return (
    <Stack gap="xs">
      {rows.map((r, index) => {
        const item = r.itemId === null ? undefined : byId.get(Number(r.itemId));
        const total = item ? (asked.get(item.itemId) ?? 0) : 0;
        const over = item !== undefined && total > item.available;
        const twice = item !== undefined && rows.filter((x) => x.itemId === r.itemId).length > 1;
        // The server's last refusal, while the line still asks for more than it said is there.
        const refusal = item ? refused.get(item.itemId) : undefined;
        const stillRefused = refusal !== undefined && total > refusal.available;
        const review = item ? reviewed?.get(item.itemId) : undefined;
        return (
          <Paper key={r.key} withBorder p="xs" data-testid="goods-line" data-item={item?.name ?? ''}>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <Group align="flex-start" gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
                <Select
                  label={t('goodsItem')}
                  placeholder={t('pickItem')}
                  data={options}
                  value={r.itemId}
                  onChange={(value) => setRow(r.key, { itemId: value })}
                  searchable
                  style={{ flex: '1 1 14rem', minWidth: 0 }}
                  data-testid={`goods-item-${index}`}
                />
                <TextInput
                  label={t('goodsQuantity')}
                  inputMode="numeric"
                  value={r.quantity}
                  onChange={(e) => setRow(r.key, { quantity: e.currentTarget.value })}
                  rightSection={item ? <Text size="xs">{item.uom}</Text> : null}
                  rightSectionWidth={item ? Math.max(36, item.uom.length * 8 + 12) : undefined}
                  error={r.quantity !== '' && !whole(r.quantity) ? t('quantityWhole') : undefined}
                  style={{ flex: '0 1 9rem', minWidth: '7rem' }}
                  data-testid={`goods-quantity-${index}`}
                />
              </Group>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={24}
                aria-label={t('removeGoodsLine')}
                title={t('removeGoodsLine')}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                data-testid={`goods-remove-${index}`}
              >
                ×
              </ActionIcon>
            </Group>
            <Stack gap={0} mt={4}>
              {item ? (
                <Text
                  size="xs"
                  c={over ? 'red.8' : 'dimmed'}
                  fw={over ? 600 : undefined}
                  data-testid="line-stock"
                >
                  {over
                    ? t('overStock', { wanted: n(total), available: n(item.available), uom: item.uom })
                    : t('availableStock', { n: n(item.available), uom: item.uom })}
                </Text>
              ) : null}
              {item && review !== undefined ? (
                <Text size="xs" c="dimmed" data-testid="line-reviewed">
                  {t('proposedByReview', { n: n(review), uom: item.uom })}
                </Text>
              ) : null}
              {twice ? (
                <Text size="xs" c="orange.8">
                  {t('sameItemTwice')}
                </Text>
              ) : null}
              {item && refusal && stillRefused ? (
                <Text size="xs" c="red.8" fw={700} data-testid="line-refused">
                  {t('refusedLine', {
                    wanted: n(refusal.wanted),
                    available: n(refusal.available),
                    uom: item.uom,
                  })}
                </Text>
              ) : null}
              {(problems.get(index) ?? []).map((m) => (
                <Text key={m} size="xs" c="red.8" data-testid="line-problem">
                  {t('goodsLine', { n: index + 1 })}: {m}
                </Text>
              ))}
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => setRows((rs) => [...rs, row()])}
          data-testid="goods-add"
        >
          {t('addGoodsLine')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The server's problem with the list as a whole (no lines at all), in its words. */
function ListProblem({ error, list }: { error: ApiError | null; list: 'lines' | 'returns' }) {
  const whole = (error?.problems ?? []).filter((p) => p.path === `data.${list}`);
  return whole.length > 0 ? (
    <Alert color="red" data-testid="goods-problem">
      {whole.map((p) => p.message).join('; ')}
    </Alert>
  ) : null;
}

type EstimateRow = NonNullable<NeedsPreview['estimate']>['items'][number];

/**
 * The needs estimate per item beside stock and the proposal, shortfalls in red: a table on a
 * computer, one block per item on a phone (four columns do not fit 390 px).
 */
function EstimateRows({
  rows,
  stock,
  proposed,
}: {
  rows: EstimateRow[];
  stock: GoodsStock[];
  proposed: Map<number, number>;
}) {
  const { t, lang } = useTexts(goodsTexts);
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const n = (x: number) => formatNumber(x, lang);
  const cells = rows.map((i) => {
    const s = stock.find((x) => x.itemId === i.itemId);
    const mine = proposed.get(i.itemId);
    return {
      i,
      norm:
        s?.normPerPersonDay != null
          ? t('normOf', { n: n(s.normPerPersonDay), unit: s.normUnit ?? i.uom })
          : null,
      needed: i.needed === null ? '—' : n(i.needed),
      short:
        i.needed !== null && i.needed > i.available ? t('shortBy', { n: n(i.needed - i.available) }) : null,
      mine: mine === undefined ? '—' : n(mine),
      over: mine !== undefined && mine > i.available,
    };
  });
  const shortText = (short: string | null) =>
    short ? (
      <Text size="xs" c="red.8" fw={600} data-testid="estimate-short">
        {short}
      </Text>
    ) : null;
  if (phone)
    return (
      <Stack gap="xs" data-testid="estimate-table">
        {cells.map((c) => (
          <Paper key={c.i.itemId} withBorder p="xs" data-testid="estimate-row" data-item={c.i.name}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {c.i.name} ({c.i.uom})
            </Text>
            {c.norm ? (
              <Text size="xs" c="dimmed">
                {c.norm}
              </Text>
            ) : null}
            <SimpleGrid cols={3} spacing="xs" mt={4}>
              <div>
                <Text size="xs" c="dimmed">
                  {t('estimateNeeded')}
                </Text>
                <Text size="sm" data-testid="estimate-needed">
                  {c.needed}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('estimateAvailable')}
                </Text>
                <Text size="sm" data-testid="estimate-available">
                  {n(c.i.available)}
                </Text>
                {shortText(c.short)}
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('estimateProposed')}
                </Text>
                <Text size="sm" c={c.over ? 'red.8' : undefined} data-testid="estimate-proposed">
                  {c.mine}
                </Text>
              </div>
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table horizontalSpacing={6} verticalSpacing={4} fz="sm" data-testid="estimate-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('goodsItem')}</Table.Th>
          <Table.Th ta="right">{t('estimateNeeded')}</Table.Th>
          <Table.Th ta="right">{t('estimateAvailable')}</Table.Th>
          <Table.Th ta="right">{t('estimateProposed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.map((c) => (
          <Table.Tr key={c.i.itemId} data-testid="estimate-row" data-item={c.i.name}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {c.i.name} ({c.i.uom})
              {c.norm ? (
                <Text size="xs" c="dimmed">
                  {c.norm}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td ta="right" data-testid="estimate-needed">
              {c.needed}
            </Table.Td>
            <Table.Td ta="right">
              <span data-testid="estimate-available">{n(c.i.available)}</span>
              {shortText(c.short)}
            </Table.Td>
            <Table.Td ta="right" c={c.over ? 'red.8' : undefined} data-testid="estimate-proposed">
              {c.mine}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The telaah: the proposed lines beside the needs estimate for the people and days typed in the
 * form (the catalogue's norms and the Sphere minimums) and the stock of every warehouse.
 */
function TelaahGoods({
  caseId,
  actionId,
  preview,
  fields,
  error,
  onChange,
}: {
  caseId: number;
  actionId: string;
  preview: NeedsPreview;
  fields: Record<string, string>;
  error: ApiError | null;
  onChange: (s: GoodsState) => void;
}) {
  const { t, lang } = useTexts(goodsTexts);
  const [rows, setRows] = useState<Row[]>(() => [row()]);
  const [people] = useDebouncedValue((fields.peopleAffected ?? '').trim(), 400);
  const [days] = useDebouncedValue((fields.days ?? '').trim(), 400);
  const asked = whole(people) && whole(days);
  const estimate = useQuery({
    queryKey: ['needs-estimate', caseId, actionId, people, days],
    queryFn: () =>
      post<ActionPreview>(`/api/cases/${caseId}/preview`, {
        action: actionId,
        data: { peopleAffected: parseWholeNumber(people), days: parseWholeNumber(days) },
      }),
    enabled: asked,
  });
  const fresh = estimate.data?.effect as NeedsPreview | null | undefined;
  const stock = fresh?.stock ?? preview.stock;
  const needs = asked ? (fresh?.estimate ?? null) : null;
  useReport({ data: { lines: linesOf(rows) }, ready: true }, onChange);
  const proposed = totals(rows);
  const n = (x: number) => formatNumber(x, lang);
  const shown = (needs?.items ?? []).filter((i) => i.needed !== null || proposed.has(i.itemId));
  const useIt = () => {
    const wanted = (needs?.items ?? []).filter((i) => i.needed !== null && i.needed > 0);
    setRows((rs) => {
      const next = rs.filter((r) => r.itemId !== null || r.quantity !== '');
      for (const w of wanted) {
        const at = next.findIndex((r) => r.itemId === String(w.itemId));
        const quantity = String(w.needed);
        if (at >= 0) next[at] = { ...(next[at] as Row), quantity };
        else next.push(row(w.itemId, quantity));
      }
      return next.length > 0 ? next : [row()];
    });
  };
  return (
    <Stack gap="sm" data-testid="goods-telaah">
      <Title order={3} size="h5">
        {t('estimateTitle')}
      </Title>
      {needs ? (
        <Stack gap="xs" data-testid="needs-estimate">
          <Text size="sm" fw={600}>
            {t('sphereTitle', { people: n(needs.peopleAffected), days: n(needs.days) })}
          </Text>
          <List size="sm" spacing={2} data-testid="sphere">
            <List.Item>
              {t('sphereWater', {
                n: n(needs.sphere.waterLitres),
                per: n(needs.sphere.waterLitres / (needs.peopleAffected * needs.days)),
              })}
            </List.Item>
            <List.Item>
              {t('sphereFood', {
                n: n(needs.sphere.kcal),
                per: n(needs.sphere.kcal / (needs.peopleAffected * needs.days)),
              })}
            </List.Item>
            <List.Item>
              {t('sphereShelter', {
                n: n(needs.sphere.shelterM2),
                per: n(needs.sphere.shelterM2 / needs.peopleAffected),
              })}
            </List.Item>
          </List>
          {shown.length > 0 ? <EstimateRows rows={shown} stock={stock} proposed={proposed} /> : null}
          <Text size="xs" c="dimmed">
            {t('noNorms')}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              onClick={useIt}
              disabled={!needs.items.some((i) => i.needed !== null && i.needed > 0)}
              data-testid="use-estimate"
            >
              {t('useEstimate')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('useEstimateHint')}
            </Text>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" data-testid="estimate-waiting">
          {t('estimateWaiting')}
        </Text>
      )}
      <Title order={3} size="h5">
        {t('goodsTitle')}
      </Title>
      <LinesEditor
        rows={rows}
        setRows={setRows}
        stock={stock}
        refused={refusedOf(error)}
        problems={lineProblems(error, 'lines')}
      />
      <ListProblem error={error} list="lines" />
    </Stack>
  );
}

/**
 * The Kepala Bidang's approval: the telaah's lines to start from, quantities changeable, the
 * warehouse to reserve in (the first by default) with its stock per line; what exceeds it is
 * flagged before sending, and the server's refusal is shown on the line it concerns.
 */
function ApprovalGoods({
  caseId,
  actionId,
  preview,
  error,
  onChange,
}: {
  caseId: number;
  actionId: string;
  preview: ApprovalPreview;
  error: ApiError | null;
  onChange: (s: GoodsState) => void;
}) {
  const { t } = useTexts(goodsTexts);
  const [rows, setRows] = useState<Row[]>(() =>
    preview.proposal && preview.proposal.lines.length > 0
      ? preview.proposal.lines.map((l) => row(l.itemId, String(l.quantity)))
      : [row()],
  );
  const [warehouse, setWarehouse] = useState<string | null>(
    preview.warehouseId === null ? null : String(preview.warehouseId),
  );
  const other = warehouse !== null && warehouse !== String(preview.warehouseId);
  const elsewhere = useQuery({
    queryKey: ['approval-stock', caseId, actionId, warehouse],
    queryFn: () =>
      post<ActionPreview>(`/api/cases/${caseId}/preview`, {
        action: actionId,
        data: { warehouseId: Number(warehouse) },
      }),
    enabled: other,
  });
  const stock = other
    ? ((elsewhere.data?.effect as ApprovalPreview | undefined)?.stock ?? [])
    : preview.stock;
  const reviewed = new Map((preview.proposal?.lines ?? []).map((l) => [l.itemId, l.quantity]));
  useReport(
    {
      data: { warehouseId: warehouse === null ? null : Number(warehouse), lines: linesOf(rows) },
      ready: true,
    },
    onChange,
  );
  const asked = totals(rows);
  const over = stock.some((s) => (asked.get(s.itemId) ?? 0) > s.available);
  return (
    <Stack gap="sm" data-testid="goods-approval">
      <Title order={3} size="h5">
        {t('approvalTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {preview.proposal && preview.proposal.lines.length > 0 ? t('approvalHint') : t('noProposal')}
      </Text>
      <Select
        label={t('warehouseChoice')}
        data={preview.warehouses.map((w) => ({ value: String(w.id), label: w.name }))}
        value={warehouse}
        onChange={setWarehouse}
        allowDeselect={false}
        maw={420}
        data-testid="goods-warehouse"
      />
      <LinesEditor
        rows={rows}
        setRows={setRows}
        stock={stock}
        reviewed={reviewed}
        refused={refusedOf(error)}
        problems={lineProblems(error, 'lines')}
      />
      {over ? (
        <Alert color="orange" data-testid="over-stock">
          {t('overStockAny')}
        </Alert>
      ) : null}
      <ListProblem error={error} list="lines" />
    </Stack>
  );
}

/** What the request holds reserved: what the shipment will send under its surat jalan. */
function ShipmentGoods({ preview }: { preview: GoodsPreview }) {
  const { t } = useTexts(goodsTexts);
  return (
    <Stack gap="xs" data-testid="goods-shipment">
      <Title order={3} size="h5">
        {t('shipmentTitle')}
      </Title>
      <GoodsList lines={perItem(preview.lines, (l) => l.reserved)} />
    </Stack>
  );
}

interface Receipt {
  received: string;
  condition: ReturnCondition;
  reason: string;
}

const conditions: ReturnCondition[] = ['returned', 'damaged', 'lost'];

/**
 * The handover: per dispatched batch, the quantity received in good order; what falls short
 * (brought back, damaged or lost) becomes a return with its reason, as the handover effect expects.
 */
function HandoverGoods({
  preview,
  error,
  onChange,
}: {
  preview: GoodsPreview;
  error: ApiError | null;
  onChange: (s: GoodsState) => void;
}) {
  const { t, lang } = useTexts(goodsTexts);
  const [receipts, setReceipts] = useState<Record<number, Receipt>>(() =>
    Object.fromEntries(
      preview.lines.map((l) => [
        l.batchId,
        { received: String(l.dispatched), condition: 'returned', reason: '' },
      ]),
    ),
  );
  const receiptOf = (l: CaseGoodsLine): Receipt =>
    receipts[l.batchId] ?? { received: String(l.dispatched), condition: 'returned', reason: '' };
  const set = (batchId: number, patch: Partial<Receipt>) =>
    setReceipts((rs) => ({ ...rs, [batchId]: { ...(rs[batchId] as Receipt), ...patch } }));
  const valid = (l: CaseGoodsLine) => {
    const r = parseWholeNumber(receiptOf(l).received);
    return r !== undefined && r <= l.dispatched;
  };
  const receivedOf = (l: CaseGoodsLine) => parseWholeNumber(receiptOf(l).received) ?? 0;
  const short = preview.lines.filter((l) => valid(l) && receivedOf(l) < l.dispatched);
  const returns = short.map((l) => ({
    batchId: l.batchId,
    quantity: l.dispatched - receivedOf(l),
    condition: receiptOf(l).condition,
    reason: receiptOf(l).reason.trim(),
  }));
  useReport({ data: { returns }, ready: preview.lines.every(valid) }, onChange);
  // The server names a return by its place in `returns`: back to the batch it is about.
  const problems = lineProblems(error, 'returns');
  const n = (x: number) => formatNumber(x, lang);
  return (
    <Stack gap="sm" data-testid="goods-handover">
      <Title order={3} size="h5">
        {t('handoverTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('handoverHint')}
      </Text>
      {preview.lines.map((l) => {
        const r = receiptOf(l);
        const ok = valid(l);
        const missing = ok ? l.dispatched - Number(r.received) : 0;
        const at = short.indexOf(l);
        return (
          <Paper key={l.batchId} withBorder p="xs" data-testid="handover-line" data-item={l.name}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
              <div style={{ flex: '1 1 12rem', minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {l.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('dispatchedQty', { n: n(l.dispatched), uom: l.uom })} ·{' '}
                  {l.expiresOn ? t('batchOf', { date: formatDate(l.expiresOn, lang) }) : t('noExpiry')}
                </Text>
              </div>
              <TextInput
                label={t('receivedQty')}
                inputMode="numeric"
                value={r.received}
                onChange={(e) => set(l.batchId, { received: e.currentTarget.value })}
                rightSection={<Text size="xs">{l.uom}</Text>}
                rightSectionWidth={Math.max(36, l.uom.length * 8 + 12)}
                error={ok ? undefined : t('receivedTooMany', { n: n(l.dispatched) })}
                style={{ flex: '0 1 10rem', minWidth: '8rem' }}
                data-testid="handover-received"
              />
            </Group>
            {missing > 0 ? (
              <Stack gap={6} mt="xs" data-testid="handover-return">
                <Text size="sm" c="orange.9" fw={600}>
                  {t('shortfallOf', { n: n(missing), uom: l.uom })}
                </Text>
                <Radio.Group
                  label={t('condition')}
                  value={r.condition}
                  onChange={(v) => set(l.batchId, { condition: v as ReturnCondition })}
                  data-testid="handover-condition"
                >
                  <Group gap="md" mt={4}>
                    {conditions.map((c) => (
                      <Radio key={c} value={c} label={t(`condition_${c}`)} />
                    ))}
                  </Group>
                </Radio.Group>
                <TextInput
                  label={t('shortReason')}
                  description={t('shortReasonHint')}
                  value={r.reason}
                  onChange={(e) => set(l.batchId, { reason: e.currentTarget.value })}
                  required
                  data-testid="handover-reason"
                />
                {(problems.get(at) ?? []).map((m) => (
                  <Text key={m} size="xs" c="red.8" data-testid="line-problem">
                    {m}
                  </Text>
                ))}
              </Stack>
            ) : null}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The form of an action's goods, after its fields; nothing for an action without goods. */
export function GoodsForm({
  caseId,
  actionId,
  preview,
  fields,
  error,
  onChange,
}: {
  caseId: number;
  actionId: string;
  preview: Preview;
  /** The action's form fields as typed (the telaah's people and days). */
  fields: Record<string, string>;
  /** The last refusal of this action, to place its problems on the lines. */
  error: ApiError | null;
  onChange: (s: GoodsState) => void;
}) {
  switch (preview.kind) {
    case 'logistics.needs':
      return (
        <TelaahGoods
          caseId={caseId}
          actionId={actionId}
          preview={preview}
          fields={fields}
          error={error}
          onChange={onChange}
        />
      );
    case 'logistics.approval':
      return (
        <ApprovalGoods
          caseId={caseId}
          actionId={actionId}
          preview={preview}
          error={error}
          onChange={onChange}
        />
      );
    case 'logistics.shipment':
      return <ShipmentGoods preview={preview} />;
    case 'logistics.handover':
      return <HandoverGoods preview={preview} error={error} onChange={onChange} />;
    default:
      return null;
  }
}

interface ItemTotal {
  itemId: number;
  name: string;
  uom: string;
  quantity: number;
}

/** Batches summed per item, in the order first met. */
function perItem(lines: CaseGoodsLine[], quantity: (l: CaseGoodsLine) => number): ItemTotal[] {
  const found = new Map<number, ItemTotal>();
  for (const l of lines) {
    const q = quantity(l);
    const had = found.get(l.itemId);
    if (had) had.quantity += q;
    else found.set(l.itemId, { itemId: l.itemId, name: l.name, uom: l.uom, quantity: q });
  }
  return [...found.values()].filter((i) => i.quantity > 0);
}

/** Items and quantities, as a letter lists them. */
function GoodsList({ lines, testId = 'goods-list' }: { lines: ItemTotal[]; testId?: string }) {
  const { t, lang } = useTexts(goodsTexts);
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noGoods')}
      </Text>
    );
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid={testId}>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.itemId} data-testid="goods-list-line" data-item={l.name}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.name}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatNumber(l.quantity, lang)} {l.uom}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The lines a form sends (`{ itemId, quantity }`), named from a stock list; incomplete ones left out. */
function namedLines(data: Record<string, unknown>, stock: GoodsStock[]): ItemTotal[] {
  const raw = Array.isArray(data.lines)
    ? (data.lines as Array<{ itemId?: unknown; quantity?: unknown }>)
    : [];
  const found = new Map<number, ItemTotal>();
  for (const l of raw) {
    const item = stock.find((s) => s.itemId === l.itemId);
    if (!item || typeof l.quantity !== 'number') continue;
    const had = found.get(item.itemId);
    if (had) had.quantity += l.quantity;
    else
      found.set(item.itemId, { itemId: item.itemId, name: item.name, uom: item.uom, quantity: l.quantity });
  }
  return [...found.values()];
}

/**
 * What the confirmation of a goods action lists: the lines proposed, reserved (and where),
 * dispatched, given back, or received with each shortfall or damage.
 */
export function GoodsConfirm({
  v,
  actionId,
  data,
}: {
  v: CaseView;
  actionId: string;
  data: Record<string, unknown>;
}) {
  const { t, lang } = useTexts(goodsTexts);
  const preview = goodsPreviewOf(v, actionId);
  if (!preview) return null;
  const heading = (text: string) => (
    <Text fw={600} size="sm">
      {text}
    </Text>
  );
  switch (preview.kind) {
    case 'logistics.needs':
      return (
        <Stack gap={4} data-testid="confirm-goods">
          {heading(t('confirmProposed'))}
          <GoodsList lines={namedLines(data, preview.stock)} />
        </Stack>
      );
    case 'logistics.approval': {
      const warehouse = preview.warehouses.find((w) => w.id === data.warehouseId)?.name ?? '';
      return (
        <Stack gap={4} data-testid="confirm-goods">
          {heading(t('confirmReserve', { warehouse }))}
          <GoodsList lines={namedLines(data, preview.stock)} />
        </Stack>
      );
    }
    case 'logistics.shipment':
    case 'logistics.release':
      return (
        <Stack gap={4} data-testid="confirm-goods">
          {heading(preview.kind === 'logistics.shipment' ? t('confirmShip') : t('confirmRelease'))}
          <GoodsList lines={perItem(preview.lines, (l) => l.reserved)} />
        </Stack>
      );
    case 'logistics.handover': {
      const returns = Array.isArray(data.returns)
        ? (data.returns as Array<{
            batchId: number;
            quantity: number;
            condition: ReturnCondition;
            reason: string;
          }>)
        : [];
      const back = (l: CaseGoodsLine) =>
        returns.filter((r) => r.batchId === l.batchId).reduce((s, r) => s + r.quantity, 0);
      return (
        <Stack gap={4} data-testid="confirm-goods">
          {heading(t('confirmReceived'))}
          <GoodsList lines={perItem(preview.lines, (l) => l.dispatched - back(l))} />
          {returns.length > 0 ? (
            <>
              {heading(t('confirmReturns'))}
              <List size="sm" data-testid="confirm-returns">
                {returns.map((r) => {
                  const l = preview.lines.find((x) => x.batchId === r.batchId);
                  return (
                    <List.Item key={r.batchId}>
                      {l?.name} · {formatNumber(r.quantity, lang)} {l?.uom} · {t(`return_${r.condition}`)} ·{' '}
                      {r.reason}
                    </List.Item>
                  );
                })}
              </List>
            </>
          ) : null}
        </Stack>
      );
    }
    default:
      return null;
  }
}
