import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { ApiError } from '../api.ts';
import { componentTexts } from '../i18n/components.ts';
import { useTexts } from '../i18n/i18n.tsx';

/** Asks why a full number or an export is needed; the reason goes into the audit chain. */
export function ReasonModal({
  opened,
  title,
  onClose,
  onConfirm,
  busy,
  error,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  busy: boolean;
  error?: string | undefined;
  children?: ReactNode;
}) {
  const { t } = useTexts(componentTexts);
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('closeDialog') }}
    >
      <Stack>
        {children}
        <Textarea
          label={t('reason')}
          placeholder={t('reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          description={t('reasonHint')}
          minRows={2}
          required
          data-testid="reason"
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button loading={busy} disabled={reason.trim().length < 5} onClick={() => onConfirm(reason.trim())}>
            {t('continue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * A NIK or KK number as the server masks it, with a "Tampilkan" (show) button where the role
 * may see it in full: the reveal asks for a reason, which the server records.
 */
export function RevealableNumber({
  masked,
  canReveal,
  testId,
  title,
  reveal,
}: {
  masked: string;
  canReveal: boolean;
  testId: string;
  /** The dialog's title, e.g. "Tampilkan NIK lengkap". */
  title: string;
  reveal: (reason: string) => Promise<{ value: string }>;
}) {
  const { t } = useTexts(componentTexts);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const revealing = useMutation<{ value: string }, ApiError, string>({
    mutationFn: reveal,
    onSuccess: (r) => {
      setValue(r.value);
      setOpen(false);
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Text ff="monospace" size="sm" data-testid={testId}>
        {value ?? masked}
      </Text>
      {canReveal && !value && (
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
          {t('show')}
        </Button>
      )}
      <ReasonModal
        opened={open}
        title={title}
        onClose={() => setOpen(false)}
        onConfirm={(reason) => revealing.mutate(reason)}
        busy={revealing.isPending}
        error={revealing.error?.message}
      />
    </Group>
  );
}
