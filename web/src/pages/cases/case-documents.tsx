import { Anchor, Button, Group, Image, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, del, uploadFile } from '../../api.ts';
import { approverTexts } from '../../i18n/approver.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { documentsTexts } from '../../i18n/documents.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { type CaseView, unitTime } from './case-view.ts';
import { ReplaceButton } from './replace-button.tsx';

type Doc = CaseView['documents'][number];

/**
 * The requirement documents of a request, named by their requirement, each viewable inline. The
 * current file of a requirement may be replaced (the earlier one stays below it, openable) or
 * removed by who uploaded it, until the step that requires it is left.
 */
export function CaseDocuments({
  v,
  userId,
  timeZone,
  refresh,
}: {
  v: CaseView;
  userId: number;
  timeZone: string;
  refresh: () => void;
}) {
  const { t } = useTexts(casesTexts);
  const a = useTexts(approverTexts).t;
  const d = useTexts(documentsTexts);
  const [open, setOpen] = useState<Doc | null>(null);
  const [removing, setRemoving] = useState<Doc | null>(null);
  const requirement = (id: string) => v.standard.documents.find((r) => r.id === id)?.text ?? '';
  const fileUrl = (doc: Doc) => `/api/cases/${v.case.id}/documents/${doc.id}/file`;
  const when = (iso: string) => unitTime(iso, d.lang, timeZone);
  const replace = useMutation<unknown, ApiError, { doc: Doc; file: File }>({
    mutationFn: ({ doc, file }) =>
      uploadFile(`/api/cases/${v.case.id}/documents/${doc.id}/replacement`, file),
    onSuccess: refresh,
  });
  const remove = useMutation<unknown, ApiError, Doc>({
    mutationFn: (doc) => del(`/api/cases/${v.case.id}/documents/${doc.id}`),
    onSuccess: () => {
      setRemoving(null);
      refresh();
    },
  });
  // One entry per upload chain: the current (or last removed) file first, the files it replaced below.
  const replacedBy = new Map(v.documents.flatMap((doc) => (doc.replacedBy ? [[doc.replacedBy, doc]] : [])));
  const order = (doc: Doc) => v.standard.documents.findIndex((r) => r.id === doc.requirementId);
  const heads = v.documents
    .filter((doc) => doc.replacedBy === null)
    .sort((x, y) => order(x) - order(y) || x.id - y.id);
  const earlierOf = (doc: Doc): Doc[] => {
    const prev = replacedBy.get(doc.id);
    return prev ? [prev, ...earlierOf(prev)] : [];
  };
  const mayWrite = v.available.length > 0;
  const error = replace.error ?? remove.error;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb={4}>
        {d.t('papersSeen')}
      </Title>
      {v.papersSeen ? (
        <Stack gap={2} mb="md" data-testid="papers-seen">
          {v.papersSeen.items.length === 0 ? <Text size="sm">{d.t('papersSeenNone')}</Text> : null}
          {v.papersSeen.items.map((p) => (
            <Text key={p.id} size="sm" data-testid="paper-seen">
              ✓ {p.text}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {d.t('papersSeenBy', { when: when(v.papersSeen.at), who: v.papersSeen.by ?? '—' })}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" mb="md">
          {d.t('papersSeenNone')}
        </Text>
      )}
      <Title order={2} size="h4" mb="sm">
        {t('documents')}
      </Title>
      {heads.length === 0 ? (
        <Text size="sm">{t('noDocuments')}</Text>
      ) : (
        <Stack gap="sm">
          {heads.map((doc) => (
            <Stack key={doc.id} gap={2} data-testid="document">
              <Group justify="space-between" align="start" gap="xs">
                <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                  <Text
                    size="sm"
                    td={doc.removedAt ? 'line-through' : undefined}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {requirement(doc.requirementId)}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {doc.fileName} ({Math.ceil(doc.size / 1024)} KB)
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.t('uploadedBy', { when: when(doc.uploadedAt), who: doc.uploaderName ?? '—' })}
                  </Text>
                  {doc.removedAt ? (
                    <Text size="xs" c="red.8" data-testid="document-removed">
                      {d.t('removedEntry', { when: when(doc.removedAt), who: doc.removedByName ?? '—' })}
                    </Text>
                  ) : null}
                </div>
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setOpen(doc)}
                    data-testid={`view-${doc.requirementId}`}
                  >
                    {a('openDocument')}
                  </Button>
                  {doc.changeable && mayWrite ? (
                    <ReplaceButton
                      label={d.t('replace')}
                      testId={`replace-${doc.requirementId}`}
                      onFile={(file) => replace.mutate({ doc, file })}
                    />
                  ) : null}
                  {doc.changeable && doc.uploadedBy === userId ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRemoving(doc)}
                      data-testid={`remove-${doc.requirementId}`}
                    >
                      {d.t('remove')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
              {earlierOf(doc).map((old) => (
                <Group key={old.id} gap={6} pl="md" wrap="nowrap" data-testid="document-history">
                  <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                    {d.t('replacedEntry')} · {old.fileName} ·{' '}
                    {d.t('uploadedBy', { when: when(old.uploadedAt), who: old.uploaderName ?? '—' })}
                  </Text>
                  <Anchor size="xs" component="button" type="button" onClick={() => setOpen(old)}>
                    {a('openDocument')}
                  </Anchor>
                </Group>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
      {error ? (
        <Text size="sm" c="red.8" mt="xs" role="alert">
          {error.message}
        </Text>
      ) : null}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={d.t('removeTitle')}
        closeButtonProps={{ 'aria-label': t('closeDialog') }}
      >
        {removing ? (
          <Stack>
            <Text size="sm">
              {d.t('removeBody', {
                file: removing.fileName,
                requirement: requirement(removing.requirementId),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {d.t('cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(removing)}
                data-testid="confirm-remove"
              >
                {d.t('confirmRemove')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        closeButtonProps={{ 'aria-label': t('closeDialog') }}
        size="xl"
        title={
          open
            ? a('documentTitle', { requirement: requirement(open.requirementId), file: open.fileName })
            : ''
        }
      >
        {open ? (
          <Stack>
            {open.mimeType === 'application/pdf' ? (
              <iframe
                src={fileUrl(open)}
                title={open.fileName}
                data-testid="document-frame"
                style={{ width: '100%', height: '70vh', border: 0 }}
              />
            ) : (
              <Image
                src={fileUrl(open)}
                alt={open.fileName}
                data-testid="document-image"
                fit="contain"
                mah="70vh"
              />
            )}
            <Anchor href={fileUrl(open)} target="_blank" size="sm">
              {a('openInTab')}
            </Anchor>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
