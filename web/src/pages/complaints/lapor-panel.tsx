import type { LaporComplaintView } from '@jaring/complaints/lapor.schema.ts';
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { formatDateTime } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { laporTexts } from '../../i18n/lapor.ts';

/** A complaint's SP4N-LAPOR! side: the report as LAPOR! showed it, and its follow-ups. */
export function LaporPanel({ complaintId, timeZone }: { complaintId: number; timeZone: string }) {
  const { t, lang } = useTexts(laporTexts);
  const client = useQueryClient();
  const [text, setText] = useState('');
  const query = useQuery({
    queryKey: ['complaint-lapor', complaintId],
    queryFn: () => get<LaporComplaintView>(`/api/complaints/${complaintId}/lapor`),
  });
  const write = useMutation({
    mutationFn: () => post<{ id: number }>(`/api/complaints/${complaintId}/lapor/follow-ups`, { text }),
    onSuccess: () => {
      setText('');
      void client.invalidateQueries({ queryKey: ['complaint-lapor', complaintId] });
      void client.invalidateQueries({ queryKey: ['complaint', String(complaintId)] });
    },
  });
  const when = (iso: string) => formatDateTime(iso, lang, { dateStyle: 'medium', timeZone });
  return (
    <Paper withBorder p="md" data-testid="lapor-panel">
      <Title order={2} size="h4" mb="sm">
        {t('panelTitle')}
      </Title>
      <QueryView query={query}>
        {(l) => (
          <Stack gap="xs">
            {l.report ? (
              <Stack gap={2}>
                <Text size="sm">
                  {t('laporId')}:{' '}
                  <Text span ff="monospace" data-testid="lapor-id">
                    {l.report.laporId}
                  </Text>
                </Text>
                {l.report.title ? <Text fw={600}>{l.report.title}</Text> : null}
                <Text size="sm" c="dimmed">
                  {when(l.report.reportedAt)}
                  {l.report.category ? ` · ${t('category')}: ${l.report.category}` : ''}
                  {l.report.source ? ` · ${t('source')}: ${l.report.source}` : ''}
                </Text>
                {l.report.laporStatus ? (
                  <Text size="sm" c="dimmed">
                    {t('laporStatus')}: {l.report.laporStatus}
                  </Text>
                ) : null}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('panelManual')}
              </Text>
            )}
            <Text fw={600} size="sm" mt="xs">
              {t('followUps')}
            </Text>
            {l.followUps.length === 0 ? (
              <Text size="sm">{t('noFollowUp')}</Text>
            ) : (
              l.followUps.map((f) => (
                <Stack key={f.id} gap={0} data-testid="lapor-follow-up">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {f.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.officer} · {when(f.at)}
                  </Text>
                </Stack>
              ))
            )}
            {l.canFollowUp ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  write.mutate();
                }}
              >
                <Stack gap={6}>
                  <Textarea
                    label={t('followUpWrite')}
                    autosize
                    minRows={2}
                    value={text}
                    onChange={(e) => setText(e.currentTarget.value)}
                    data-testid="lapor-follow-up-text"
                  />
                  {write.error ? <Alert color="red">{write.error.message}</Alert> : null}
                  <Group>
                    <Button
                      type="submit"
                      variant="light"
                      loading={write.isPending}
                      data-testid="lapor-follow-up-send"
                    >
                      {t('followUpSend')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : (
              <Text size="xs" c="dimmed">
                {t('followUpWaits')}
              </Text>
            )}
          </Stack>
        )}
      </QueryView>
    </Paper>
  );
}
