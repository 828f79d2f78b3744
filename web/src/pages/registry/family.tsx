import type { FamilyView } from '@jaring/registry/registry.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { registryTexts } from '../../i18n/registry.ts';
import { RegisterNumber } from './register-number.tsx';
import { label, sexShort, vocabularyOfHeader } from './registry-format.ts';

/** A family: its data, its members (on today or on a past date) and every change. */
export function FamilyPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, lang } = useTexts(registryTexts);
  const [asOf, setAsOf] = useState('');
  const family = useQuery({
    queryKey: ['family', id, asOf],
    queryFn: () => get<FamilyView>(`/api/registry/families/${id}${asOf ? `?asOf=${asOf}` : ''}`),
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Anchor component={Link} to="/staf/registri">
            ← {t('backToSearch')}
          </Anchor>
          <QueryView query={family}>
            {(f) => (
              <Stack>
                <Group justify="space-between" align="flex-end">
                  <div>
                    <Title order={1} size="h2">
                      {t('family')} {f.members.find((m) => m.relationship === 'kepala_keluarga')?.name ?? ''}
                    </Title>
                    <RegisterNumber
                      kind="kk"
                      id={f.id}
                      masked={f.kk}
                      canReveal={user.permissions.includes('registry.reveal')}
                    />
                  </div>
                  <TextInput
                    type="date"
                    label={t('asOf')}
                    value={asOf}
                    onChange={(e) => setAsOf(e.currentTarget.value)}
                    data-testid="as-of"
                  />
                </Group>
                {f.asOf && f.existed && (
                  <Alert color="blue">{t('showingState', { date: formatDate(f.asOf, lang) })}</Alert>
                )}
                {/* Before the family was recorded there is no state to show: no members, no data
                    of that day (the present address is not what it was). */}
                {f.asOf && !f.existed ? (
                  <Alert color="yellow" data-testid="not-yet-recorded">
                    {t('notYetRecordedOn', { date: formatDate(f.asOf, lang) })}
                    {recordedSince(f) &&
                      ` ${t('recordedSince', { date: formatDate(recordedSince(f) ?? '', lang) })}`}
                  </Alert>
                ) : (
                  <>
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <Paper withBorder p="sm">
                        <Text size="xs" c="dimmed">
                          {t('address')}
                        </Text>
                        <Text>
                          {[f.address, f.rt && `RT ${f.rt}`, f.rw && `RW ${f.rw}`]
                            .filter(Boolean)
                            .join(' ') || '—'}
                        </Text>
                        <Text size="sm">{[...f.regionPath].reverse().join(', ')}</Text>
                      </Paper>
                      <Paper withBorder p="sm">
                        <Text size="xs" c="dimmed">
                          {t('welfareStatus')}
                        </Text>
                        <Text>
                          {label('welfareStatus', f.welfareStatus, lang)}{' '}
                          {f.statusPeriod && `(${f.statusPeriod})`}
                        </Text>
                      </Paper>
                      <Paper withBorder p="sm">
                        <Text size="xs" c="dimmed">
                          {t('decile')}
                        </Text>
                        <Text>{f.decile ?? t('notRanked')}</Text>
                      </Paper>
                    </SimpleGrid>
                    <Title order={2} size="h3">
                      {t('members')} ({f.members.length})
                    </Title>
                    <Table.ScrollContainer minWidth={760}>
                      <Table striped data-testid="family-members">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>NIK</Table.Th>
                            <Table.Th>{t('name')}</Table.Th>
                            <Table.Th>{t('relationship')}</Table.Th>
                            <Table.Th>{t('sex')}</Table.Th>
                            <Table.Th>{t('born')}</Table.Th>
                            <Table.Th>{t('occupation')}</Table.Th>
                            <Table.Th>{t('notes')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {f.members.map((m) => (
                            <Table.Tr key={m.id}>
                              <Table.Td>
                                <RegisterNumber
                                  kind="nik"
                                  id={m.id}
                                  masked={m.nik}
                                  canReveal={user.permissions.includes('registry.reveal')}
                                />
                              </Table.Td>
                              <Table.Td>{m.name}</Table.Td>
                              <Table.Td>{label('relationship', m.relationship, lang)}</Table.Td>
                              <Table.Td>{sexShort(m.sex, lang)}</Table.Td>
                              <Table.Td>
                                {[m.birthPlace, formatDate(m.birthDate, lang)].filter(Boolean).join(', ')}
                              </Table.Td>
                              <Table.Td>{m.occupation}</Table.Td>
                              <Table.Td>
                                {!m.alive && (
                                  <Badge color="gray">
                                    {t('deceased')} {m.deathDate ? formatDate(m.deathDate, lang) : ''}
                                  </Badge>
                                )}
                                {m.disabilityKind && (
                                  <Badge color="grape">
                                    {t('disability')} {label('disabilityKind', m.disabilityKind, lang)}
                                    {m.disabilitySeverity &&
                                      ` · ${label('disabilitySeverity', m.disabilitySeverity, lang)}`}
                                  </Badge>
                                )}
                                {m.pregnancy && (
                                  <Badge color="pink">{label('pregnancy', m.pregnancy, lang)}</Badge>
                                )}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </>
                )}
                <Title order={2} size="h3">
                  {t('historyTitle')}
                </Title>
                <Timeline bulletSize={14} data-testid="family-history">
                  {f.history.map((h) => (
                    <Timeline.Item
                      key={`${h.at}-${h.subject}-${h.name ?? ''}-${h.kind}`}
                      title={`${h.subject === 'family' ? t('familyData') : h.name} ${t(`history_${h.kind}`)}`}
                    >
                      <Text size="xs" c="dimmed">
                        {formatDateTime(h.at, lang)} · {h.by ?? t('system')}
                        {h.note ? ` · ${h.note}` : ''}
                      </Text>
                      {h.changes.map((c) => {
                        const vocabulary = vocabularyOfHeader.get(c.field);
                        const shown = (v: string) =>
                          (v && vocabulary ? label(vocabulary, v, lang) : v) || '—';
                        return (
                          <Text size="sm" key={c.field}>
                            {c.field}: <s>{shown(c.from)}</s> → {shown(c.to)}
                          </Text>
                        );
                      })}
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Stack>
            )}
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}

/** When the family was first recorded: its oldest "recorded" entry in the history. */
function recordedSince(f: FamilyView): string | undefined {
  return f.history.filter((h) => h.subject === 'family' && h.kind === 'created').at(-1)?.at;
}
