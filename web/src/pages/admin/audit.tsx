import type { CheckpointWritten, VerifyResult } from '@jaring/audit/audit.schema.ts';
import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ApiError, get, post } from '../../api.ts';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { adminTexts } from '../../i18n/admin.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { AuditTrail } from './audit-trail.tsx';

/** The unit's audit trail and a check of the whole hash chain. */
export function AuditPage() {
  const { t, lang } = useTexts(adminTexts);
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
          <AuditTrail timeZone={user.unit.timeZone} />
        </Stack>
      )}
    </RequireSession>
  );
}
