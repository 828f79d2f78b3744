import { Anchor, Paper, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTexts } from '../../i18n/i18n.tsx';
import { trackTexts } from '../../i18n/track.ts';
import { CodeForm } from './code-form.tsx';

/** A tracking code as typed: trimmed, in capitals (the codes have no small letters). */
export const normaliseTrackingCode = (typed: string) => typed.trim().toUpperCase();

/** The tracking code field; on the tracking page of a wrong code it comes back filled in. */
export function TrackCodeForm({ initial, children }: { initial?: string; children?: ReactNode }) {
  const { t } = useTexts(trackTexts);
  const navigate = useNavigate();
  return (
    <CodeForm
      key={initial}
      label={t('trackCode')}
      submit={t('trackSubmit')}
      placeholder="K7MQ2-XW9PD"
      minLength={5}
      capitals
      normalise={normaliseTrackingCode}
      onCode={(code) => void navigate({ to: `/lacak/${encodeURIComponent(code)}` })}
      {...(initial === undefined ? {} : { initial })}
    >
      {children}
    </CodeForm>
  );
}

/** Where a citizen types the code from their receipt. */
export function TrackFormPage() {
  const { t } = useTexts(trackTexts);
  return (
    <Paper withBorder p="lg" maw={480} mx="auto" mt="lg">
      <TrackCodeForm>
        <Title order={1} size="h3">
          {t('trackTitle')}
        </Title>
      </TrackCodeForm>
      <Anchor component={Link} to="/verifikasi" size="sm" mt="md" display="block">
        {t('verifyLink')}
      </Anchor>
    </Paper>
  );
}
