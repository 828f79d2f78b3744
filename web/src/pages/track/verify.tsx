import type { LetterVerification as Verification } from '@jaring/documents/documents.schema.ts';
import { Alert, Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ApiError, get, uploadFile } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { formatUnitDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { trackTexts } from '../../i18n/track.ts';
import { VerifyCodeForm } from './verify-form.tsx';

/**
 * The signer as the letter's signature block names them, on one line: who signed, as what (an
 * acting prefix, Plt./Plh.), for whom (a.n.), rank and NIP.
 */
function signerLine(s: Verification['signer']): string {
  const position = `${s.acting ? `${s.acting} ` : ''}${s.position}`;
  return [
    s.name,
    s.onBehalfOf ? `${position} (a.n. ${s.onBehalfOf})` : position,
    s.rank,
    s.nip ? `NIP ${s.nip}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The page a letter's QR code opens: what was issued, and whether a file in hand is that letter. */
export function VerifyPage() {
  const { t, lang } = useTexts(trackTexts);
  const { code } = useParams({ strict: false }) as { code: string };
  const query = useQuery({
    queryKey: ['verify', code],
    queryFn: () => get<Verification>(`/api/public/verify/${code}`),
    retry: false,
  });
  const check = useMutation<Verification, ApiError, File>({
    mutationFn: (file) => uploadFile(`/api/public/verify/${code}`, file),
  });
  // A mistyped code (no such letter, or not a code at all): the field to correct it, filled in.
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Paper withBorder p="lg" maw={480} mx="auto" mt="lg">
        <VerifyCodeForm initial={code}>
          <Alert color="yellow" title={t('verifyNotFound')} data-testid="verify-not-found" role="alert">
            <Text size="sm">{t('verifyNotFoundNote')}</Text>
          </Alert>
        </VerifyCodeForm>
      </Paper>
    );
  }
  return (
    <QueryView query={query}>
      {(v) => {
        // Dated as the paper is: in the issuing unit's zone, not the reader's.
        const when = (iso: string | null) => formatUnitDateTime(iso, lang, v.timeZone);
        return (
          <Stack maw={720}>
            <Title order={1} size="h2">
              {t('verifyTitle')}
            </Title>
            <Alert color="green" title={t('onRecord')}>
              <Stack gap={2}>
                <Text size="sm">
                  {t('number')}: <b data-testid="verify-number">{v.number}</b>
                </Text>
                <Text size="sm" data-testid="verify-date">
                  {t('date')}: {when(v.issuedAt)}
                </Text>
                <Text size="sm">
                  {t('unit')}: {v.unit}
                </Text>
                <Text size="sm">
                  {t('product')}: {v.product}
                </Text>
                <Text size="sm" data-testid="verify-signer">
                  {t('signedBy')}: {signerLine(v.signer)}
                </Text>
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  SHA-256: {v.sha256}
                </Text>
              </Stack>
            </Alert>
            <Group>
              <FileButton
                accept="application/pdf,image/jpeg,image/png"
                onChange={(f) => f && check.mutate(f)}
              >
                {(props) => (
                  <Button {...props} variant="light" loading={check.isPending}>
                    {t('checkFile')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {check.data ? (
              check.data.matches ? (
                <Alert color="green" data-testid="verify-result">
                  <Badge color="green">{t('match')}</Badge>{' '}
                  {check.data.matched === 'signed' ? t('matchSigned') : t('matchIssued')}
                </Alert>
              ) : check.data.matched === 'replaced' ? (
                <Alert color="yellow" data-testid="verify-result">
                  <Badge color="yellow">{t('replaced')}</Badge>{' '}
                  {t('replacedNote', { date: when(check.data.replacedAt ?? null) })}
                </Alert>
              ) : (
                <Alert color="red" data-testid="verify-result">
                  <Badge color="red">{t('noMatch')}</Badge> {t('noMatchNote')}
                </Alert>
              )
            ) : null}
            {check.isError ? <Alert color="red">{check.error.message}</Alert> : null}
          </Stack>
        );
      }}
    </QueryView>
  );
}
