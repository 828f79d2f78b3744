import type { PositionAnswer } from '@jaring/logistics/stock.schema.ts';
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { get } from '../../api.ts';
import { DownloadButton } from '../../components/download-button.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { stockTexts } from '../../i18n/stock.ts';
import { StockNav, useWarehouses, WarehouseSelect } from './stock-shared.tsx';

function PositionTable({ warehouseId }: { warehouseId: string }) {
  const { t, lang } = useTexts(stockTexts);
  const position = useQuery({
    queryKey: ['stock', 'position', warehouseId],
    queryFn: () => get<PositionAnswer>(`/api/stock/position?warehouseId=${warehouseId}`),
  });
  return (
    <QueryView query={position} skeleton="table">
      {({ rows }) =>
        rows.length === 0 ? (
          <Text c="dimmed">{t('noStock')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="position">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('item')}</Table.Th>
                  <Table.Th>{t('category')}</Table.Th>
                  <Table.Th ta="right">{t('onHand')}</Table.Th>
                  <Table.Th ta="right">{t('reserved')}</Table.Th>
                  <Table.Th ta="right">{t('available')}</Table.Th>
                  <Table.Th>{t('nearestExpiry')}</Table.Th>
                  <Table.Th>{t('low')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.itemId} data-testid="position-row" data-item={r.name}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/staf/stok/kartu/${warehouseId}/${r.itemId}`}
                        title={t('card')}
                        data-testid="card-link"
                      >
                        {r.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`cat_${r.category}`)}</Table.Td>
                    <Table.Td ta="right" data-testid="on-hand">
                      {formatNumber(r.onHand, lang)} {r.uom}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="reserved">
                      {formatNumber(r.reserved, lang)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="available">
                      {formatNumber(r.available, lang)}
                    </Table.Td>
                    <Table.Td>
                      {r.nearestExpiry ? formatDate(r.nearestExpiry, lang) : ''}
                      {r.expired > 0 ? (
                        <Text span size="xs" c="red" ml={4}>
                          ({t('expired')} {formatNumber(r.expired, lang)})
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {r.low ? (
                        <Badge color="orange" data-testid="low">
                          {t('low')}
                        </Badge>
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
  );
}

/** What each warehouse holds: on hand, reserved, available, nearest expiry, low stock. */
export function StockPositionPage() {
  const { t } = useTexts(stockTexts);
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const first = warehouses.data?.warehouses[0];
  useEffect(() => {
    if (warehouseId === null && first) setWarehouseId(String(first.id));
  }, [warehouseId, first]);
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('nav_position')} · {user.unit.name}
          </Title>
          <StockNav />
          <QueryView query={warehouses} skeleton="lines">
            {(w) =>
              w.warehouses.length === 0 ? (
                <Text c="dimmed">{t('noWarehouse')}</Text>
              ) : (
                <Group align="end" justify="space-between" wrap="wrap">
                  <WarehouseSelect value={warehouseId} onChange={setWarehouseId} />
                  {warehouseId ? (
                    <DownloadButton
                      href={`/api/stock/position.xlsx?warehouseId=${warehouseId}`}
                      testId="position-xlsx"
                    >
                      {t('downloadXlsx')}
                    </DownloadButton>
                  ) : null}
                </Group>
              )
            }
          </QueryView>
          {warehouseId ? <PositionTable warehouseId={warehouseId} /> : null}
        </Stack>
      )}
    </RequireSession>
  );
}
