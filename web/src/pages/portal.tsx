import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { get } from '../api.ts';
import { type Key, useI18n } from '../i18n.tsx';
import type { PublicUnit, ServiceSummary, UnitSummary } from '../types.ts';
import { formatDate, QueryView } from '../ui.tsx';

export function PortalPage() {
  const { t, pick } = useI18n();
  const query = useQuery({
    queryKey: ['units'],
    queryFn: () => get<{ units: UnitSummary[] }>('/api/public/units'),
  });
  return (
    <Stack>
      <Title order={1}>{t('portalTitle')}</Title>
      <Text c="dimmed" maw={760}>
        {t('portalIntro')}
      </Text>
      <QueryView query={query}>
        {({ units }) =>
          units.length === 0 ? (
            <Text>{t('noUnits')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {units.map((u) => (
                <Card key={u.code} withBorder padding="lg" radius="md" data-testid={`unit-${u.code}`}>
                  <Stack gap={6}>
                    <Badge variant="light">{t(`level_${u.level}` as Key)}</Badge>
                    <Anchor component={Link} to={`/layanan/${u.code}`} fw={600} size="lg">
                      {u.name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {u.regionName} · {u.regionCode}
                    </Text>
                    <Text size="sm">
                      {u.serviceCount} {t('services')}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryView>
      <Text size="sm" c="dimmed">
        <Anchor href="/api/public/sippn" size="sm">
          {pick({
            id: 'Ekspor semua standar untuk SIPPN (JSON)',
            en: 'Export all standards for SIPPN (JSON)',
          })}
        </Anchor>
      </Text>
    </Stack>
  );
}

export function UnitPage() {
  const { t, lang } = useI18n();
  const { unit } = useParams({ strict: false }) as { unit: string };
  const query = useQuery({
    queryKey: ['unit', unit],
    queryFn: () => get<{ unit: PublicUnit; services: ServiceSummary[] }>(`/api/public/units/${unit}`),
  });
  return (
    <QueryView query={query}>
      {({ unit: u, services }) => (
        <Stack>
          <Anchor component={Link} to="/" size="sm">
            ← {t('back')}
          </Anchor>
          <Title order={1}>{u.name}</Title>
          <Text c="dimmed">
            {[u.regionName, u.address, u.phone, u.email, u.website].filter(Boolean).join(' · ')}
          </Text>
          <Title order={2} size="h3">
            {t('servicesOf')}
          </Title>
          {services.length === 0 ? (
            <Text>{t('noServices')}</Text>
          ) : (
            <Stack>
              {services.map((s) => (
                <Card key={s.id} withBorder padding="md" radius="md" data-testid={`service-${s.id}`}>
                  <Anchor component={Link} to={`/layanan/${u.code}/${s.id}`} fw={600} size="lg">
                    {s.name}
                  </Anchor>
                  <Group gap="lg" mt={6}>
                    <Text size="sm">
                      {t('division')}: {s.division.name}
                    </Text>
                    <Text size="sm">
                      {t('timeLimit')}: {s.timeLimit.text}
                    </Text>
                    <Text size="sm">
                      {t('documentNumber')}: {s.documentNumber}
                    </Text>
                    {s.effectiveDate ? (
                      <Text size="sm">
                        {t('effectiveDate')}: {formatDate(s.effectiveDate, lang)}
                      </Text>
                    ) : null}
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </QueryView>
  );
}
