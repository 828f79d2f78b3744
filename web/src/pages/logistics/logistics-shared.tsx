import type { EmergencyList } from '@jaring/logistics/emergencies.schema.ts';
import { Badge, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { SubNav } from '../../components/sub-nav.tsx';
import { useTexts } from '../../i18n/i18n.tsx';
import { logisticsReportsTexts } from '../../i18n/logistics-reports.ts';

const pages = [
  ['nav_distributions', '/staf/logistik/penyaluran'],
  ['nav_requests', '/staf/logistik/permohonan'],
  ['nav_emergencies', '/staf/tanggap-darurat'],
] as const;

/** The logistics reports' pages, one line of links above each of them. */
export function LogisticsNav() {
  const { t } = useTexts(logisticsReportsTexts);
  return <SubNav links={pages.map(([key, to]) => [t(key), to] as const)} testId="logistics-nav" />;
}

export const emergencyColor = { upcoming: 'blue', active: 'red', expired: 'gray', ended: 'gray' } as const;

/** An emergency's status as a badge: in force (red), not started, expired or ended. */
export function EmergencyBadge({ status }: { status: keyof typeof emergencyColor }) {
  const { t } = useTexts(logisticsReportsTexts);
  return (
    <Badge color={emergencyColor[status]} variant="light" data-testid="emergency-status">
      {t(`emStatus_${status}`)}
    </Badge>
  );
}

/** Picks one of the unit's emergencies, or all of them (the empty choice). */
export function EmergencySelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTexts(logisticsReportsTexts);
  const list = useQuery({ queryKey: ['emergencies'], queryFn: () => get<EmergencyList>('/api/emergencies') });
  const options = (list.data?.emergencies ?? []).map((e) => ({
    value: String(e.id),
    label: `${e.disaster} · ${e.areas.map((a) => a.name).join(', ')}`,
  }));
  return (
    <Select
      label={t('emergency')}
      data={[{ value: '', label: t('allEmergencies') }, ...options]}
      value={value}
      onChange={(v) => onChange(v ?? '')}
      allowDeselect={false}
      w={{ base: '100%', sm: 420 }}
      data-testid="emergency-select"
    />
  );
}
