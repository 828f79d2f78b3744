import type {
  DistributionArea,
  DistributionLine,
  DistributionReport,
  EmergencyDistribution,
} from '@jaring/logistics/reports.schema.ts';
import { Anchor, Box, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { get } from '../../api.ts';
import { DownloadButton } from '../../components/download-button.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { logisticsReportsTexts } from '../../i18n/logistics-reports.ts';
import { EmergencyBadge, EmergencySelect, LogisticsNav } from './logistics-shared.tsx';

const columns = ['reserved', 'dispatched', 'inTransit', 'received', 'returned', 'writtenOff'] as const;

/** On a phone: one card per item, its figures in two columns, instead of a wide table. */
function LinesCards({ lines }: { lines: DistributionLine[] }) {
  const { t, lang } = useTexts(logisticsReportsTexts);
  return (
    <Stack gap="xs" hiddenFrom="sm" data-testid="line-cards">
      {lines.map((l) => (
        <Paper key={l.itemId} withBorder p="xs" data-testid="line-card" data-item={l.name}>
          <Text fw={600} size="sm">
            {l.name} ({l.uom})
          </Text>
          <SimpleGrid cols={3} spacing={6} verticalSpacing={4}>
            {columns.map((c) => (
              <div key={c} data-col={c}>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {t(c)}
                </Text>
                <Text size="sm" fw={l[c] === 0 ? 400 : 600} c={l[c] === 0 ? 'dimmed' : undefined}>
                  {formatNumber(l[c], lang)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

/** Item lines: what was reserved, dispatched, in transit, received, returned, written off. */
function LinesTable({ lines, testId }: { lines: DistributionLine[]; testId: string }) {
  const { t, lang } = useTexts(logisticsReportsTexts);
  if (lines.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('noLines')}
      </Text>
    );
  return (
    <>
      <LinesCards lines={lines} />
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder layout="fixed" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="22%">{t('item')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c} ta="right" title={c === 'reserved' ? t('reservedHint') : undefined}>
                    {t(c)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.itemId} data-testid="line" data-item={l.name}>
                  <Table.Td>
                    {l.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({l.uom})
                    </Text>
                  </Table.Td>
                  {columns.map((c) => (
                    <Table.Td key={c} ta="right" data-col={c} c={l[c] === 0 ? 'dimmed' : undefined}>
                      {formatNumber(l[c], lang)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}

function AreaBlock({ area }: { area: DistributionArea }) {
  const { t } = useTexts(logisticsReportsTexts);
  return (
    <Stack gap={4} data-testid="area" data-area={area.name}>
      <Group gap="xs">
        <Text fw={600}>{area.name || '—'}</Text>
        <Text size="sm" c="dimmed">
          {t('requestCount', { n: area.requests })} · {t('bastCount', { n: area.basts })}
        </Text>
      </Group>
      <LinesTable lines={area.lines} testId="area-lines" />
    </Stack>
  );
}

function EmergencyBlock({ e, unitCode }: { e: EmergencyDistribution; unitCode: string }) {
  const { t, lang } = useTexts(logisticsReportsTexts);
  const em = e.emergency;
  return (
    <Paper withBorder p="md" data-testid="emergency-distribution">
      <Stack gap="sm">
        <Group justify="space-between" align="start" wrap="wrap">
          <Title order={2} size="h4">
            {em.disaster} · {em.areas.map((a) => a.name).join(', ')}
          </Title>
          <EmergencyBadge status={em.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('decree')} {em.decree} · {t('period')} {formatDate(em.startsOn, lang)} –{' '}
          {formatDate(em.endsOn, lang)}
        </Text>
        <Group gap="md">
          <Text fw={500} data-testid="emergency-requests">
            {t('requestCount', { n: e.requests })}
          </Text>
          <Text fw={500} data-testid="emergency-basts">
            {t('bastCount', { n: e.basts })}
          </Text>
          <Anchor
            component={Link}
            to={`/layanan/${unitCode}/tanggap-darurat/${em.id}`}
            size="sm"
            data-testid="public-page"
          >
            {t('publicPage')}
          </Anchor>
        </Group>
        {e.areas.length === 0 ? (
          <Text c="dimmed">{t('noDistribution')}</Text>
        ) : (
          e.areas.map((a) => <AreaBlock key={a.code} area={a} />)
        )}
        {e.areas.length > 1 ? (
          <Stack gap={4}>
            <Text fw={600}>{t('totals')}</Text>
            <LinesTable lines={e.totals} testId="emergency-totals" />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** What was dispatched and handed over per emergency and per regency, from the stock ledger. */
export function DistributionsPage() {
  const { t } = useTexts(logisticsReportsTexts);
  const { kejadian } = useSearch({ strict: false }) as { kejadian?: string };
  const [emergencyId, setEmergencyId] = useState(kejadian && /^\d+$/.test(kejadian) ? kejadian : '');
  const query = emergencyId ? `?emergencyId=${emergencyId}` : '';
  const report = useQuery({
    queryKey: ['logistics', 'distributions', emergencyId],
    queryFn: () => get<DistributionReport>(`/api/logistics/distributions${query}`),
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('distributionsTitle')} · {user.unit.name}
          </Title>
          <LogisticsNav />
          <Text size="sm" c="dimmed">
            {t('distributionsIntro')}
          </Text>
          <Group align="end" justify="space-between" wrap="wrap">
            <EmergencySelect value={emergencyId} onChange={setEmergencyId} />
            <DownloadButton href={`/api/logistics/distributions.xlsx${query}`} testId="distributions-xlsx">
              {t('downloadXlsx')}
            </DownloadButton>
          </Group>
          <QueryView query={report} skeleton="cards">
            {(r) =>
              r.emergencies.length === 0 ? (
                <Text c="dimmed">{t('noEmergencies')}</Text>
              ) : (
                <Stack>
                  {r.emergencies.map((e) => (
                    <EmergencyBlock key={e.emergency.id} e={e} unitCode={user.unit.code} />
                  ))}
                  {r.regencies.length > 0 ? (
                    <Paper withBorder p="md" data-testid="per-regency">
                      <Stack gap="sm">
                        <Title order={2} size="h4">
                          {t('perRegency')}
                        </Title>
                        {r.regencies.map((a) => (
                          <AreaBlock key={a.code} area={a} />
                        ))}
                      </Stack>
                    </Paper>
                  ) : null}
                </Stack>
              )
            }
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
