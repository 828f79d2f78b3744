import type { PublicEmergencyList } from '@jaring/logistics/reports.schema.ts';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { emergencyPublicTexts } from '../../i18n/logistics-reports.ts';

/**
 * On an office's public page, the emergencies in force or just ended, each linked to its page of
 * what was sent where. Draws nothing for an office without any (most offices, most of the year).
 */
export function EmergencyLinks({ unit }: { unit: string }) {
  const { t, lang } = useTexts(emergencyPublicTexts);
  const query = useQuery({
    queryKey: ['public-emergencies', unit],
    queryFn: () => get<PublicEmergencyList>(`/api/public/units/${unit}/emergencies`),
  });
  const list = query.data?.emergencies ?? [];
  if (list.length === 0) return null;
  return (
    <Card withBorder padding="md" radius="md" data-testid="emergency-links">
      <Stack gap={6}>
        <Title order={2} size="h3">
          {t('linksTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('linksIntro')}
        </Text>
        {list.map((e) => (
          <Group key={e.id} gap="xs" wrap="wrap">
            <Anchor
              component={Link}
              to={`/layanan/${unit}/tanggap-darurat/${e.id}`}
              fw={600}
              data-testid="emergency-link"
            >
              {e.disaster} · {e.areas.map((a) => a.name).join(', ')}
            </Anchor>
            <Badge color={e.status === 'active' ? 'red' : 'gray'} variant="light">
              {t(`pubStatus_${e.status}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('since', { date: formatDate(e.startsOn, lang) })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
