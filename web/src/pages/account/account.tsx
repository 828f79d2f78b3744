import type { UnitSecurity } from '@jaring/auth/auth.schema.ts';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type ApiError, get, post, put } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { authTexts } from '../../i18n/auth.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { useSignOut } from '../../sign-out.ts';
import type { SessionUser } from '../../types.ts';
import { TotpSection } from './totp-section.tsx';

function PasswordChange() {
  const { t } = useTexts(authTexts);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const change = useMutation<void, ApiError>({
    mutationFn: () => post('/api/auth/password', { currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  const tooShort = next.length > 0 && next.length < 10;
  const mismatch = repeat.length > 0 && repeat !== next;
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!tooShort && !mismatch) change.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h4">
            {t('changePassword')}
          </Title>
          <PasswordInput
            label={t('currentPassword')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('newPassword')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={tooShort ? t('passwordTooShort') : undefined}
            required
          />
          <PasswordInput
            label={t('repeatPassword')}
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? t('passwordMismatch') : undefined}
            required
          />
          {change.isSuccess ? <Alert color="green">{t('passwordChanged')}</Alert> : null}
          {change.isError ? (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          ) : null}
          <Group>
            <Button
              type="submit"
              loading={change.isPending}
              disabled={!current || !next || tooShort || mismatch || repeat !== next}
            >
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The acting unit's rule that its admins and head of office sign in with an authenticator. */
function UnitSecuritySection({ user }: { user: SessionUser }) {
  const { t } = useTexts(authTexts);
  const client = useQueryClient();
  const security = useQuery({
    queryKey: ['unit-security', user.unit.code],
    queryFn: () => get<UnitSecurity>('/api/units/current/security'),
  });
  const change = useMutation<UnitSecurity, ApiError, boolean>({
    mutationFn: (requireTotp) => put('/api/units/current/security', { requireTotp }),
    onSuccess: (res) => client.setQueryData(['unit-security', user.unit.code], res),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={2} size="h4">
          {t('unitSecurity')} · {user.unit.name}
        </Title>
        <QueryView query={security}>
          {(s) => (
            <Checkbox
              label={t('unitRequireTotp')}
              checked={change.isPending ? change.variables : s.requireTotp}
              disabled={change.isPending}
              onChange={(e) => change.mutate(e.currentTarget.checked)}
              data-testid="unit-require-totp"
            />
          )}
        </QueryView>
        {change.isError ? (
          <Alert color="red" role="alert">
            {change.error.message}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The user's own data as letters print it; read-only (the unit's administrator keeps it). */
function OfficialData({ user }: { user: SessionUser }) {
  const { t } = useTexts(authTexts);
  const rows: Array<[string, string | null]> = [
    [t('nip'), user.nip],
    [t('rank'), user.rank],
    [t('position'), user.position ? `${user.acting ? `${user.acting} ` : ''}${user.position}` : null],
    [t('division'), user.division?.name ?? null],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="official-data-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="official-data-title">
          {t('officialData')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('officialDataHint')}
        </Text>
        <dl data-testid="official-data" style={{ margin: 0 }}>
          {rows.map(([label, value]) => (
            <Group key={label} gap="xs" wrap="nowrap">
              <Text component="dt" size="sm" fw={600} miw={140}>
                {label}
              </Text>
              <Text component="dd" size="sm" m={0} c={value ? undefined : 'dimmed'}>
                {value ?? t('notRecorded')}
              </Text>
            </Group>
          ))}
        </dl>
      </Stack>
    </Paper>
  );
}

function SignOutButton() {
  const { t } = useTexts(authTexts);
  const logout = useSignOut();
  return (
    <Button variant="default" color="red" onClick={() => logout.mutate()} loading={logout.isPending}>
      {t('signOut')}
    </Button>
  );
}

/** Akun Saya: the authenticator app, the password, the sessions link and signing out. */
export function AccountPage() {
  const { t } = useTexts(authTexts);
  return (
    <RequireSession enrolment>
      {(user) => {
        const enrolling = user.totp.required && !user.totp.enabled;
        return (
          <Stack maw={560}>
            <Title order={1} size="h2">
              {t('account')}
            </Title>
            <Text>
              {user.name} ({user.username}) · {user.unit.name}
            </Text>
            <OfficialData user={user} />
            <TotpSection user={user} />
            {enrolling ? null : (
              <>
                <PasswordChange />
                <Anchor component={Link} to="/staf/akun/sesi" data-testid="sessions-link">
                  {t('sessionsTitle')}
                </Anchor>
                {user.permissions.includes('units.manage') ? <UnitSecuritySection user={user} /> : null}
              </>
            )}
            <Group>
              <SignOutButton />
            </Group>
          </Stack>
        );
      }}
    </RequireSession>
  );
}
