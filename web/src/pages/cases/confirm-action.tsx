import type { ActionPreview } from '@jaring/cases/cases.schema.ts';
import type { ClaimsPreview } from '@jaring/relief/relief.schema.ts';
import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api.ts';
import { rupiah } from '../../format.ts';
import { approverTexts } from '../../i18n/approver.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { CaseView, WorkflowAction } from './case-view.ts';
import { ClaimsAlert } from './claims-alert.tsx';
import { GoodsConfirm } from './logistics-lines.tsx';

/** Actions that cannot be taken back: a letter is issued, the request closes, or cash goes out. */
export const needsConfirmation = (a: WorkflowAction) =>
  Boolean(a.letter) ||
  Boolean(a.effect) ||
  a.kind === 'complete' ||
  a.kind === 'reject' ||
  a.kind === 'withdraw';

/** The letter preview's address: the action and the form's fields as the query. */
export function letterPreviewUrl(caseId: number, action: string, data: Record<string, string>) {
  const query = new URLSearchParams({ action, ...data });
  return `/api/cases/${caseId}/letter-preview?${query.toString()}`;
}

/**
 * Asks before an action that cannot be taken back, naming what will happen: the step it moves
 * to, the letter issued in the signer's name (with its preview), the cash paid and for which leg.
 * A repeat claim needs a reason here, as the server requires.
 */
export function ConfirmAction({
  v,
  action,
  data,
  goods,
  note,
  signer,
  pending,
  onCancel,
  onConfirm,
}: {
  v: CaseView;
  action: WorkflowAction;
  data: Record<string, string>;
  /** A relief request's goods the action sends (lines, warehouse, returns), listed here. */
  goods?: Record<string, unknown> | undefined;
  note: string;
  signer: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (extra: Record<string, string>) => void;
}) {
  const { t } = useTexts(approverTexts);
  const [reason, setReason] = useState('');
  const claims = v.previews[action.id] as ClaimsPreview | undefined;
  const isPayout = claims?.kind === 'relief.claims';
  const repeat = isPayout && claims.claims.length > 0;
  const preview = useQuery({
    queryKey: ['action-preview', v.case.id, v.case.version, action.id, data],
    queryFn: () => post<ActionPreview>(`/api/cases/${v.case.id}/preview`, { action: action.id, data }),
    enabled: isPayout,
  });
  const leg = (preview.data?.effect as ClaimsPreview | undefined)?.leg ?? null;
  const product = v.standard.products.find((p) => p.id === v.case.product)?.name ?? v.standard.name;
  const reasonOk = !repeat || reason.trim().length >= 5;
  const payable = !isPayout || (leg !== null && leg.amount !== null);
  // A phone gets the whole screen, and the letter as a link: phone browsers rarely draw a PDF
  // inside a frame, and the frame would push the confirm button out of sight.
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Modal
      opened
      onClose={onCancel}
      closeButtonProps={{ 'aria-label': t('closeDialog') }}
      size="xl"
      fullScreen={phone}
      title={t('confirmTitle', { action: action.label })}
    >
      <Stack data-testid="confirm-dialog">
        {action.kind === 'forward' && action.to ? (
          <Text size="sm">{t('willForward', { step: v.labels[action.to]?.label ?? action.to })}</Text>
        ) : null}
        {action.kind === 'complete' ? <Text size="sm">{t('willComplete')}</Text> : null}
        {action.kind === 'reject' || action.kind === 'withdraw' ? (
          <Text size="sm">
            {t(action.kind === 'reject' ? 'willReject' : 'willWithdraw', {
              reason: note.trim() || t('noReasonYet'),
            })}
          </Text>
        ) : null}
        <GoodsConfirm v={v} actionId={action.id} data={goods ?? {}} />
        {isPayout ? (
          <Stack gap="xs" data-testid="payout-preview">
            <Text fw={600} size="sm">
              {t('payoutTitle')}
            </Text>
            {preview.isPending ? (
              <Loader size="sm" />
            ) : leg && leg.amount !== null ? (
              <Table withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w="35%">{t('payoutAmount')}</Table.Th>
                    <Table.Td data-testid="payout-amount" fw={700}>
                      {rupiah(leg.amount)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('payoutClass')}</Table.Th>
                    <Table.Td data-testid="payout-class">
                      {leg.distanceClass ? t(`class.${leg.distanceClass}`) : '—'}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('payoutLeg')}</Table.Th>
                    <Table.Td data-testid="payout-leg">
                      {leg.from} → {leg.to}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('payoutDestination')}</Table.Th>
                    <Table.Td>{leg.destination}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            ) : (
              <Alert color="orange" data-testid="payout-incomplete">
                {leg?.problem === 'relief.no_tariff' ? t('payoutNoTariff') : t('payoutIncomplete')}
              </Alert>
            )}
            <ClaimsAlert preview={claims} />
            {repeat ? (
              <Textarea
                label={t('repeatReason')}
                description={t('repeatReasonHint')}
                required
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                data-testid="repeat-reason"
                autosize
                minRows={2}
              />
            ) : null}
          </Stack>
        ) : null}
        {action.letter ? (
          <Stack gap="xs">
            <Alert color="blue" variant="light">
              {t('willIssueLetter', { title: product, signer })}
            </Alert>
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {t('letterPreview')}
              </Text>
              <Anchor
                href={letterPreviewUrl(v.case.id, action.id, data)}
                target="_blank"
                size="sm"
                data-testid="letter-preview-link"
              >
                {t('openInTab')}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {t('letterPreviewHint')}
            </Text>
            {payable && !phone ? (
              <iframe
                src={letterPreviewUrl(v.case.id, action.id, data)}
                title={t('letterPreview')}
                data-testid="letter-preview"
                style={{ width: '100%', height: '50vh', border: '1px solid var(--mantine-color-gray-3)' }}
              />
            ) : null}
          </Stack>
        ) : null}
        <Group
          justify="flex-end"
          pos="sticky"
          bottom={0}
          py="xs"
          bg="var(--mantine-color-body)"
          style={{ zIndex: 1 }}
        >
          <Button variant="default" onClick={onCancel}>
            {t('close')}
          </Button>
          <Button
            color={action.kind === 'reject' || action.kind === 'withdraw' ? 'red' : undefined}
            disabled={!reasonOk || !payable}
            loading={pending}
            data-testid="confirm-action"
            onClick={() => onConfirm(repeat ? { repeatReason: reason.trim() } : {})}
          >
            {t('confirmDo', { action: action.label })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
