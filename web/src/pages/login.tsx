import '../styles/all.ts';
import type { SessionAnswer } from '@jaring/auth/auth.schema.ts';
import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, post } from '../api.ts';
import { authTexts } from '../i18n/auth.ts';
import { useTexts } from '../i18n/i18n.tsx';
import { safeReturnPath } from '../return-to.ts';

/**
 * Sign-in. An account with an authenticator app is answered `auth.totp_required`: the page then
 * asks for the code and sends the user name, password and code together. A user sent here from a
 * staff page (`?next=`) goes back to it once signed in.
 */
export function LoginPage() {
  const { t } = useTexts(authTexts);
  const navigate = useNavigate();
  const { next } = useSearch({ from: '/masuk' });
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const login = useMutation<SessionAnswer, ApiError>({
    mutationFn: () => post('/api/auth/login', { username, password, ...(askCode ? { totp: code } : {}) }),
    onSuccess: ({ user }) => {
      client.setQueryData(['me'], user);
      void client.invalidateQueries({ queryKey: ['home'] });
      const mustEnrol = user.totp.required && !user.totp.enabled;
      const back = safeReturnPath(next, window.location.origin);
      if (mustEnrol) void navigate({ to: '/staf/akun' });
      else if (back) void navigate({ href: back });
      else void navigate({ to: '/staf' });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'auth.totp_required') setAskCode(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  // Asking for the code is a step, not a failure: its message is the field's hint.
  const shownError = login.isError && login.error.code !== 'auth.totp_required' ? login.error : null;
  return (
    <Paper withBorder maw={420} mx="auto" mt="xl" p="xl" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('signInTitle')}
          </Title>
          {shownError ? (
            <Alert color="red" role="alert" data-testid="login-error">
              {shownError.message}
            </Alert>
          ) : null}
          <TextInput
            label={t('username')}
            name="username"
            autoComplete="username"
            required
            autoFocus
            value={username}
            onChange={(e) => {
              setUsername(e.currentTarget.value);
              setAskCode(false);
            }}
          />
          <PasswordInput
            label={t('password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {askCode ? (
            <TextInput
              label={t('totpCode')}
              description={t('totpCodeHint')}
              name="totp"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              autoFocus
              data-testid="login-totp"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
          ) : null}
          <Button
            type="submit"
            loading={login.isPending}
            disabled={!username || !password || (askCode && !code.trim())}
          >
            {t('submitSignIn')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
