import { isStaffRole, RoleLabels } from '@jaring/auth/roles.ts';
import type { SubmittedDetail } from '@jaring/cases/submitted.schema.ts';
import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ApiError, get, uploadFile } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { submissionTexts } from '../../i18n/submissions.ts';
import { SubmittedLetters } from './letters.tsx';
import { AgeText } from './list.tsx';

/** One submission as the regency office follows it: read-only, but for papers it may still send. */
export function SubmissionPage() {
  const { t, pick, lang } = useTexts(submissionTexts);
  const { id } = useParams({ strict: false }) as { id: string };
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['submission', id],
    queryFn: () => get<SubmittedDetail>(`/api/submissions/${id}`),
  });
  const send = useMutation<unknown, ApiError, { requirementId: string; file: File }>({
    mutationFn: ({ requirementId, file }) =>
      uploadFile(`/api/submissions/${id}/documents/${requirementId}`, file),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['submission', id] });
      void client.invalidateQueries({ queryKey: ['submissions'] });
    },
  });
  return (
    <RequireSession>
      {(user) => (
        <QueryView query={query} skeleton="detail">
          {(v) => {
            const current = v.steps.findIndex((s) => s.state === 'current');
            const role = v.stepRole && isStaffRole(v.stepRole) ? pick(RoleLabels[v.stepRole]) : null;
            const at = (iso: string) =>
              formatDateTime(iso, lang, { dateStyle: 'medium', timeZone: user.unit.timeZone });
            return (
              <Stack maw={960}>
                <Anchor component={Link} to="/staf/pengajuan" size="sm">
                  ← {t('backToList')}
                </Anchor>
                <div>
                  <Text c="dimmed" size="sm">
                    {t('sentTo', { office: v.case.office, service: v.case.service })}
                  </Text>
                  <Title order={1} size="h2">
                    {v.case.applicantName}
                  </Title>
                  <Group gap="xs">
                    <Text ff="monospace" data-testid="submission-code">
                      {v.case.trackingCode}
                    </Text>
                    <StatusBadge status={v.case.status} />
                  </Group>
                </div>
                <Alert color="gray" variant="light">
                  {t('readOnly')}
                </Alert>
                <Paper withBorder p="md">
                  <Stack gap={4}>
                    <Text size="sm" data-testid="submission-step">
                      {t('currentStep')}: <b>{v.case.step ?? t('finished')}</b>
                      {role ? ` · ${t('handledBy', { role })}` : ''}
                    </Text>
                    {v.intake.map((f) => (
                      <Text key={f.label} size="sm">
                        {f.label}:{' '}
                        <b>{typeof f.value === 'boolean' ? t(f.value ? 'yes' : 'no') : String(f.value)}</b>
                      </Text>
                    ))}
                    <AgeText item={v.case} />
                  </Stack>
                </Paper>
                {v.reason ? (
                  <Alert color="yellow" data-testid="submission-reason">
                    {v.reason}
                  </Alert>
                ) : null}
                <Paper withBorder p="md">
                  <Title order={2} size="h4" mb="sm">
                    {t('steps')}
                  </Title>
                  <Stepper
                    active={current === -1 ? v.steps.length : current}
                    orientation="vertical"
                    size="sm"
                    data-testid="submission-steps"
                  >
                    {v.steps.map((s) => (
                      <Stepper.Step key={s.label} label={s.label} />
                    ))}
                  </Stepper>
                </Paper>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Paper withBorder p="md">
                    <Title order={2} size="h4" mb="xs">
                      {t('lettersFromProvince')}
                    </Title>
                    {v.case.letters.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('noLetters')}
                      </Text>
                    ) : (
                      <SubmittedLetters caseId={v.case.id} letters={v.case.letters} />
                    )}
                  </Paper>
                  <Paper withBorder p="md">
                    <Title order={2} size="h4" mb="xs">
                      {t('papersSent')}
                    </Title>
                    <Stack gap={4} data-testid="submission-papers">
                      {v.papers.map((p) => (
                        <Text key={p.id} size="sm">
                          {p.requirement}: {p.fileName}{' '}
                          <Text span size="xs" c="dimmed">
                            ({p.bySubmitter ? t('bySubmitter') : t('byProvince')}, {at(p.uploadedAt)})
                          </Text>
                        </Text>
                      ))}
                    </Stack>
                    {v.missing.length > 0 ? (
                      <Alert
                        color="orange"
                        title={t('papersMissing')}
                        mt="sm"
                        data-testid="submission-missing"
                      >
                        <Stack gap={6}>
                          {v.missing.map((m) => (
                            <Group key={m.id} justify="space-between" wrap="wrap" gap="xs">
                              <Text size="sm">{m.text}</Text>
                              <FileButton
                                accept="application/pdf,image/jpeg,image/png"
                                onChange={(file) => file && send.mutate({ requirementId: m.id, file })}
                              >
                                {(props) => (
                                  <Button size="xs" variant="light" {...props} data-testid={`send-${m.id}`}>
                                    {t('sendPaper')}
                                  </Button>
                                )}
                              </FileButton>
                            </Group>
                          ))}
                        </Stack>
                      </Alert>
                    ) : null}
                    {send.isError ? (
                      <Alert color="red" mt="sm">
                        {send.error.message}
                      </Alert>
                    ) : null}
                  </Paper>
                </SimpleGrid>
                {v.note ? (
                  <Paper withBorder p="md">
                    <Title order={2} size="h4" mb="xs">
                      {t('yourNote')}
                    </Title>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="submission-note">
                      {v.note}
                    </Text>
                  </Paper>
                ) : null}
                <Paper withBorder p="md">
                  <Title order={2} size="h4" mb="sm">
                    {t('history')}
                  </Title>
                  <Timeline bulletSize={12} lineWidth={2} active={v.history.length}>
                    {v.history.map((h) => (
                      <Timeline.Item
                        key={`${h.at}-${h.action ?? h.builtIn}`}
                        title={h.builtIn ? t(`builtIn_${h.builtIn}`) : (h.action ?? '—')}
                      >
                        <Text size="xs" c="dimmed">
                          {at(h.at)}
                          {h.step ? ` · ${h.step}` : ''}
                        </Text>
                      </Timeline.Item>
                    ))}
                  </Timeline>
                </Paper>
              </Stack>
            );
          }}
        </QueryView>
      )}
    </RequireSession>
  );
}
