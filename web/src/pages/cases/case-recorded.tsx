import { isStaffRole, RoleLabels } from '@jaring/auth/roles.ts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { approverTexts } from '../../i18n/approver.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { type CaseView, unitTime } from './case-view.ts';

/**
 * What earlier steps recorded (the officer's analysis, the trip's regions), by the workflow's
 * labels, grouped by step with who recorded it: what the signer reads before signing.
 */
export function CaseRecorded({ v, timeZone }: { v: CaseView; timeZone: string }) {
  const { t, pick, lang } = useTexts(approverTexts);
  if (v.recorded.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="recorded">
      <Title order={2} size="h4" mb="sm">
        {t('recordedTitle')}
      </Title>
      <Stack gap="md">
        {v.recorded.map((r) => (
          <div key={r.seq} data-testid="recorded-step">
            <Text fw={600} size="sm">
              {r.stepLabel}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('recordedBy', {
                action: r.actionLabel,
                who: `${r.by ?? t('unknownUser')}${isStaffRole(r.role) ? ` (${pick(RoleLabels[r.role])})` : ''}`,
                at: unitTime(r.at, lang, timeZone),
              })}
            </Text>
            {/* Label and value side by side on a PC, one under the other on a phone. */}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
              {r.fields.map((f) => [
                <Text key={`${f.id}-label`} size="sm" fw={500} c="dimmed">
                  {f.label}
                </Text>,
                <Text
                  key={`${f.id}-value`}
                  size="sm"
                  mb={{ base: 6, sm: 0 }}
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {f.value}
                </Text>,
              ])}
            </SimpleGrid>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
