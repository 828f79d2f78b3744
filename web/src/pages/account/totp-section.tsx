import type { TotpConfirmed, TotpSetup } from '@jaring/auth/auth.schema.ts';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Image,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, del, post } from '../../api.ts';
import { authTexts } from '../../i18n/auth.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { SessionUser } from '../../types.ts';

/** Enrolment (QR, key, confirming code, recovery codes shown once) or, when on, turning it off. */
export function TotpSection({ user }: { user: SessionUser }) {
  const { t } = useTexts(authTexts);
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const setup = useMutation<TotpSetup, ApiError>({ mutationFn: () => post('/api/auth/totp/setup') });
  const confirm = useMutation<TotpConfirmed, ApiError>({
    mutationFn: () => post('/api/auth/totp/confirm', { code }),
    onSuccess: (res) => {
      setCode('');
      setRecoveryCodes(res.recoveryCodes);
      setup.reset();
      client.setQueryData(['me'], res.user);
      void client.invalidateQueries({ queryKey: ['home'] });
    },
  });
  const disable = useMutation<void, ApiError>({
    mutationFn: () => del('/api/auth/totp', { password, code }),
    onSuccess: () => {
      setCode('');
      setPassword('');
      setRecoveryCodes(null);
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const error = setup.error ?? confirm.error ?? disable.error;
  return (
    <Paper withBorder p="md" radius="md" data-testid="totp-section">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('totpTitle')}
          </Title>
          <Badge color={user.totp.enabled ? 'green' : 'gray'} data-testid="totp-status">
            {user.totp.enabled ? t('totpOn') : t('totpOff')}
          </Badge>
        </Group>
        <Text size="sm">{t('totpIntro')}</Text>
        {user.totp.required && !user.totp.enabled ? (
          <Alert color="yellow" role="status" data-testid="totp-required">
            {t('totpRequiredNote')}
          </Alert>
        ) : null}
        {recoveryCodes ? (
          <Alert color="green" title={t('totpRecoveryTitle')} data-testid="recovery-codes">
            <Stack gap="xs">
              <Text size="sm">{t('totpRecoveryNote')}</Text>
              <SimpleGrid cols={2} spacing={4}>
                {recoveryCodes.map((c) => (
                  <Code key={c}>{c}</Code>
                ))}
              </SimpleGrid>
            </Stack>
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert" data-testid="totp-error">
            {error.message}
          </Alert>
        ) : null}
        {!user.totp.enabled && !setup.data ? (
          <Group>
            <Button onClick={() => setup.mutate()} loading={setup.isPending}>
              {t('totpStart')}
            </Button>
          </Group>
        ) : null}
        {!user.totp.enabled && setup.data ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate();
            }}
          >
            <Stack>
              <Text size="sm">{t('totpScan')}</Text>
              <Image src={setup.data.qr} alt={setup.data.uri} w={200} h={200} data-testid="totp-qr" />
              <Text size="sm">
                {t('totpKey')}: <Code data-testid="totp-secret">{setup.data.secret}</Code>
              </Text>
              <TextInput
                label={t('totpCode')}
                autoComplete="one-time-code"
                inputMode="numeric"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                required
                maw={200}
              />
              <Group>
                <Button type="submit" loading={confirm.isPending} disabled={!code.trim()}>
                  {t('totpConfirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {user.totp.enabled ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              disable.mutate();
            }}
          >
            <Stack>
              <PasswordInput
                label={t('currentPassword')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <TextInput
                label={t('totpCode')}
                description={t('totpCodeHint')}
                autoComplete="one-time-code"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                required
                maw={260}
              />
              <Group>
                <Button
                  type="submit"
                  variant="default"
                  color="red"
                  loading={disable.isPending}
                  disabled={!password || !code.trim()}
                >
                  {t('totpDisable')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
