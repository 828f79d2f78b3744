import type { CaseOpened } from '@jaring/cases/cases.schema.ts';
import type { ReliefRequestForm } from '@jaring/logistics/submissions.schema.ts';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { type ApiError, get, post, uploadFile } from '../../api.ts';
import { ApiProblems } from '../../components/api-problems.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { submissionTexts } from '../../i18n/submissions.ts';

/** A paper that could not be sent after the request was opened: the request stands, the paper can follow. */
interface Unsent {
  id: number;
  trackingCode: string;
  paper: string;
  message: string;
}

/** "Ajukan permohonan bantuan logistik ke Provinsi": a regency office's relief request, with its papers. */
export function SubmitReliefPage() {
  const { t, lang } = useTexts(submissionTexts);
  const form = useQuery({
    queryKey: ['submission-form'],
    queryFn: () => get<ReliefRequestForm>('/api/logistics/requests/form'),
    retry: false,
  });
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [areaCode, setAreaCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<string | null>(null);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [unsent, setUnsent] = useState<Unsent | null>(null);
  const submit = useMutation<void, ApiError, ReliefRequestForm>({
    mutationFn: async (f) => {
      setUnsent(null);
      const opened = await post<CaseOpened>('/api/logistics/requests', {
        applicant: { name, ...(phone.trim() ? { phone } : {}) },
        areaCode: areaCode ?? '',
        description,
        ...(priority ? { priority } : {}),
      });
      for (const paper of f.papers) {
        const file = files[paper.id];
        if (!file) continue;
        try {
          await uploadFile(`/api/submissions/${opened.id}/documents/${paper.id}`, file);
        } catch (e) {
          setUnsent({
            id: opened.id,
            trackingCode: opened.trackingCode,
            paper: paper.text,
            message: e instanceof Error ? e.message : String(e),
          });
          return;
        }
      }
      void navigate({ to: `/staf/pengajuan/${opened.id}` });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['submissions'] }),
  });
  return (
    <RequireSession>
      {(user) => (
        <QueryView query={form}>
          {(f) => (
            <Stack maw={860}>
              <div>
                <Title order={1} size="h2">
                  {t('submitTitle')}
                </Title>
                <Text c="dimmed" size="sm" data-testid="submit-route">
                  {t('submitTo', { from: user.unit.name, to: f.office.name })}
                </Text>
              </div>
              <Text size="sm">{t('submitIntro', { office: f.office.name })}</Text>
              {f.emergencies.length === 0 ? (
                <Alert color="yellow" data-testid="no-emergency">
                  {t('noEmergency', { office: f.office.name, area: f.area.name })}
                </Alert>
              ) : (
                <Alert color="blue" title={t('activeEmergencies')} data-testid="active-emergencies">
                  <List size="sm">
                    {f.emergencies.map((e) => (
                      <List.Item key={e.id}>
                        {t('emergencyLine', {
                          disaster: e.disaster,
                          areas: e.areas.map((a) => a.name).join(', '),
                          endsOn: formatDate(e.endsOn, lang),
                        })}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <Paper withBorder p="md">
                <Stack>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t('applicantName')}
                      value={name}
                      onChange={(e) => setName(e.currentTarget.value)}
                      required
                      data-testid="submit-applicant"
                    />
                    <TextInput
                      label={t('applicantPhone')}
                      value={phone}
                      onChange={(e) => setPhone(e.currentTarget.value)}
                      inputMode="tel"
                      data-testid="submit-phone"
                    />
                  </SimpleGrid>
                  <Select
                    label={t('area')}
                    data={[
                      { value: f.area.code, label: t('wholeArea', { area: f.area.name }) },
                      ...f.area.districts.map((d) => ({ value: d.code, label: d.name })),
                    ]}
                    value={areaCode}
                    onChange={setAreaCode}
                    searchable
                    required
                    nothingFoundMessage="—"
                    data-testid="submit-area"
                  />
                  {f.priority ? (
                    <Select
                      label={t('priority')}
                      description={t('priorityHint', {
                        default: f.priority.options.find((o) => o.value === f.priority?.default)?.label ?? '',
                      })}
                      data={f.priority.options.map((o) => ({
                        value: o.value,
                        label: t('priorityOption', { label: o.label, hours: o.hours }),
                      }))}
                      value={priority}
                      onChange={setPriority}
                      clearable
                      data-testid="submit-priority"
                    />
                  ) : null}
                  <Textarea
                    label={t('description')}
                    description={t('descriptionHint')}
                    value={description}
                    onChange={(e) => setDescription(e.currentTarget.value)}
                    autosize
                    minRows={3}
                    required
                    data-testid="submit-description"
                  />
                </Stack>
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb={4}>
                  {t('papersTitle')}
                </Title>
                <Text size="xs" c="dimmed" mb="sm">
                  {t('papersHint')}
                </Text>
                <Stack gap="sm">
                  {f.papers.map((p) => (
                    <FileInput
                      key={p.id}
                      label={p.text}
                      placeholder={t('choosePaper')}
                      accept="application/pdf,image/jpeg,image/png"
                      value={files[p.id] ?? null}
                      onChange={(file) => setFiles((all) => ({ ...all, [p.id]: file }))}
                      clearable
                      data-testid={`submit-paper-${p.id}`}
                    />
                  ))}
                </Stack>
              </Paper>
              <ApiProblems error={submit.error} testId="submit-error" />
              {unsent ? (
                <Alert color="orange" data-testid="submit-unsent" role="alert">
                  <Stack gap={4}>
                    <Text size="sm">
                      {t('uploadFailed', {
                        code: unsent.trackingCode,
                        paper: unsent.paper,
                        message: unsent.message,
                      })}
                    </Text>
                    <Anchor component={Link} to={`/staf/pengajuan/${unsent.id}`} size="sm">
                      {t('openSubmission')}
                    </Anchor>
                  </Stack>
                </Alert>
              ) : null}
              <div>
                <Button
                  onClick={() => submit.mutate(f)}
                  loading={submit.isPending}
                  disabled={unsent !== null}
                  data-testid="submit-request"
                >
                  {t('submit')}
                </Button>
              </div>
            </Stack>
          )}
        </QueryView>
      )}
    </RequireSession>
  );
}
