import { Anchor, Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { portalTexts } from '../../i18n/portal.ts';
import type { UnitSummary } from '../../types.ts';

/** The citizen's first page: the offices that publish their services. */
export function PortalPage() {
  const { t } = useTexts(portalTexts);
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
                    <Badge variant="light">{t(`level_${u.level}`)}</Badge>
                    <Anchor component={Link} to={`/layanan/${u.code}`} fw={600} size="lg">
                      {u.name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {u.regionName}
                    </Text>
                    <Text size="sm">
                      {t(u.serviceCount === 1 ? 'serviceCountOne' : 'serviceCount', { n: u.serviceCount })}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryView>
    </Stack>
  );
}
