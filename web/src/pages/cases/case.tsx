import { isProcedureActor, isStaffRole, RoleLabels } from '@jaring/auth/roles.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type ApiError, get, post, uploadFile } from '../../api.ts';
import { CaseOriginLine } from '../../components/case-origin.tsx';
import { DeadlineBadge } from '../../components/deadline-badge.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { RevealableNumber } from '../../components/reveal.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { rupiah } from '../../format.ts';
import { approverTexts } from '../../i18n/approver.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseDispositions } from './case-dispositions.tsx';
import { CaseDocuments } from './case-documents.tsx';
import { CaseIntake } from './case-intake.tsx';
import { CaseRecorded } from './case-recorded.tsx';
import { type CaseView, unitTime } from './case-view.ts';

const builtInActions = new Set(['open', 'claim', 'resume'] as const);
const isBuiltIn = (action: string): action is 'open' | 'claim' | 'resume' =>
  builtInActions.has(action as 'open');

/** One request: what it is, where it stands, what to do next, its documents, letters and history. */
export function CasePage() {
  const { t, pick, lang } = useTexts(casesTexts);
  const approver = useTexts(approverTexts).t;
  const { id } = useParams({ strict: false }) as { id: string };
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['case', id], queryFn: () => get<CaseView>(`/api/cases/${id}`) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['case', id] });
    void client.invalidateQueries({ queryKey: ['queue'] });
  };
  const upload = useMutation<unknown, ApiError, { requirementId: string; file: File }>({
    mutationFn: ({ requirementId, file }) => uploadFile(`/api/cases/${id}/documents/${requirementId}`, file),
    onSuccess: refresh,
  });
  // The signed (scanned) letter uploaded back, e.g. the BAST signed by both parties.
  const signedUpload = useMutation<unknown, ApiError, { letterId: number; file: File }>({
    mutationFn: ({ letterId, file }) => uploadFile(`/api/cases/${id}/letters/${letterId}/signed`, file),
    onSuccess: refresh,
  });
  const actionLabel = (v: CaseView, a: { step: string | null; action: string }) =>
    isBuiltIn(a.action)
      ? t(`action_${a.action}`)
      : ((a.step ? v.labels[a.step]?.actions[a.action] : undefined) ?? a.action);
  return (
    <RequireSession>
      {(user) => (
        <QueryView query={query}>
          {(v) => (
            <Stack>
              <Anchor component={Link} to="/staf/permohonan" size="sm" className="no-print">
                ← {t('queue')}
              </Anchor>
              <Group justify="space-between" align="start">
                <div>
                  <Text c="dimmed" size="sm">
                    {v.standard.name}
                    {v.case.product
                      ? ` · ${v.standard.products.find((p) => p.id === v.case.product)?.name ?? ''}`
                      : ''}
                  </Text>
                  <Title order={1} size="h2">
                    {v.case.applicant.name}
                  </Title>
                  <CaseOriginLine origin={v.origin} />
                  {v.case.applicant.nik ? (
                    <Group gap={6}>
                      <Text size="sm">NIK</Text>
                      <RevealableNumber
                        masked={v.case.applicant.nik}
                        canReveal={v.mayRevealNik}
                        testId="applicant-nik"
                        title={t('showNik')}
                        reveal={(reason) => post(`/api/cases/${v.case.id}/reveal`, { reason })}
                      />
                    </Group>
                  ) : null}
                  <Group gap="xs">
                    <Text ff="monospace" data-testid="tracking-code">
                      {v.case.trackingCode}
                    </Text>
                    <StatusBadge status={v.state.status} />
                    {v.case.flags.map((f) => (
                      <Badge key={f} color="orange" variant="light" tt="none">
                        {f === 'nik-perlu-dicek' || f === 'tanpa-ktp' ? t(`flag.${f}`) : f}
                      </Badge>
                    ))}
                  </Group>
                </div>
                <Button
                  variant="default"
                  component="a"
                  href={`/api/cases/${v.case.id}/receipt?lang=${lang}`}
                  target="_blank"
                  rel="noopener"
                  data-testid="receipt-pdf"
                >
                  {t('printReceipt')}
                </Button>
              </Group>
              <Paper withBorder p="md">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Text size="sm">
                    {/* A closed case waits at no step: it says how it ended instead. */}
                    {v.state.status === 'done' ||
                    v.state.status === 'rejected' ||
                    v.state.status === 'withdrawn' ? (
                      <>
                        {t('step')}: <b data-testid="case-step">{t(`closedAs_${v.state.status}`)}</b>
                      </>
                    ) : (
                      <>
                        {t('step')}: <b data-testid="case-step">{v.step?.label ?? '—'}</b>
                        {v.step && isStaffRole(v.step.role) ? ` (${pick(RoleLabels[v.step.role])})` : ''}
                      </>
                    )}
                  </Text>
                  <Text size="sm">
                    {t('received')}: <b>{unitTime(v.case.openedAt, lang, user.unit.timeZone)}</b>
                  </Text>
                  <Text size="sm">
                    {t('due')}:{' '}
                    <b data-testid="due-at">
                      {v.clock.paused && !v.case.dueAt
                        ? t('waitingNoDue')
                        : unitTime(v.case.dueAt, lang, user.unit.timeZone)}
                    </b>
                  </Text>
                </SimpleGrid>
                {v.deadlines.map((d) => (
                  <Group key={d.step} gap="xs" mt="xs" data-testid="step-deadline">
                    <Text size="sm">
                      {t('decisionDue', { step: d.stepLabel })}:{' '}
                      <b>{unitTime(d.dueAt, lang, user.unit.timeZone)}</b>{' '}
                      {t(d.answered ? 'decisionDueBy' : 'decisionDueDefault', {
                        value: d.valueLabel,
                        hours: d.hours,
                      })}
                      {d.decidedAt
                        ? ` · ${t('decidedAt', { at: unitTime(d.decidedAt, lang, user.unit.timeZone) })}`
                        : ''}
                    </Text>
                    <DeadlineBadge status={d.status} />
                  </Group>
                ))}
                <Text size="sm" mt="xs" data-testid="paused-time">
                  {t('pausedTime')}:{' '}
                  {v.clock.pauseCount === 0
                    ? t('pausedNone')
                    : v.clock.unit === 'workingDays'
                      ? t('pausedDays', {
                          days: v.clock.pausedAmount,
                          minutes: v.clock.pausedMinutes,
                          count: v.clock.pauseCount,
                        })
                      : t('pausedMinutes', { minutes: v.clock.pausedMinutes, count: v.clock.pauseCount })}
                </Text>
                <Text size="sm" mt="xs" c="dimmed">
                  {t('citizenFollows', { origin: window.location.origin, code: v.case.trackingCode })}
                </Text>
              </Paper>
              <CaseIntake v={v} canCorrect={user.permissions.includes('cases.intake')} refresh={refresh} />
              {v.state.reason ? <Alert color="yellow">{v.state.reason}</Alert> : null}
              {v.clock.paused && v.clock.pausedSince ? (
                <Alert color="yellow" variant="outline" data-testid="clock-paused">
                  {t('clockPaused', { since: unitTime(v.clock.pausedSince, lang, user.unit.timeZone) })}
                </Alert>
              ) : null}
              {v.missing.length > 0 ? (
                <Alert color="orange" title={t('documentsMissing')} className="no-print">
                  <Stack gap={6}>
                    {v.missing.map((m) => (
                      <Group key={m.id} justify="space-between">
                        <Text size="sm">{m.text}</Text>
                        <FileButton
                          accept="application/pdf,image/jpeg,image/png"
                          onChange={(file) => file && upload.mutate({ requirementId: m.id, file })}
                        >
                          {(props) => (
                            <Button size="xs" variant="light" {...props} data-testid={`upload-${m.id}`}>
                              {t('upload')}
                            </Button>
                          )}
                        </FileButton>
                      </Group>
                    ))}
                  </Stack>
                </Alert>
              ) : null}
              {upload.isError ? <Alert color="red">{upload.error.message}</Alert> : null}
              <CaseRecorded v={v} timeZone={user.unit.timeZone} />
              <CaseActions id={id} v={v} refresh={refresh} signer={user.name} />
              <CaseDispositions caseId={v.case.id} timeZone={user.unit.timeZone} />
              {v.letters.length > 0 ? (
                <Paper withBorder p="md">
                  <Title order={2} size="h4" mb="xs">
                    {t('letters')}
                  </Title>
                  {v.letters.map((l) => (
                    <Stack key={l.id} gap={4}>
                      <Group justify="space-between">
                        <Text size="sm">
                          {l.title} · <b data-testid="letter-number">{l.number}</b>
                        </Text>
                        <Group gap="xs">
                          <Button
                            size="xs"
                            component="a"
                            href={`/api/cases/${v.case.id}/letters/${l.id}/pdf`}
                            target="_blank"
                            data-testid="letter-pdf"
                          >
                            PDF
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            component={Link}
                            to={`/verifikasi/${l.verificationCode}`}
                          >
                            {t('verificationPage')}
                          </Button>
                          {l.signedScans.length === 0 ? (
                            <FileButton
                              accept="application/pdf,image/jpeg,image/png"
                              onChange={(file) => file && signedUpload.mutate({ letterId: l.id, file })}
                            >
                              {(props) => (
                                <Button size="xs" variant="light" {...props} data-testid="upload-signed">
                                  {t('uploadSigned')}
                                </Button>
                              )}
                            </FileButton>
                          ) : null}
                        </Group>
                      </Group>
                      {l.signedScans.map((s) => (
                        <Text
                          key={`${s.sha256}-${s.uploadedAt}`}
                          size="xs"
                          c="dimmed"
                          data-testid="signed-scan"
                        >
                          {s.replaced ? t('signedScanReplaced') : t('signedScan')}
                          {' · '}
                          {unitTime(s.uploadedAt, lang, user.unit.timeZone)}
                          {s.uploadedBy ? ` · ${s.uploadedBy.name}` : ''}
                          {s.reason ? ` · ${s.reason}` : ''}
                        </Text>
                      ))}
                    </Stack>
                  ))}
                  {signedUpload.isError ? <Alert color="red">{signedUpload.error.message}</Alert> : null}
                </Paper>
              ) : null}
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Paper withBorder p="md">
                  <Title order={2} size="h4" mb="sm">
                    {t('history')}
                  </Title>
                  <Timeline bulletSize={14} lineWidth={2} active={v.actions.length}>
                    {v.actions.map((a) => (
                      <Timeline.Item key={a.seq} title={actionLabel(v, a)}>
                        <Text size="xs" c="dimmed" data-testid="history-who">
                          {unitTime(a.at, lang, user.unit.timeZone)} · {a.userName ? `${a.userName}, ` : ''}
                          {isProcedureActor(a.role) ? pick(RoleLabels[a.role]) : a.role}
                          {a.step && v.labels[a.step] ? ` · ${v.labels[a.step]?.label}` : ''}
                        </Text>
                        {a.note ? <Text size="sm">{a.note}</Text> : null}
                        {a.data?.result?.payoutId ? (
                          <Anchor
                            href={`/api/relief/payouts/${a.data.result.payoutId}/kwitansi`}
                            target="_blank"
                            size="sm"
                            data-testid="kwitansi"
                          >
                            {t('receipt')} {rupiah(a.data.result.amount ?? 0)}
                          </Anchor>
                        ) : null}
                        {a.data?.result?.repeatReason ? (
                          <Text size="sm" c="red.8" data-testid="repeat-reason-recorded">
                            {approver('repeatReasonRecorded', { reason: a.data.result.repeatReason })}
                          </Text>
                        ) : null}
                      </Timeline.Item>
                    ))}
                  </Timeline>
                </Paper>
                <CaseDocuments v={v} userId={user.id} timeZone={user.unit.timeZone} refresh={refresh} />
              </SimpleGrid>
            </Stack>
          )}
        </QueryView>
      )}
    </RequireSession>
  );
}
