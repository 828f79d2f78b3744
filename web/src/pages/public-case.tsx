import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { type ApiError, get, uploadFile } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { QueryView } from '../ui.tsx';
import { StatusBadge } from './cases.tsx';

interface Tracking {
  trackingCode: string;
  firstName: string;
  service: string;
  timeZone: string;
  status: string;
  openedAt: string;
  dueAt: string | null;
  closedAt: string | null;
  steps: Array<{ id: string; label: string; state: 'done' | 'current' | 'pending' }>;
}

const when = (iso: string | null, lang: 'id' | 'en', timeZone?: string) =>
  iso
    ? new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'long',
        timeZone,
        timeStyle: 'short',
      })
    : '—';

/** Where a citizen types the code from their receipt. */
export function TrackFormPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate({ to: `/lacak/${code.trim().toUpperCase()}` });
  };
  return (
    <Paper withBorder p="lg" maw={480} mx="auto" mt="lg">
      <form onSubmit={submit}>
        <Stack>
          <Title order={1} size="h3">
            {pick({ id: 'Lacak permohonan', en: 'Track a request' })}
          </Title>
          <TextInput
            label={pick({ id: 'Kode permohonan (pada tanda terima)', en: 'Request code (on your receipt)' })}
            placeholder="K7MQ2-XW9PD"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            required
          />
          <Button type="submit" disabled={code.trim().length < 5}>
            {pick({ id: 'Lacak', en: 'Track' })}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** A request as its citizen sees it: steps, status, due time; nothing personal but the first name. */
export function TrackPage() {
  const { pick, lang } = useI18n();
  const { code } = useParams({ strict: false }) as { code: string };
  const query = useQuery({
    queryKey: ['track', code],
    queryFn: () => get<Tracking>(`/api/public/track/${code}`),
    retry: false,
  });
  return (
    <QueryView query={query}>
      {(t) => {
        const active = t.steps.findIndex((s) => s.state === 'current');
        return (
          <Stack maw={720}>
            <Text c="dimmed">{t.service}</Text>
            <Title order={1} size="h2">
              {pick({ id: `Permohonan ${t.firstName}`, en: `${t.firstName}'s request` })}
            </Title>
            <Group>
              <Text ff="monospace">{t.trackingCode}</Text>
              <StatusBadge status={t.status} />
            </Group>
            <Text size="sm">
              {pick({ id: 'Diterima', en: 'Received' })}: {when(t.openedAt, lang, t.timeZone)} ·{' '}
              {pick({ id: 'Batas waktu', en: 'Due' })}: {when(t.dueAt, lang, t.timeZone)}
            </Text>
            <Stepper
              active={active === -1 ? t.steps.length : active}
              orientation="vertical"
              size="sm"
              data-testid="track-steps"
            >
              {t.steps.map((s) => (
                <Stepper.Step key={s.id} label={s.label} />
              ))}
            </Stepper>
          </Stack>
        );
      }}
    </QueryView>
  );
}

interface Verification {
  number: string;
  issuedAt: string;
  unit: string;
  product: string;
  signer: { name: string; position: string; nip: string | null };
  sha256: string;
  matches?: boolean;
  /** Which record the file is: the letter as issued, its signed scan, or a scan since replaced. */
  matched?: 'issued' | 'signed' | 'replaced' | null;
  replacedAt?: string;
}

/** The page a letter's QR code opens: what was issued, and whether a file in hand is that letter. */
export function VerifyPage() {
  const { pick, lang } = useI18n();
  const { code } = useParams({ strict: false }) as { code: string };
  const query = useQuery({
    queryKey: ['verify', code],
    queryFn: () => get<Verification>(`/api/public/verify/${code}`),
    retry: false,
  });
  const check = useMutation<Verification, ApiError, File>({
    mutationFn: (file) => uploadFile(`/api/public/verify/${code}`, file),
  });
  return (
    <QueryView query={query}>
      {(v) => (
        <Stack maw={720}>
          <Title order={1} size="h2">
            {pick({ id: 'Verifikasi surat', en: 'Letter verification' })}
          </Title>
          <Alert color="green" title={pick({ id: 'Surat ini terdaftar', en: 'This letter is on record' })}>
            <Stack gap={2}>
              <Text size="sm">
                {pick({ id: 'Nomor', en: 'Number' })}: <b data-testid="verify-number">{v.number}</b>
              </Text>
              <Text size="sm">
                {pick({ id: 'Tanggal', en: 'Date' })}: {when(v.issuedAt, lang)}
              </Text>
              <Text size="sm">Unit: {v.unit}</Text>
              <Text size="sm">
                {pick({ id: 'Produk', en: 'Product' })}: {v.product}
              </Text>
              <Text size="sm">
                {pick({ id: 'Penanda tangan', en: 'Signed by' })}: {v.signer.name}, {v.signer.position}
                {v.signer.nip ? `, NIP ${v.signer.nip}` : ''}
              </Text>
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                SHA-256: {v.sha256}
              </Text>
            </Stack>
          </Alert>
          <Group>
            <FileButton accept="application/pdf,image/jpeg,image/png" onChange={(f) => f && check.mutate(f)}>
              {(props) => (
                <Button {...props} variant="light" loading={check.isPending}>
                  {pick({ id: 'Periksa berkas yang Anda terima', en: 'Check the file you received' })}
                </Button>
              )}
            </FileButton>
          </Group>
          {check.data ? (
            check.data.matches ? (
              <Alert color="green" data-testid="verify-result">
                <Badge color="green">{pick({ id: 'COCOK', en: 'MATCH' })}</Badge>{' '}
                {check.data.matched === 'signed'
                  ? pick({
                      id: 'Berkas ini sama dengan pindaian surat yang telah ditandatangani.',
                      en: 'This file is the signed scan of the letter.',
                    })
                  : pick({
                      id: 'Berkas ini sama dengan surat yang diterbitkan.',
                      en: 'This file is the letter as issued.',
                    })}
              </Alert>
            ) : check.data.matched === 'replaced' ? (
              <Alert color="yellow" data-testid="verify-result">
                <Badge color="yellow">{pick({ id: 'DIGANTI', en: 'REPLACED' })}</Badge>{' '}
                {pick({
                  id: `Berkas ini pindaian lama surat ini; pada ${when(check.data.replacedAt ?? null, lang)} kantor menggantinya dengan pindaian baru.`,
                  en: `This file is an earlier scan of this letter; on ${when(check.data.replacedAt ?? null, lang)} the office replaced it with a newer scan.`,
                })}
              </Alert>
            ) : (
              <Alert color="red" data-testid="verify-result">
                <Badge color="red">{pick({ id: 'TIDAK COCOK', en: 'NO MATCH' })}</Badge>{' '}
                {pick({
                  id: 'Berkas ini BUKAN surat yang diterbitkan (isinya berbeda).',
                  en: 'This file is NOT the letter as issued (its content differs).',
                })}
              </Alert>
            )
          ) : null}
          {check.isError ? <Alert color="red">{check.error.message}</Alert> : null}
        </Stack>
      )}
    </QueryView>
  );
}
