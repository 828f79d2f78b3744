import { Paper, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTexts } from '../../i18n/i18n.tsx';
import { trackTexts } from '../../i18n/track.ts';
import { CodeForm } from './code-form.tsx';

/**
 * A verification code as typed or pasted: the code itself, or the whole address printed under
 * the QR (`https://…/verifikasi/<code>`). Its case is kept: the codes are base64url.
 */
export function normaliseVerificationCode(typed: string): string {
  const path = typed.trim().split(/[?#]/)[0] ?? '';
  return path.split('/').filter(Boolean).pop() ?? '';
}

/** The verification code field; on the page of a wrong code it comes back filled in. */
export function VerifyCodeForm({ initial, children }: { initial?: string; children?: ReactNode }) {
  const { t } = useTexts(trackTexts);
  const navigate = useNavigate();
  return (
    <CodeForm
      key={initial}
      label={t('verifyCode')}
      submit={t('verifySubmit')}
      minLength={8}
      normalise={normaliseVerificationCode}
      onCode={(code) => void navigate({ to: `/verifikasi/${encodeURIComponent(code)}` })}
      {...(initial === undefined ? {} : { initial })}
    >
      {children}
    </CodeForm>
  );
}

/** Where a letter is checked when its QR code will not scan: the code is typed instead. */
export function VerifyFormPage() {
  const { t } = useTexts(trackTexts);
  return (
    <Paper withBorder p="lg" maw={480} mx="auto" mt="lg">
      <VerifyCodeForm>
        <Title order={1} size="h3">
          {t('verifyFormTitle')}
        </Title>
      </VerifyCodeForm>
    </Paper>
  );
}
