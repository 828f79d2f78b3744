import type { PublicTracking as Tracking } from '@jaring/cases/cases.schema.ts';
import { Alert, List, Stack, Text } from '@mantine/core';
import { useTexts } from '../../i18n/i18n.tsx';
import { trackTexts } from '../../i18n/track.ts';
import { officeHoursLines, zoneName } from './office-hours.ts';

type Step = Tracking['steps'][number];

/** What a step means for the applicant, by who works it; the office's own step names stay inside. */
export function citizenStepKey(steps: readonly Step[], index: number) {
  const step = steps[index];
  if (index === 0) return 'stepIntake';
  if (step?.role === 'kepala_bidang' || step?.role === 'kepala_dinas') return 'stepApproval';
  if (step?.role === 'front_office') return index === steps.length - 1 ? 'stepHandover' : 'stepIntake';
  if (step?.role === 'fungsional' || step?.role === 'verifikator') return 'stepReview';
  return 'stepOffice';
}

/** Where and when to come: the office's name, address, phone and weekly hours. */
function Office({ r }: { r: Tracking }) {
  const { t, lang } = useTexts(trackTexts);
  const hours = officeHoursLines(r.office.officeHours, lang, zoneName(r.timeZone));
  return (
    <Stack gap={2} data-testid="track-office">
      <Text size="sm" fw={600}>
        {r.office.name}
      </Text>
      {r.office.address ? <Text size="sm">{r.office.address}</Text> : null}
      {r.office.phone ? (
        <Text size="sm">
          {t('phone')}: <a href={`tel:${r.office.phone.replace(/[^\d+]/g, '')}`}>{r.office.phone}</a>
        </Text>
      ) : null}
      {hours.length ? (
        <>
          <Text size="sm" fw={600} mt={4}>
            {t('officeHours')}
          </Text>
          <List size="sm" spacing={0}>
            {hours.map((h) => (
              <List.Item key={h}>{h}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('officeClosed')}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

/** The request's state in the applicant's terms: what they should do or can expect next. */
export function CitizenStatus({ r, due }: { r: Tracking; due: string }) {
  const { t } = useTexts(trackTexts);
  const current = r.steps.find((s) => s.state === 'current');
  const box = (color: string, title: string, lines: string[], office: boolean) => (
    <Alert color={color} title={title} data-testid="track-message">
      <Stack gap="xs">
        {lines.map((l) => (
          <Text key={l} size="sm">
            {l}
          </Text>
        ))}
        {office ? <Office r={r} /> : null}
      </Stack>
    </Alert>
  );
  switch (r.status) {
    case 'returned':
      return box(
        'yellow',
        t('returnedTitle'),
        [...(r.reason ? [t('returnedAsk', { reason: r.reason })] : []), t('returnedNote')],
        true,
      );
    case 'rejected':
      return box(
        'red',
        t('rejectedTitle'),
        [...(r.reason ? [t('rejectedReason', { reason: r.reason })] : []), t('rejectedNote')],
        true,
      );
    case 'withdrawn':
      return box(
        'gray',
        t('withdrawnTitle'),
        [...(r.reason ? [t('rejectedReason', { reason: r.reason })] : []), t('withdrawnNote')],
        true,
      );
    case 'done':
      return box('green', t('doneTitle'), [r.letterIssued ? t('doneLetter') : t('doneService')], true);
    default:
      // A signed letter at a counter step: it waits for the applicant to fetch it.
      if (r.letterIssued && current?.role === 'front_office') {
        return box('green', t('readyTitle'), [t('readyNote')], true);
      }
      return box('blue', t('openReview'), [t('openReviewNote'), t('openDue', { due })], false);
  }
}
