import type { Challenge, ComplaintReceipt } from '@jaring/complaints/complaints.schema.ts';
import type { UnitList, UnitPage } from '@jaring/standards/standards.schema.ts';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, get, post, uploadFile } from '../../api.ts';
import { complaintTexts } from '../../i18n/complaints.ts';
import { useTexts } from '../../i18n/i18n.tsx';

const classes = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;

/** What the standard's and the case's pages hand in: `unit`, `layanan` (service), `permohonan` (case code). */
interface Prefill {
  unit?: string;
  layanan?: string;
  permohonan?: string;
}

/** The citizen's complaint form: no account, a small sum against robots, optional attachments. */
export function ComplaintFormPage() {
  const { t } = useTexts(complaintTexts);
  const prefill = useSearch({ strict: false }) as Prefill;
  const [unit, setUnit] = useState<string | null>(prefill.unit ?? null);
  const [service, setService] = useState<string | null>(prefill.layanan ?? null);
  const [kind, setKind] = useState<(typeof classes)[number]>('pengaduan');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [caseCode, setCaseCode] = useState(prefill.permohonan ?? '');
  const [serviceDate, setServiceDate] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [answer, setAnswer] = useState('');
  const units = useQuery({ queryKey: ['public-units'], queryFn: () => get<UnitList>('/api/public/units') });
  const services = useQuery({
    queryKey: ['public-unit', unit],
    queryFn: () => get<UnitPage>(`/api/public/units/${encodeURIComponent(unit ?? '')}`),
    enabled: unit !== null,
  });
  const challenge = useQuery({
    queryKey: ['complaint-challenge'],
    queryFn: () => get<Challenge>('/api/public/complaints/challenge'),
    staleTime: 20 * 60_000,
  });
  const send = useMutation({
    mutationFn: async () => {
      const receipt = await post<ComplaintReceipt>(
        `/api/public/units/${encodeURIComponent(unit ?? '')}/complaints`,
        {
          class: kind,
          text,
          name,
          contact,
          confidential,
          ...(service ? { standardId: service } : {}),
          ...(caseCode.trim() ? { caseTrackingCode: caseCode.trim().toUpperCase() } : {}),
          ...(serviceDate ? { serviceDate } : {}),
          challenge: { token: challenge.data?.token ?? '', answer },
        },
      );
      for (const f of files.slice(0, 5))
        await uploadFile(`/api/public/complaints/${receipt.trackingCode}/files`, f);
      return receipt;
    },
    onError: () => {
      setAnswer('');
      void challenge.refetch();
    },
  });

  if (send.data) {
    const r = send.data;
    return (
      <Paper withBorder p="lg" maw={560} mx="auto" mt="lg">
        <Stack>
          <Alert color="green" title={t('sentTitle')} data-testid="complaint-sent">
            <Text size="sm">{t('sentNote', { agenda: r.agendaNumber })}</Text>
          </Alert>
          <Text ff="monospace" size="xl" fw={700} data-testid="complaint-code">
            {r.trackingCode}
          </Text>
          {r.late ? <Text size="sm">{t('lateFlag')}</Text> : null}
          <Anchor href={`/api/public/complaints/${r.trackingCode}/receipt`} target="_blank">
            {t('receipt')}
          </Anchor>
          <Button component={Link} to={`/pengaduan/lacak/${r.trackingCode}`}>
            {t('trackIt')}
          </Button>
        </Stack>
      </Paper>
    );
  }
  const problems = send.error instanceof ApiError ? send.error : null;
  return (
    <Paper withBorder p="lg" maw={640} mx="auto" mt="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Stack>
          <Title order={1} size="h3">
            {t('formTitle')}
          </Title>
          <Text size="sm">{t('formIntro')}</Text>
          <Select
            label={t('office')}
            required
            data={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
            value={unit}
            onChange={(v) => {
              setUnit(v);
              setService(null);
            }}
            data-testid="complaint-unit"
          />
          <Select
            label={t('service')}
            placeholder={t('serviceNone')}
            clearable
            data={(services.data?.services ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={service}
            onChange={setService}
          />
          <Radio.Group
            label={t('classLabel')}
            value={kind}
            onChange={(v) => setKind(v as (typeof classes)[number])}
            data-testid="complaint-class"
          >
            <Group gap="md" mt={4}>
              {classes.map((c) => (
                <Radio key={c} value={c} label={t(`class_${c}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('text')}
            description={t('textHint')}
            required
            minLength={10}
            maxLength={5000}
            autosize
            minRows={4}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="complaint-text"
          />
          <TextInput
            label={t('caseCode')}
            value={caseCode}
            onChange={(e) => setCaseCode(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('serviceDate')}
            value={serviceDate}
            onChange={(e) => setServiceDate(e.currentTarget.value)}
          />
          <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput
            label={t('contact')}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
          />
          <Checkbox
            label={t('confidential')}
            description={t('confidentialHint')}
            checked={confidential}
            onChange={(e) => setConfidential(e.currentTarget.checked)}
            data-testid="complaint-confidential"
          />
          <FileInput
            label={t('attachment')}
            multiple
            clearable
            accept="image/jpeg,image/png,application/pdf"
            value={files}
            onChange={(v) => setFiles((v ?? []).slice(0, 5))}
          />
          <TextInput
            label={t('challenge', { question: challenge.data?.question ?? '…' })}
            inputMode="numeric"
            required
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            data-testid="complaint-challenge"
          />
          {problems ? (
            <Alert color="red" role="alert">
              {problems.message}
              {problems.problems.map((p) => (
                <Text key={p.path} size="sm">
                  {p.message}
                </Text>
              ))}
            </Alert>
          ) : null}
          <Button type="submit" loading={send.isPending} disabled={!unit || !challenge.data}>
            {t('submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
