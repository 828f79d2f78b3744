import type { PublicDelivered, PublicEmergency } from '@jaring/logistics/reports.schema.ts';
import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { emergencyPublicTexts } from '../../i18n/logistics-reports.ts';
import '../../styles/all.ts';

const statusColor = { upcoming: 'blue', active: 'red', expired: 'gray', ended: 'gray' } as const;

/** Items as lines a phone reads without a table: "Beras: 290 kg diterima · 100 kg dalam perjalanan". */
function Items({ items, testId }: { items: PublicDelivered[]; testId: string }) {
  const { t, lang } = useTexts(emergencyPublicTexts);
  return (
    <List size="sm" spacing={4} data-testid={testId}>
      {items.map((i) => (
        <List.Item key={`${i.name}${i.uom}`} data-testid="sent-item" data-item={i.name}>
          <Text span fw={500} inherit>
            {i.name}
          </Text>
          {': '}
          {[
            i.delivered > 0
              ? `${formatNumber(i.delivered, lang)} ${i.uom} ${t('delivered').toLowerCase()}`
              : '',
            i.inTransit > 0
              ? `${formatNumber(i.inTransit, lang)} ${i.uom} ${t('inTransit').toLowerCase()}`
              : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * The public page of an emergency (no sign-in): the decrees, the area, the dates and status,
 * and what the office has sent to each regency with the days of its handovers. It names no
 * person and no request: the server sends none.
 */
export function EmergencyPublicPage() {
  const { t, lang } = useTexts(emergencyPublicTexts);
  const { unit, id } = useParams({ strict: false }) as { unit: string; id: string };
  const query = useQuery({
    queryKey: ['public-emergency', unit, id],
    queryFn: () => get<PublicEmergency>(`/api/public/units/${unit}/emergencies/${id}`),
  });
  return (
    <QueryView query={query}>
      {(e) => (
        <Stack data-testid="public-emergency">
          <Anchor component={Link} to={`/layanan/${e.unit.code}`} size="sm">
            ← {t('backToUnit')}
          </Anchor>
          <Group justify="space-between" align="start" wrap="wrap" gap="xs">
            <Title order={1} size="h2">
              {e.disaster}
            </Title>
            <Badge color={statusColor[e.status]} size="lg" data-testid="public-status">
              {t(`pubStatus_${e.status}`)}
            </Badge>
          </Group>
          <Text c="dimmed">{t('pageIntro', { unit: e.unit.name })}</Text>
          <Card withBorder padding="md" radius="md">
            <Stack gap={6}>
              <Text size="sm">
                <Text span fw={600}>
                  {t('areas')}:{' '}
                </Text>
                <span data-testid="public-areas">{e.areas.map((a) => a.name).join(', ')}</span>
              </Text>
              <Text size="sm">
                <Text span fw={600}>
                  {t('period')}:{' '}
                </Text>
                {formatDate(e.startsOn, lang)} – {formatDate(e.endsOn, lang)}
                {e.endedOn ? ` (${t('endedOn', { date: formatDate(e.endedOn, lang) })})` : ''}
              </Text>
              <Text size="sm" fw={600}>
                {t('decrees')}
              </Text>
              <List size="sm" spacing={2} data-testid="public-decrees">
                {e.decrees.map((d) => (
                  <List.Item key={`${d.kind}${d.number}`}>
                    {t(`kind_${d.kind}`)} · {d.number} · {formatDate(d.decreedOn, lang)} ·{' '}
                    {t(`by_${d.declaredBy}`)}
                    {d.kind === 'termination' ? '' : ` · ${t('until', { date: formatDate(d.endsOn, lang) })}`}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" data-testid="public-figures">
                {t('figures', {
                  requests: formatNumber(e.requests, lang),
                  parts: [
                    t('figuresHandedOver', { n: formatNumber(e.handedOver, lang) }),
                    ...(e.inProcess > 0
                      ? [t('figuresInProcess', { n: formatNumber(e.inProcess, lang) })]
                      : []),
                    ...(e.notServed > 0
                      ? [t('figuresNotServed', { n: formatNumber(e.notServed, lang) })]
                      : []),
                  ].join(', '),
                })}
              </Text>
            </Stack>
          </Card>
          <Title order={2} size="h3">
            {t('sentTitle')}
          </Title>
          {e.sent.length === 0 ? (
            <Text c="dimmed">{t('nothingSent')}</Text>
          ) : (
            <Stack>
              {e.sent.map((a) => (
                <Card
                  key={a.code}
                  withBorder
                  padding="md"
                  radius="md"
                  data-testid="public-area"
                  data-area={a.name}
                >
                  <Title order={3} size="h4" mb={6}>
                    {a.name}
                  </Title>
                  <Items items={a.items} testId="public-items" />
                  {a.handovers.length > 0 ? (
                    <Text size="sm" mt={6} data-testid="public-handovers">
                      <Text span fw={600}>
                        {t('handovers')}:{' '}
                      </Text>
                      {a.handovers
                        .map((h) => t('handoverOn', { date: formatDate(h.on, lang), n: h.count }))
                        .join('; ')}
                    </Text>
                  ) : null}
                </Card>
              ))}
              {e.sent.length > 1 ? (
                <Card withBorder padding="md" radius="md" data-testid="public-totals">
                  <Title order={3} size="h4" mb={6}>
                    {t('allAreas')}
                  </Title>
                  <Items items={e.totals} testId="public-total-items" />
                </Card>
              ) : null}
            </Stack>
          )}
          <Text size="xs" c="dimmed">
            {t('asOf', { date: formatDateTime(e.asOf, lang, { dateStyle: 'long' }) })}
          </Text>
        </Stack>
      )}
    </QueryView>
  );
}
