import type { WarehousesAnswer } from '@jaring/logistics/stock.schema.ts';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ApiError, get } from '../../api.ts';
import { ApiProblems, placeOf } from '../../components/api-problems.tsx';
import { SubNav } from '../../components/sub-nav.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { stockTexts } from '../../i18n/stock.ts';

/** The refusal of the server with every problem it found, each placed on its field. */
export function Problems({
  error,
  labels = {},
}: {
  error: ApiError | null;
  labels?: Record<string, string>;
}) {
  const { t } = useTexts(stockTexts);
  return (
    <ApiProblems
      error={error}
      testId="stock-error"
      place={(path) => placeOf(path, labels, (n) => t('lineN', { n }))}
    />
  );
}

const pages = [
  ['nav_position', '/staf/stok'],
  ['nav_expiring', '/staf/stok/kedaluwarsa'],
  ['nav_catalogue', '/staf/stok/katalog'],
  ['nav_receipt', '/staf/stok/barang-masuk'],
  ['nav_count', '/staf/stok/opname'],
] as const;

/** The warehouse's pages, one line of links above each of them. */
export function StockNav() {
  const { t } = useTexts(stockTexts);
  return <SubNav links={pages.map(([key, to]) => [t(key), to] as const)} testId="stock-nav" />;
}

/** The unit's warehouses (the provincial warehouse; others may be added). */
export function useWarehouses() {
  return useQuery({
    queryKey: ['stock', 'warehouses'],
    queryFn: () => get<WarehousesAnswer>('/api/stock/warehouses'),
  });
}

/** Picks one of the unit's warehouses; `all` adds "all warehouses" as an empty choice. */
export function WarehouseSelect({
  value,
  onChange,
  all = false,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  all?: boolean;
}) {
  const { t } = useTexts(stockTexts);
  const list = useWarehouses();
  const options = (list.data?.warehouses ?? []).map((w) => ({ value: String(w.id), label: w.name }));
  return (
    <Select
      label={t('warehouse')}
      data={all ? [{ value: '', label: t('allWarehouses') }, ...options] : options}
      value={value ?? (all ? '' : null)}
      onChange={(v) => onChange(v ? v : null)}
      allowDeselect={false}
      maw={360}
      data-testid="warehouse-select"
    />
  );
}

/** Today in the browser's calendar, `YYYY-MM-DD`: the default date of a receipt or a count. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
