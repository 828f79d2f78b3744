import type {
  Open311Client,
  Open311ClientList,
  Open311IssuedKey,
} from '@jaring/complaints/open311.schema.ts';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { open311Texts } from '../../i18n/open311.ts';

/** The key just made: shown here once, with a button to copy it; the server keeps only its hash. */
function NewKey({ issued, onDone }: { issued: Open311IssuedKey; onDone: () => void }) {
  const { t } = useTexts(open311Texts);
  return (
    <Alert color="green" title={t('open311NewKey', { name: issued.client.name })} data-testid="new-key">
      <Stack gap="xs">
        <Text size="sm">{t('open311CopyNow')}</Text>
        <Code block data-testid="api-key">
          {issued.apiKey}
        </Code>
        <Group>
          <CopyButton value={issued.apiKey}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? t('open311Copied') : t('open311Copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('open311Done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function ClientRow({ client, onRevoke }: { client: Open311Client; onRevoke: (c: Open311Client) => void }) {
  const { t, lang } = useTexts(open311Texts);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {client.name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(client.createdAt, lang, { dateStyle: 'medium' })}
          {client.createdBy ? ` ${t('open311CreatedBy', { name: client.createdBy })}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code>{client.keyPrefix}…</Code>
      </Table.Td>
      <Table.Td>
        {client.lastUsedAt
          ? formatDateTime(client.lastUsedAt, lang, { dateStyle: 'medium' })
          : t('open311Never')}
      </Table.Td>
      <Table.Td>{client.requests}</Table.Td>
      <Table.Td>
        {client.revokedAt ? (
          <Badge color="gray" variant="light">
            {t('open311RevokedAt', { date: formatDateTime(client.revokedAt, lang, { dateStyle: 'medium' }) })}
          </Badge>
        ) : (
          <Group gap="xs">
            <Badge color="green" variant="light">
              {t('open311Active')}
            </Badge>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t('open311RevokeLabel', { name: client.name })}
              onClick={() => onRevoke(client)}
            >
              {t('open311Revoke')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The unit's Open311 GeoReport v2 endpoint for its administrator: where it is, the unit's
 * jurisdiction_id, the partner apps with their keys, a form to make a key and revocation.
 */
export function Open311Page() {
  const { t } = useTexts(open311Texts);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<Open311IssuedKey | null>(null);
  const list = useQuery({
    queryKey: ['open311-clients'],
    queryFn: () => get<Open311ClientList>('/api/open311/clients'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['open311-clients'] });
  const issue = useMutation<Open311IssuedKey, ApiError>({
    mutationFn: () => post('/api/open311/clients', { name }),
    onSuccess: (key) => {
      setIssued(key);
      setName('');
      void refresh();
    },
  });
  const revoke = useMutation<Open311Client, ApiError, number>({
    mutationFn: (id) => post(`/api/open311/clients/${id}/revoke`),
    onSuccess: () => void refresh(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate();
  };
  const nameProblem = issue.error?.problems.find((p) => p.path === 'body.name')?.message;
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('open311Title')} · {user.unit.name}
          </Title>
          <Text size="sm">{t('open311Intro')}</Text>
          <QueryView query={list}>
            {(data) => (
              <Stack>
                <Paper withBorder p="md">
                  <Stack gap="xs">
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {t('open311Endpoint')}:
                      </Text>
                      <Code data-testid="open311-endpoint">{data.endpoint}</Code>
                    </Group>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {t('open311Jurisdiction')}:
                      </Text>
                      <Code data-testid="open311-jurisdiction">{data.jurisdictionId}</Code>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('open311Public')}
                    </Text>
                  </Stack>
                </Paper>
                {issued ? <NewKey issued={issued} onDone={() => setIssued(null)} /> : null}
                <Title order={2} size="h4">
                  {t('open311Clients')}
                </Title>
                <Table.ScrollContainer minWidth={640}>
                  <Table striped data-testid="open311-clients">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('open311Name')}</Table.Th>
                        <Table.Th>{t('open311Prefix')}</Table.Th>
                        <Table.Th>{t('open311LastUsed')}</Table.Th>
                        <Table.Th>{t('open311Requests')}</Table.Th>
                        <Table.Th>{t('open311State')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.clients.length === 0 ? (
                        <Table.Tr>
                          <Table.Td colSpan={5}>{t('open311NoClients')}</Table.Td>
                        </Table.Tr>
                      ) : null}
                      {data.clients.map((c) => (
                        <ClientRow
                          key={c.id}
                          client={c}
                          onRevoke={(target) => {
                            if (window.confirm(t('open311ConfirmRevoke', { name: target.name })))
                              revoke.mutate(target.id);
                          }}
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {revoke.isError ? (
                  <Alert color="red" role="alert">
                    {revoke.error.message}
                  </Alert>
                ) : null}
              </Stack>
            )}
          </QueryView>
          <Paper withBorder p="md">
            <form onSubmit={submit} data-testid="open311-issue">
              <Stack>
                <Title order={2} size="h4">
                  {t('open311Issue')}
                </Title>
                <Group align="end">
                  <TextInput
                    label={t('open311Name')}
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    error={nameProblem}
                    required
                    miw={260}
                  />
                  <Button type="submit" disabled={!name.trim()} loading={issue.isPending}>
                    {t('open311IssueButton')}
                  </Button>
                </Group>
                {issue.isError && !nameProblem ? (
                  <Alert color="red" role="alert">
                    {issue.error.message}
                  </Alert>
                ) : null}
              </Stack>
            </form>
          </Paper>
        </Stack>
      )}
    </RequireSession>
  );
}
