import { Anchor, Button, Group, Image, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { approverTexts } from '../../i18n/approver.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { CaseView } from './case-view.ts';

type Doc = CaseView['documents'][number];

/** The requirement documents of a request, named by their requirement, each viewable inline. */
export function CaseDocuments({ v }: { v: CaseView }) {
  const { t } = useTexts(casesTexts);
  const a = useTexts(approverTexts).t;
  const [open, setOpen] = useState<Doc | null>(null);
  const requirement = (id: string) => v.standard.documents.find((d) => d.id === id)?.text ?? id;
  const fileUrl = (d: Doc) => `/api/cases/${v.case.id}/documents/${d.id}/file`;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('documents')}
      </Title>
      {v.documents.length === 0 ? (
        <Text size="sm">{t('noDocuments')}</Text>
      ) : (
        <Stack gap={6}>
          {v.documents.map((d) => (
            <Group key={d.id} justify="space-between" wrap="nowrap" data-testid="document">
              <Text size="sm" style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 0 }}>
                {requirement(d.requirementId)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {d.fileName} ({Math.ceil(d.size / 1024)} KB)
                </Text>
              </Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => setOpen(d)}
                data-testid={`view-${d.requirementId}`}
              >
                {a('openDocument')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
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
