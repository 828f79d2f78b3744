import type { CaseOrigin } from '@jaring/cases/cases.schema.ts';
import { Text } from '@mantine/core';
import { useTexts } from '../i18n/i18n.tsx';
import { submissionTexts } from '../i18n/submissions.ts';

/**
 * Where a case came from, at an office that receives cases from the offices below it: the
 * submitting office ("Diajukan oleh: Dinas Sosial Kabupaten Lebak") or the desk, on paper.
 */
export function CaseOriginLine({ origin, size = 'sm' }: { origin: CaseOrigin; size?: 'xs' | 'sm' }) {
  const { t } = useTexts(submissionTexts);
  if (!origin) return null;
  return (
    <Text size={size} c={origin.kind === 'office' ? 'blue.8' : 'dimmed'} data-testid="case-origin">
      {origin.kind === 'office' ? t('originOffice', { office: origin.unitName }) : t('originDesk')}
    </Text>
  );
}
