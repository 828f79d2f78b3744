import { Alert, List } from '@mantine/core';
import { rupiah } from '../../format.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { type ClaimsPreview, unitTime } from './case-view.ts';

/** Earlier payouts to the same person in any office, shown before paying again. */
export function ClaimsAlert({ preview }: { preview: ClaimsPreview }) {
  const { t, lang } = useTexts(casesTexts);
  if (!preview.nik) {
    return (
      <Alert color="orange" data-testid="claims-check">
        {t('noNik')}
      </Alert>
    );
  }
  return preview.claims.length === 0 ? (
    <Alert color="green" data-testid="claims-check">
      {t('noEarlierClaim', { nik: preview.nik })}
    </Alert>
  ) : (
    <Alert color="red" data-testid="claims-check" title={t('repeatClaim')}>
      <List size="sm">
        {preview.claims.map((c) => (
          <List.Item key={`${c.unit}-${c.paidAt}`}>
            {unitTime(c.paidAt, lang)} · {c.unit} · {rupiah(c.amount)} · {c.originName} → {c.destinationName}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
