import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Image,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type ApiError, del, get, post, put } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { SessionInfo, SessionUser } from '../types.ts';
import { QueryView } from '../ui.tsx';
import { RequireSession } from './staff.tsx';

function PasswordChange() {
  const { t } = useI18n();
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

interface TotpSetup {
  secret: string;
  uri: string;
  qr: string;
}

/** Enrolment (QR, key, confirming code, recovery codes shown once) or, when on, turning it off. */
function TotpSection({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const setup = useMutation<TotpSetup, ApiError>({ mutationFn: () => post('/api/auth/totp/setup') });
  const confirm = useMutation<{ recoveryCodes: string[]; user: SessionUser }, ApiError>({
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

/** The acting unit's rule that its admins and head of office sign in with an authenticator. */
function UnitSecuritySection({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const security = useQuery({
    queryKey: ['unit-security', user.unit.code],
    queryFn: () => get<{ requireTotp: boolean }>('/api/units/current/security'),
  });
  const change = useMutation<{ requireTotp: boolean }, ApiError, boolean>({
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

function SignOutButton() {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => post('/api/auth/logout'),
    onSettled: () => {
      client.setQueryData(['me'], null);
      client.removeQueries({ queryKey: ['home'] });
      void navigate({ to: '/masuk' });
    },
  });
  return (
    <Button variant="default" color="red" onClick={() => logout.mutate()} loading={logout.isPending}>
      {t('signOut')}
    </Button>
  );
}

export function AccountPage() {
  const { t } = useI18n();
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

/** One's own active sessions, with sign-out of one or of all the others. */
export function SessionsPage() {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => get<{ sessions: SessionInfo[] }>('/api/auth/sessions'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['sessions'] });
  const revoke = useMutation<void, ApiError, SessionInfo>({
    mutationFn: (s) => del(`/api/auth/sessions/${encodeURIComponent(s.id)}`),
    onSuccess: () => void refresh(),
  });
  const others = useMutation<{ revoked: number }, ApiError>({
    mutationFn: () => del('/api/auth/sessions'),
    onSuccess: () => void refresh(),
  });
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  return (
    <RequireSession>
      {() => (
        <Stack>
          <Title order={1} size="h2">
            {t('sessionsTitle')}
          </Title>
          <Text size="sm">{t('sessionsIntro')}</Text>
          {revoke.isError || others.isError ? (
            <Alert color="red" role="alert">
              {(revoke.error ?? others.error)?.message}
            </Alert>
          ) : null}
          {others.isSuccess ? (
            <Alert color="green" role="status" data-testid="sessions-others-done">
              {others.data.revoked} {t('sessionsOthersDone')}
            </Alert>
          ) : null}
          <QueryView query={sessions}>
            {({ sessions: list }) => (
              <Table.ScrollContainer minWidth={640}>
                <Table striped data-testid="sessions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('sessionCreated')}</Table.Th>
                      <Table.Th>{t('sessionLastSeen')}</Table.Th>
                      <Table.Th>{t('sessionAddress')}</Table.Th>
                      <Table.Th>{t('sessionAgent')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((s) => (
                      <Table.Tr key={s.id} data-testid={`session-${s.id}`} data-current={s.current}>
                        <Table.Td>{when(s.createdAt)}</Table.Td>
                        <Table.Td>{when(s.lastSeenAt)}</Table.Td>
                        <Table.Td>{s.ip ?? '—'}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2} title={s.userAgent ?? undefined}>
                            {s.userAgent ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            {s.current ? (
                              <Badge color="teal">{t('sessionCurrent')}</Badge>
                            ) : (
                              <Button
                                size="xs"
                                variant="light"
                                color="red"
                                loading={revoke.isPending && revoke.variables?.id === s.id}
                                onClick={() => revoke.mutate(s)}
                              >
                                {t('sessionSignOut')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
          <Group>
            <Button
              variant="default"
              color="red"
              onClick={() => others.mutate()}
              loading={others.isPending}
              disabled={(sessions.data?.sessions.length ?? 0) < 2}
            >
              {t('sessionSignOutOthers')}
            </Button>
            <Anchor component={Link} to="/staf/akun">
              {t('account')}
            </Anchor>
          </Group>
        </Stack>
      )}
    </RequireSession>
  );
}
