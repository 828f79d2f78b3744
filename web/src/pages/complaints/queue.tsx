import type { ComplaintList, ComplaintReceipt } from '@jaring/complaints/complaints.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { complaintTexts } from '../../i18n/complaints.ts';
import { useTexts } from '../../i18n/i18n.tsx';

const channels = [
  'in_person',
  'box',
  'sms_whatsapp',
  'phone',
  'email',
  'lapor',
  'website',
  'instagram',
] as const;
const classes = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;

/** A complaint that came by another channel, taken down by the officer. */
function RegisterForm({ onDone }: { onDone: (code: string) => void }) {
  const { t } = useTexts(complaintTexts);
  const [channel, setChannel] = useState<string | null>('phone');
  const [kind, setKind] = useState<string>('pengaduan');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [confidential, setConfidential] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      post<ComplaintReceipt>('/api/complaints', { channel, class: kind, text, name, contact, confidential }),
    onSuccess: (r) => onDone(r.trackingCode),
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('channel')}
            data={channels.map((c) => ({ value: c, label: t(`channel_${c}`) }))}
            value={channel}
            onChange={setChannel}
            allowDeselect={false}
          />
          <SegmentedControl
            aria-label={t('classLabel')}
            value={kind}
            onChange={setKind}
            data={classes.map((c) => ({ value: c, label: t(`class_${c}`) }))}
          />
          <Textarea
            label={t('text')}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group grow>
            <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput
              label={t('contact')}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
            />
          </Group>
          <Checkbox
            label={t('confidential')}
            checked={confidential}
            onChange={(e) => setConfidential(e.currentTarget.checked)}
          />
          {save.error instanceof ApiError ? <Alert color="red">{save.error.message}</Alert> : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The unit's complaints, nearest legal deadline first, with transfers waiting for its answer. */
export function ComplaintQueuePage() {
  const { t, lang } = useTexts(complaintTexts);
  const client = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['complaints'], queryFn: () => get<ComplaintList>('/api/complaints') });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('queueTitle')} · {user.unit.name}
            </Title>
            <Group gap="xs">
              <Button component={Link} to="/staf/pengaduan/lapor" variant="light" data-testid="queue-lapor">
                {t('laporPage')}
              </Button>
              <Button
                component={Link}
                to="/staf/pengaduan/statistik"
                variant="light"
                data-testid="queue-stats"
              >
                {t('statsPage')}
              </Button>
              <Button variant={registering ? 'light' : 'filled'} onClick={() => setRegistering((v) => !v)}>
                {t('register')}
              </Button>
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {t('queueNote')}
          </Text>
          {registered ? <Alert color="green">{t('registered', { code: registered })}</Alert> : null}
          {registering ? (
            <RegisterForm
              onDone={(code) => {
                setRegistering(false);
                setRegistered(code);
                void client.invalidateQueries({ queryKey: ['complaints'] });
              }}
            />
          ) : null}
          <QueryView query={list} skeleton="table">
            {({ complaints }) =>
              complaints.length === 0 ? (
                <Text>{t('queueEmpty')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped highlightOnHover data-testid="complaint-queue">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('nextDue')}</Table.Th>
                        <Table.Th>{t('text')}</Table.Th>
                        <Table.Th>{t('complainant')}</Table.Th>
                        <Table.Th>{t('channel')}</Table.Th>
                        <Table.Th>{t('assignee')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {complaints.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            {c.nextDueAt
                              ? formatDateTime(new Date(Date.parse(c.nextDueAt) - 1).toISOString(), lang, {
                                  dateStyle: 'medium',
                                  timeZone: user.unit.timeZone,
                                })
                              : '—'}{' '}
                            {c.breached.length > 0 ? <Badge color="red">{t('breached')}</Badge> : null}
                          </Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={`/staf/pengaduan/${c.id}`} ff="monospace" size="sm">
                              {c.trackingCode}
                            </Anchor>{' '}
                            <Badge variant="light" size="sm">
                              {t(`status_${c.status}`)}
                            </Badge>
                            {c.incomingTransfer ? (
                              <Badge color="blue" size="sm" ml={4}>
                                {t('incoming')}
                              </Badge>
                            ) : null}
                            <Text size="sm" lineClamp={2}>
                              {c.summary}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {c.complainant.hidden ? t('hidden') : c.complainant.name || '—'}
                          </Table.Td>
                          <Table.Td>{t(`channel_${c.channel}`)}</Table.Td>
                          <Table.Td>{c.assignee ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
