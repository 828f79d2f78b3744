import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { type ApiError, post } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { SessionUser } from '../types.ts';

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation<{ user: SessionUser }, ApiError>({
    mutationFn: () => post('/api/auth/login', { username, password }),
    onSuccess: ({ user }) => {
      client.setQueryData(['me'], user);
      void client.invalidateQueries({ queryKey: ['home'] });
      void navigate({ to: '/staf' });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <Paper withBorder maw={420} mx="auto" mt="xl" p="xl" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('signInTitle')}
          </Title>
          {login.isError ? (
            <Alert color="red" role="alert" data-testid="login-error">
              {login.error.message}
            </Alert>
          ) : null}
          <TextInput
            label={t('username')}
            name="username"
            autoComplete="username"
            required
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending} disabled={!username || !password}>
            {t('submitSignIn')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
