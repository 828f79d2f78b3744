import type { SubmittedLetter } from '@jaring/cases/submitted.schema.ts';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { submissionTexts } from '../../i18n/submissions.ts';

/** The papers the province issued for a submission (surat jalan, BAST): as issued, signed, verifiable. */
export function SubmittedLetters({ caseId, letters }: { caseId: number; letters: SubmittedLetter[] }) {
  const { t, lang } = useTexts(submissionTexts);
  return (
    <Stack gap={6} data-testid="submission-letters">
      {letters.map((l) => (
        <Stack key={l.id} gap={0} data-testid="submission-letter">
          <Text size="sm">
            {l.title} · <b>{l.number}</b>
          </Text>
          <Group gap="sm" wrap="wrap">
            <Text size="xs" c="dimmed">
              {formatDate(l.issuedAt, lang)}
            </Text>
            <Anchor
              size="xs"
              href={`/api/submissions/${caseId}/letters/${l.id}/pdf`}
              target="_blank"
              data-testid="submission-letter-pdf"
            >
              PDF
            </Anchor>
            {l.signed ? (
              <Anchor
                size="xs"
                href={`/api/submissions/${caseId}/letters/${l.id}/signed`}
                target="_blank"
                data-testid="submission-letter-signed"
              >
                {t('signedScan')}
              </Anchor>
            ) : null}
            <Anchor size="xs" component={Link} to={`/verifikasi/${l.verificationCode}`}>
              {t('verify')}
            </Anchor>
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
