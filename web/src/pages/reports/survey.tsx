import type { SurveyReport } from '@jaring/survey/survey.schema.ts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime, formatDecimal } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { surveyReportTexts } from '../../i18n/survey-report.ts';
import { BarsChart } from './survey-charts.tsx';
import { FollowUps } from './survey-follow-ups.tsx';
import { PaperImport } from './survey-import.tsx';
import { ExtraQuestions } from './survey-questions.tsx';

const now = new Date();

/** The SKM report of a period (PermenPAN-RB 14/2017), its follow-up plan, closing and paper import. */
export function SurveyReportPage() {
  const { t, lang, pick } = useTexts(surveyReportTexts);
  const [year, setYear] = useState(now.getFullYear());
  const [semester, setSemester] = useState<string>(now.getMonth() < 6 ? '1' : '2');
  const query = `year=${year}${semester === '0' ? '' : `&semester=${semester}`}`;
  const report = useQuery({
    queryKey: ['survey-report', query],
    queryFn: () => get<SurveyReport>(`/api/survey/report?${query}`),
  });
  const refresh = () => void report.refetch();
  const close = useMutation({
    mutationFn: () =>
      post('/api/survey/periods/close', { year, semester: semester === '0' ? null : Number(semester) }),
    onSuccess: refresh,
  });
  return (
    <RequireSession>
      {(user) => {
        const canManage = user.permissions.includes('survey.manage');
        return (
          <Stack>
            <Title order={1} size="h2">
              {t('title')} · {user.unit.name}
            </Title>
            <Group align="end">
              <NumberInput
                label={t('year')}
                value={year}
                min={2000}
                max={2100}
                w={110}
                onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
              />
              <SegmentedControl
                value={semester}
                onChange={setSemester}
                data={[
                  { value: '1', label: t('semester1') },
                  { value: '2', label: t('semester2') },
                  { value: '0', label: t('wholeYear') },
                ]}
              />
            </Group>
            <QueryView query={report} skeleton="detail">
              {(r) => {
                const i = r.unit.index;
                const names = new Map(r.unsurNames.map((u) => [u.id, pick(u.name)]));
                const file = (format: string) => `/api/survey/report.${format}?${query}&lang=${lang}`;
                return (
                  <Stack>
                    <Group justify="space-between">
                      <Group gap="xs">
                        <Text fw={600}>{pick(r.period.label)}</Text>
                        {r.closed ? (
                          <Badge color="gray" data-testid="survey-period-closed">
                            {t('closedBy', {
                              at: formatDateTime(r.closed.at, lang, { dateStyle: 'long' }),
                              by: r.closed.by,
                            })}
                          </Badge>
                        ) : (
                          <Badge color="yellow" variant="light">
                            {t('draft')}
                          </Badge>
                        )}
                      </Group>
                      <Group gap="xs">
                        <Button component="a" href={file('pdf')} variant="light" size="xs">
                          {t('downloadPdf')}
                        </Button>
                        <Button component="a" href={file('xlsx')} variant="light" size="xs">
                          {t('downloadXlsx')}
                        </Button>
                        {canManage && !r.closed ? (
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            disabled={!r.ended}
                            title={r.ended ? undefined : t('closeNotYet')}
                            loading={close.isPending}
                            onClick={() => window.confirm(t('closeConfirm')) && close.mutate()}
                            data-testid="survey-close"
                          >
                            {t('closePeriod')}
                          </Button>
                        ) : null}
                      </Group>
                    </Group>
                    {close.error ? <Alert color="red">{close.error.message}</Alert> : null}
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <Card withBorder>
                        <Text size="sm" c="dimmed">
                          {t('score')}
                        </Text>
                        {i ? (
                          <>
                            <Text size="xl" fw={700} data-testid="survey-score">
                              {formatDecimal(i.score, lang)}
                            </Text>
                            <Text size="sm">
                              {t('grade', {
                                grade: i.grade,
                                label: r.unit.gradeLabel ? pick(r.unit.gradeLabel) : '',
                              })}
                            </Text>
                          </>
                        ) : (
                          <Text size="sm">{t('noIndex')}</Text>
                        )}
                      </Card>
                      <Card withBorder>
                        <Text size="sm" c="dimmed">
                          {t('respondents')}
                        </Text>
                        <Text size="xl" fw={700} data-testid="survey-respondents">
                          {r.unit.respondents.total}
                        </Text>
                        <Text size="sm">
                          {t('channels', {
                            t: r.unit.respondents.token,
                            k: r.unit.respondents.kiosk,
                            p: r.unit.respondents.paper,
                          })}
                        </Text>
                      </Card>
                      <Card withBorder>
                        <Text size="sm" c="dimmed">
                          {t('sampleCol')}
                        </Text>
                        <Text size="xl" fw={700}>
                          {r.unit.sampleNeeded}
                        </Text>
                        <Text size="sm">
                          {t('sample', { n: r.unit.sampleNeeded, served: r.unit.served })}
                        </Text>
                      </Card>
                    </SimpleGrid>
                    {r.unit.sampleShort ? (
                      <Alert color="orange" data-testid="survey-sample-short">
                        {t('sampleShort', { got: r.unit.respondents.total, n: r.unit.sampleNeeded })}
                      </Alert>
                    ) : null}
                    {i ? (
                      <Card withBorder>
                        <Title order={2} size="h4" mb="sm">
                          {t('perUnsur')}
                        </Title>
                        <BarsChart
                          caption={t('perUnsur')}
                          head={[t('unsur'), t('nrrCol')]}
                          max={4}
                          testId="survey-unsur-chart"
                          labelWidth={220}
                          rows={i.unsur.map((u) => ({
                            key: u.id,
                            name: `${u.id} ${names.get(u.id)}${i.weakest.includes(u.id) ? ` (${t('weakest')})` : ''}`,
                            value: Number(u.nrr),
                            shown: formatDecimal(Number(u.nrr).toFixed(2), lang),
                            strong: i.weakest.includes(u.id),
                          }))}
                        />
                        <Text size="sm" c="dimmed" mt="xs">
                          {t('weakestNote', {
                            list: i.weakest.map((w) => `${w} ${names.get(w)}`).join(', '),
                          })}
                        </Text>
                      </Card>
                    ) : null}
                    <Title order={2} size="h4">
                      {t('perService')}
                    </Title>
                    <Table.ScrollContainer minWidth={560}>
                      <Table striped data-testid="survey-services">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('service')}</Table.Th>
                            <Table.Th>{t('respondents')}</Table.Th>
                            <Table.Th>{t('sampleCol')}</Table.Th>
                            <Table.Th>{t('score')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {r.services.map((s) => (
                            <Table.Tr key={s.standardId ?? 'unit'}>
                              <Table.Td>{s.service}</Table.Td>
                              <Table.Td>{s.respondents.total}</Table.Td>
                              <Table.Td c={s.sampleShort ? 'orange' : undefined}>{s.sampleNeeded}</Table.Td>
                              <Table.Td>
                                {s.index ? `${formatDecimal(s.index.score, lang)} (${s.index.grade})` : '—'}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                    <Title order={2} size="h4">
                      {t('profile')}
                    </Title>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      {(['sex', 'age', 'education', 'occupation'] as const).map((k) => (
                        <Card withBorder key={k}>
                          <Text fw={600} size="sm" mb="xs">
                            {t(k)}
                          </Text>
                          <BarsChart
                            caption={t(k)}
                            head={[t(k), t('respondents')]}
                            max={Math.max(1, ...r.profile[k].map((c) => c.n))}
                            testId={`survey-profile-${k}`}
                            labelWidth={140}
                            rows={r.profile[k].map((c) => ({
                              key: c.key,
                              name: pick(c.label),
                              value: c.n,
                              shown: String(c.n),
                            }))}
                          />
                        </Card>
                      ))}
                    </SimpleGrid>
                    <Title order={2} size="h4">
                      {t('comments')}
                    </Title>
                    {r.comments.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('noComments')}
                      </Text>
                    ) : (
                      <List size="sm" data-testid="survey-comments">
                        {r.comments.map((c, n) => (
                          // Comments carry no id by design (anonymous); their order is fixed.
                          // biome-ignore lint/suspicious/noArrayIndexKey: no other identity
                          <List.Item key={n}>{c}</List.Item>
                        ))}
                      </List>
                    )}
                    <ExtraQuestions report={r} canManage={canManage} refresh={refresh} />
                    <Title order={2} size="h4">
                      {t('followUp')}
                    </Title>
                    <FollowUps report={r} canManage={canManage} refresh={refresh} />
                    {canManage && !r.closed ? (
                      <>
                        <Title order={2} size="h4">
                          {t('importTitle')}
                        </Title>
                        <PaperImport report={r} refresh={refresh} />
                      </>
                    ) : null}
                  </Stack>
                );
              }}
            </QueryView>
          </Stack>
        );
      }}
    </RequireSession>
  );
}
