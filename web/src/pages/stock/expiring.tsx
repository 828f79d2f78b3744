import type { ExpiringAnswer, WriteOffAnswer } from '@jaring/logistics/stock.schema.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { stockTexts } from '../../i18n/stock.ts';
import { Problems, StockNav } from './stock-shared.tsx';

const bandColor = { expired: 'red', '7': 'orange', '14': 'yellow', '30': 'blue' } as const;

/** Writes off every expired batch, after a reason and a confirmation that names what goes. */
function WriteOff({ expired }: { expired: number }) {
  const { t } = useTexts(stockTexts);
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const writeOff = useMutation<WriteOffAnswer, ApiError>({
    mutationFn: () => post<WriteOffAnswer>('/api/stock/expired/write-off', { reason }),
    onSuccess: () => {
      setAsking(false);
      setReason('');
      void client.invalidateQueries({ queryKey: ['stock'] });
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('writeOff')}
      </Title>
      <Textarea
        label={t('writeOffReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        autosize
        minRows={2}
        data-testid="write-off-reason"
      />
      <Group mt="sm">
        <Button
          color="red"
          variant="outline"
          disabled={reason.trim() === '' || expired === 0}
          onClick={() => setAsking(true)}
          data-testid="write-off"
        >
          {t('writeOff')}
        </Button>
      </Group>
      {writeOff.data ? (
        <Alert color="green" mt="sm" data-testid="written-off">
          {t('writtenOff', { count: writeOff.data.batches.length })}
        </Alert>
      ) : null}
      {asking ? null : <Problems error={writeOff.error} />}
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('writeOff')}
        closeButtonProps={{ 'aria-label': t('closeDialog') }}
        centered
      >
        <Stack>
          <Text>{t('writeOffConfirm', { count: expired })}</Text>
          <Text size="sm" c="dimmed">
            {reason}
          </Text>
          <Problems error={writeOff.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('cancel')}
            </Button>
            <Button
              color="red"
              loading={writeOff.isPending}
              onClick={() => writeOff.mutate()}
              data-testid="write-off-confirm"
            >
              {t('confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Batches past their expiry or within 30, 14 or 7 days of it (DOMAIN.md §8), soonest first. */
export function StockExpiringPage() {
  const { t, lang } = useTexts(stockTexts);
  const list = useQuery({
    queryKey: ['stock', 'expiring'],
    queryFn: () => get<ExpiringAnswer>('/api/stock/expiring'),
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('expiringTitle')} · {user.unit.name}
          </Title>
          <StockNav />
          <QueryView query={list} skeleton="table">
            {({ batches }) => (
              <Stack>
                {batches.length === 0 ? (
                  <Text c="dimmed">{t('noExpiring')}</Text>
                ) : (
                  <Table.ScrollContainer minWidth={720}>
                    <Table striped data-testid="expiring">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('band')}</Table.Th>
                          <Table.Th>{t('item')}</Table.Th>
                          <Table.Th>{t('warehouse')}</Table.Th>
                          <Table.Th>{t('lot')}</Table.Th>
                          <Table.Th>{t('expiresOn')}</Table.Th>
                          <Table.Th ta="right">{t('daysLeft')}</Table.Th>
                          <Table.Th ta="right">{t('onHand')}</Table.Th>
                          <Table.Th ta="right">{t('reserved')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {batches.map((b) => (
                          <Table.Tr key={b.batchId} data-testid="expiring-row" data-band={b.band}>
                            <Table.Td>
                              <Badge color={bandColor[b.band]}>{t(`band_${b.band}`)}</Badge>
                            </Table.Td>
                            <Table.Td>{b.itemName}</Table.Td>
                            <Table.Td>{b.warehouseName}</Table.Td>
                            <Table.Td>{b.lot}</Table.Td>
                            <Table.Td>{formatDate(b.expiresOn, lang)}</Table.Td>
                            <Table.Td ta="right">{b.daysLeft}</Table.Td>
                            <Table.Td ta="right">
                              {formatNumber(b.onHand, lang)} {b.uom}
                            </Table.Td>
                            <Table.Td ta="right">{formatNumber(b.reserved, lang)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
                {user.permissions.includes('stock.manage') ? (
                  <WriteOff expired={batches.filter((b) => b.band === 'expired').length} />
                ) : null}
              </Stack>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
