import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { portalTexts } from '../../i18n/portal.ts';
import type { PublicUnit, ServiceSummary } from '../../types.ts';
import { EmergencyLinks } from './emergency-links.tsx';
import { SurveyScore } from './survey-score.tsx';

/** One office: its address and the services it has published. */
export function UnitPage() {
  const { t, lang } = useTexts(portalTexts);
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
          <EmergencyLinks unit={u.code} />
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
                  <SurveyScore unit={u.code} slug={s.id} />
                </Card>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </QueryView>
  );
}
