import type { ComplaintActionResult, ComplaintDetail } from '@jaring/complaints/complaints.schema.ts';
import type { UnitList } from '@jaring/standards/standards.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { complaintTexts } from '../../i18n/complaints.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { LaporPanel } from './lapor-panel.tsx';
import { ComplaintTimers } from './timers.tsx';

type Step = Record<string, unknown> & { action: string };

/** One step with an optional text field: a reason, a note, the decision. */
function StepForm({
  label,
  field,
  onSend,
  pending,
  color,
  testId,
}: {
  label: string;
  field?: string;
  onSend: (text: string) => void;
  pending: boolean;
  color?: string;
  testId: string;
}) {
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSend(text);
      }}
    >
      <Stack gap={6}>
        {field ? (
          <Textarea
            label={field}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid={`${testId}-text`}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={pending} color={color} variant="light" data-testid={testId}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A complaint for the office: its text, timers, steps, transfers and history. */
export function ComplaintPage() {
  const { t, lang } = useTexts(complaintTexts);
  const { id } = useParams({ strict: false }) as { id: string };
  const client = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['complaint', id],
    queryFn: () => get<ComplaintDetail>(`/api/complaints/${id}`),
  });
  const units = useQuery({ queryKey: ['public-units'], queryFn: () => get<UnitList>('/api/public/units') });
  const [toUnit, setToUnit] = useState<string | null>(null);
  const [via, setVia] = useState('');
  const step = useMutation({
    mutationFn: (body: Step) => post<ComplaintActionResult>(`/api/complaints/${id}/actions`, body),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['complaints'] });
      if (!r.visible) void navigate({ to: '/staf/pengaduan' });
      else void client.invalidateQueries({ queryKey: ['complaint', id] });
    },
  });
  const send = (body: Step) => step.mutate(body);
  return (
    <RequireSession>
      {(user) => (
        <QueryView query={query} skeleton="detail">
          {(c) => {
            const when = (iso: string | null) =>
              formatDateTime(iso, lang, { dateStyle: 'medium', timeZone: c.timeZone });
            const open = !['delivered', 'withdrawn', 'archived'].includes(c.status);
            return (
              <Stack>
                <Anchor component={Link} to="/staf/pengaduan" size="sm">
                  ← {t('backToList')}
                </Anchor>
                <Group>
                  <Title order={1} size="h2" ff="monospace">
                    {c.trackingCode}
                  </Title>
                  <Badge size="lg" variant="light" data-testid="complaint-status" data-status={c.status}>
                    {t(`status_${c.status}`)}
                  </Badge>
                  {c.late ? <Badge color="orange">{t('lateFlag')}</Badge> : null}
                </Group>
                <Text size="sm">
                  {c.agendaNumber} · {t(`class_${c.class}`)} · {t(`channel_${c.channel}`)} ·{' '}
                  {when(c.receivedAt)}
                  {c.service ? ` · ${c.service}` : ''}
                </Text>
                {step.error instanceof ApiError ? <Alert color="red">{step.error.message}</Alert> : null}
                <Grid>
                  <Grid.Col span={{ base: 12, md: 7 }}>
                    <Stack>
                      <Section title={t('text')}>
                        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-text">
                          {c.text}
                        </Text>
                        <Text size="sm" mt="sm">
                          {t('complainant')}:{' '}
                          {c.complainant.hidden
                            ? t('hidden')
                            : [c.complainant.name, c.complainant.contact].filter(Boolean).join(' · ') || '—'}
                          {c.complainant.confidential && !c.complainant.hidden
                            ? ` (${t('confidential')})`
                            : ''}
                        </Text>
                        {c.files.map((f) => (
                          <Text key={f.id} size="sm">
                            {t('files')}: {f.mimeType} · {Math.ceil(f.size / 1024)} kB
                          </Text>
                        ))}
                      </Section>
                      {c.decision ? (
                        <Section title={t('decision')}>
                          <Text size="sm">{c.decision.summary}</Text>
                          {c.decision.letterNumber ? (
                            <Anchor href={`/api/complaints/${c.id}/decision`} target="_blank" size="sm">
                              {t('decisionLetter', { number: c.decision.letterNumber })}
                            </Anchor>
                          ) : null}
                        </Section>
                      ) : null}
                      <Section title={t('history')}>
                        {c.events.map((e) => (
                          <Text key={`${e.at}-${e.action}`} size="sm">
                            {when(e.at)} · {t(`event_${e.action}` as 'event_file')}
                            {e.actor ? ` · ${e.actor}` : ''}
                            {e.note ? ` — ${e.note}` : ''}
                          </Text>
                        ))}
                        {c.transfers.map((x) => (
                          <Text key={x.id} size="sm" data-testid="complaint-transfer">
                            {t('transferLine', { from: x.from, to: x.to, reason: x.reason })} ·{' '}
                            {t(`transfer_${x.state}`)}
                            {x.answer ? ` — ${x.answer}` : ''}
                          </Text>
                        ))}
                      </Section>
                    </Stack>
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 5 }}>
                    <Stack>
                      <Section title={c.channel === 'lapor' ? t('timersLapor') : t('timers')}>
                        <ComplaintTimers timers={c.timers} timeZone={c.timeZone} />
                      </Section>
                      {c.channel === 'lapor' && !c.incomingTransfer ? (
                        <LaporPanel complaintId={c.id} timeZone={c.timeZone} />
                      ) : null}
                      <Section title={t('steps')}>
                        <Stack>
                          {c.incomingTransfer ? (
                            <>
                              <StepForm
                                label={t('accept')}
                                testId="accept-transfer"
                                pending={step.isPending}
                                onSend={() => send({ action: 'accept_transfer' })}
                              />
                              <StepForm
                                label={t('refuse')}
                                field={t('reason')}
                                color="red"
                                testId="refuse-transfer"
                                pending={step.isPending}
                                onSend={(reason) => send({ action: 'refuse_transfer', reason })}
                              />
                            </>
                          ) : null}
                          {!c.incomingTransfer && c.status === 'received' ? (
                            <>
                              <StepForm
                                label={t('markComplete')}
                                testId="mark-complete"
                                pending={step.isPending}
                                onSend={() => send({ action: 'complete' })}
                              />
                              {c.timers.some((x) => x.timer === 'completion') ? null : (
                                <StepForm
                                  label={t('markIncomplete')}
                                  field={t('whatMissing')}
                                  testId="mark-incomplete"
                                  pending={step.isPending}
                                  onSend={(note) => send({ action: 'incomplete', note })}
                                />
                              )}
                            </>
                          ) : null}
                          {!c.incomingTransfer && c.status === 'incomplete' ? (
                            <StepForm
                              label={t('resubmitted')}
                              testId="resubmitted"
                              pending={step.isPending}
                              onSend={() => send({ action: 'resubmitted' })}
                            />
                          ) : null}
                          {!c.incomingTransfer && c.status === 'complete' ? (
                            <StepForm
                              label={t('decide')}
                              field={t('decisionText')}
                              testId="decide"
                              pending={step.isPending}
                              onSend={(summary) => send({ action: 'decide', summary })}
                            />
                          ) : null}
                          {!c.incomingTransfer && c.status === 'decided' ? (
                            <form
                              onSubmit={(e) => {
                                e.preventDefault();
                                send({ action: 'deliver', via });
                              }}
                            >
                              <Stack gap={6}>
                                <TextInput
                                  label={t('deliverVia')}
                                  value={via}
                                  onChange={(e) => setVia(e.currentTarget.value)}
                                  data-testid="deliver-via"
                                />
                                <Group>
                                  <Button
                                    type="submit"
                                    variant="light"
                                    loading={step.isPending}
                                    data-testid="deliver"
                                  >
                                    {t('deliver')}
                                  </Button>
                                </Group>
                              </Stack>
                            </form>
                          ) : null}
                          {!c.incomingTransfer && open && c.assignable.length > 0 ? (
                            <Select
                              label={t('assign')}
                              data={c.assignable.map((u) => ({ value: String(u.id), label: u.name }))}
                              value={null}
                              placeholder={c.assignee ?? '—'}
                              onChange={(v) =>
                                v ? send({ action: 'assign', userId: Number(v) }) : undefined
                              }
                            />
                          ) : null}
                          {!c.incomingTransfer && open ? (
                            <>
                              <Select
                                label={t('transferTo')}
                                data={(units.data?.units ?? [])
                                  .filter((u) => u.code !== user.unit.code)
                                  .map((u) => ({ value: u.code, label: u.name }))}
                                value={toUnit}
                                onChange={setToUnit}
                                data-testid="transfer-unit"
                              />
                              <StepForm
                                label={t('transfer')}
                                field={t('reason')}
                                testId="transfer"
                                pending={step.isPending}
                                onSend={(reason) => toUnit && send({ action: 'transfer', toUnit, reason })}
                              />
                            </>
                          ) : null}
                          {!c.incomingTransfer ? (
                            <Select
                              label={t('lapor')}
                              data={(['verifikasi', 'tunda', 'bukan_wewenang', 'arsipkan'] as const).map(
                                (o) => ({
                                  value: o,
                                  label: t(`lapor_${o}`),
                                }),
                              )}
                              value={c.laporOutcome}
                              onChange={(v) => (v ? send({ action: 'lapor', outcome: v }) : undefined)}
                            />
                          ) : null}
                        </Stack>
                      </Section>
                    </Stack>
                  </Grid.Col>
                </Grid>
              </Stack>
            );
          }}
        </QueryView>
      )}
    </RequireSession>
  );
}
