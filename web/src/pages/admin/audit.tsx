import type { AuditList, CheckpointWritten, VerifyResult } from '@jaring/audit/audit.schema.ts';
import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { adminTexts } from '../../i18n/admin.ts';
import { useTexts } from '../../i18n/i18n.tsx';

/** The unit's audit trail and a check of the whole hash chain. */
export function AuditPage() {
  const { t, lang } = useTexts(adminTexts);
  const entries = useQuery({
    queryKey: ['audit'],
    queryFn: () => get<AuditList>('/api/audit?limit=200'),
  });
  const verify = useMutation<VerifyResult, ApiError>({ mutationFn: () => get('/api/audit/verify') });
  const checkpoint = useMutation<CheckpointWritten, ApiError>({
    mutationFn: () => post('/api/audit/checkpoints'),
  });
  const latest = verify.data?.checkpoint.latest;
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('auditTitle')} · {user.unit.name}
          </Title>
          {user.permissions.includes('audit.verify') ? (
            <Group>
              <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
                {t('verifyChain')}
              </Button>
              <Button
                variant="light"
                onClick={() => checkpoint.mutate()}
                loading={checkpoint.isPending}
                data-testid="audit-checkpoint"
              >
                {t('checkpoint')}
              </Button>
            </Group>
          ) : null}
          {verify.data ? (
            <Alert color={verify.data.ok ? 'green' : 'red'} role="status" data-testid="audit-result">
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {verify.data.ok
                    ? t('chainIntact', {
                        checked: verify.data.checked,
                        head: verify.data.lastHash.slice(0, 16),
                      })
                    : t('chainBroken', {
                        problems: verify.data.problems.length + verify.data.problemsOmitted,
                        checked: verify.data.checked,
                      })}
                </Text>
                {verify.data.problems.length > 0 ? (
                  <List size="sm" data-testid="audit-problems">
                    {verify.data.problems.map((p) => (
                      <List.Item key={`${p.kind}-${p.fromSeq}-${p.message}`}>
                        <Badge size="xs" color="red" mr="xs">
                          {t(`problem_${p.kind}`)}
                        </Badge>
                        {p.message}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
                {verify.data.problemsOmitted > 0 ? (
                  <Text size="sm">{t('problemsOmitted', { count: verify.data.problemsOmitted })}</Text>
                ) : null}
                <Text size="sm" data-testid="audit-checkpoint-state">
                  {latest
                    ? t(latest.holds ? 'checkpointHolds' : 'checkpointBroken', {
                        seq: latest.seq,
                        at: formatDateTime(latest.at, lang),
                      })
                    : t('noCheckpoint')}
                </Text>
              </Stack>
            </Alert>
          ) : null}
          {verify.isError ? <Alert color="red">{verify.error.message}</Alert> : null}
          {checkpoint.data?.checkpoint ? (
            <Paper withBorder p="md" data-testid="audit-checkpoint-text">
              <Code block>{checkpoint.data.checkpoint.text}</Code>
              <Group mt="sm">
                <Button size="xs" variant="light" onClick={() => window.print()}>
                  {t('print')}
                </Button>
              </Group>
            </Paper>
          ) : null}
          {checkpoint.isError ? <Alert color="red">{checkpoint.error.message}</Alert> : null}
          <QueryView query={entries}>
            {({ entries: list }) => (
              <Table.ScrollContainer minWidth={640}>
                <Table striped fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>{t('time')}</Table.Th>
                      <Table.Th>{t('user')}</Table.Th>
                      <Table.Th>{t('action')}</Table.Th>
                      <Table.Th>{t('object')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((e) => (
                      <Table.Tr key={e.seq}>
                        <Table.Td>{e.seq}</Table.Td>
                        <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                        <Table.Td>
                          {e.actorUsername ?? '—'}{' '}
                          {e.actorRole ? <Badge size="xs">{e.actorRole}</Badge> : null}
                        </Table.Td>
                        <Table.Td>
                          <code>{e.action}</code>
                        </Table.Td>
                        <Table.Td>
                          {e.entity}
                          {e.entityId ? ` ${e.entityId}` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
