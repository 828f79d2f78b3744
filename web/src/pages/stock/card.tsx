import type { CardAnswer } from '@jaring/logistics/stock.schema.ts';
import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { DownloadButton } from '../../components/download-button.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { stockTexts } from '../../i18n/stock.ts';
import { StockNav } from './stock-shared.tsx';

const signed = (n: number, lang: 'id' | 'en') =>
  n > 0 ? `+${formatNumber(n, lang)}` : formatNumber(n, lang);

/** The kartu stok of an item in a warehouse: every movement with its running balance. */
export function StockCardPage() {
  const { t, lang } = useTexts(stockTexts);
  const { warehouseId, itemId } = useParams({ strict: false }) as { warehouseId: string; itemId: string };
  const card = useQuery({
    queryKey: ['stock', 'card', warehouseId, itemId],
    queryFn: () => get<CardAnswer>(`/api/stock/card?warehouseId=${warehouseId}&itemId=${itemId}`),
  });
  return (
    <RequireSession>
      {() => (
        <Stack>
          <StockNav />
          <QueryView query={card} skeleton="table">
            {(c) => (
              <Stack>
                <Title order={1} size="h2">
                  {t('cardTitle')} · {c.item.name}
                </Title>
                <Text c="dimmed">
                  {c.warehouse.name} · {t('uom')} {c.item.uom} · {t(`cat_${c.item.category}`)}
                </Text>
                <Group>
                  <Anchor component={Link} to="/staf/stok" size="sm">
                    {t('backToPosition')}
                  </Anchor>
                  <DownloadButton
                    href={`/api/stock/card.xlsx?warehouseId=${warehouseId}&itemId=${itemId}`}
                    testId="card-xlsx"
                    size="xs"
                  >
                    {t('downloadXlsx')}
                  </DownloadButton>
                </Group>
                {c.lines.length === 0 ? (
                  <Text c="dimmed">{t('noMovements')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={900}>
                    <Table striped data-testid="card">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('at')}</Table.Th>
                          <Table.Th>{t('movement')}</Table.Th>
                          <Table.Th>{t('batch')}</Table.Th>
                          <Table.Th ta="right">{t('change')}</Table.Th>
                          <Table.Th ta="right">{t('balance')}</Table.Th>
                          <Table.Th ta="right">{t('reservedBalance')}</Table.Th>
                          <Table.Th>{t('who')}</Table.Th>
                          <Table.Th>{t('why')}</Table.Th>
                          <Table.Th>{t('document')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {c.lines.map((l) => (
                          <Table.Tr key={l.id} data-testid="card-row" data-kind={l.kind}>
                            <Table.Td>{formatDateTime(l.at, lang, { dateStyle: 'medium' })}</Table.Td>
                            <Table.Td>{t(`kind_${l.kind}`)}</Table.Td>
                            <Table.Td>{l.expiresOn ? formatDate(l.expiresOn, lang) : t('noExpiry')}</Table.Td>
                            <Table.Td ta="right" data-testid="card-change">
                              {l.onHandChange !== 0
                                ? signed(l.onHandChange, lang)
                                : `${t('reserved')} ${signed(l.reservedChange, lang)}`}
                            </Table.Td>
                            <Table.Td ta="right" data-testid="card-balance">
                              {formatNumber(l.onHandAfter, lang)}
                            </Table.Td>
                            <Table.Td ta="right">{formatNumber(l.reservedAfter, lang)}</Table.Td>
                            <Table.Td>{l.userName ?? t('system')}</Table.Td>
                            <Table.Td>{l.reason}</Table.Td>
                            <Table.Td>
                              {t(`src_${l.sourceKind}`)}
                              {l.documentRef || l.sourceRef ? ` · ${l.documentRef || l.sourceRef}` : ''}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Stack>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
