import type { RevokedCount, SessionList } from '@jaring/auth/auth.schema.ts';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ApiError, del, get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { authTexts } from '../../i18n/auth.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { SessionInfo } from '../../types.ts';

/** One's own active sessions, with sign-out of one or of all the others. */
export function SessionsPage() {
  const { t, lang } = useTexts(authTexts);
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => get<SessionList>('/api/auth/sessions'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['sessions'] });
  const revoke = useMutation<void, ApiError, SessionInfo>({
    mutationFn: (s) => del(`/api/auth/sessions/${encodeURIComponent(s.id)}`),
    onSuccess: () => void refresh(),
  });
  const others = useMutation<RevokedCount, ApiError>({
    mutationFn: () => del('/api/auth/sessions'),
    onSuccess: () => void refresh(),
  });
  const when = (iso: string) => formatDateTime(iso, lang);
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
                              // The user agent takes the room it can; the badge keeps its whole label.
                              <Badge color="teal" miw="max-content">
                                {t('sessionCurrent')}
                              </Badge>
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
