import type { RegencyList } from '@jaring/regions/regions.schema.ts';
import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import type { CaseView, ClaimsPreview, WorkflowAction } from './case-view.ts';
import { ClaimsAlert } from './claims-alert.tsx';
import { ConfirmAction, needsConfirmation } from './confirm-action.tsx';
import { GoodsForm, type GoodsState, goodsPreviewOf, isGoodsProblem } from './logistics-lines.tsx';

/** All regencies/cities for region fields. */
function useRegencies(enabled: boolean) {
  return useQuery({
    queryKey: ['regencies'],
    queryFn: () => get<RegencyList>('/api/regions/regencies'),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * What the user may do next on a request: claim it, or one of the step's actions with its note
 * and fields; with the checks the server ran before (repeat claims) and its refusals.
 */
export function CaseActions({
  id,
  v,
  refresh,
  signer,
}: {
  id: string;
  v: CaseView;
  refresh: () => void;
  /** The signed-in user, named in the confirmation of a letter-issuing action. */
  signer: string;
}) {
  const { t } = useTexts(casesTexts);
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [fieldValues, setFieldValues] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<WorkflowAction | null>(null);
  // The goods of a relief request's action (lines, warehouse, returns), by action id.
  const [goods, setGoods] = useState<Record<string, GoodsState>>({});
  const formData = (fields?: string[]) =>
    Object.fromEntries((fields ?? []).flatMap((f) => (fieldValues[f] ? [[f, fieldValues[f]]] : [])));
  const hasRegionField = v.available.some((a) => a.fields?.some((f) => f.kind === 'region'));
  const regencies = useRegencies(hasRegionField);
  const act = useMutation<
    CaseView,
    ApiError,
    { action: string; version: number; fields?: string[]; extra?: Record<string, string> }
  >({
    mutationFn: ({ action, version, fields, extra }) => {
      const lines = goods[action]?.data;
      const data = { ...formData(fields), ...lines, ...extra };
      return post(`/api/cases/${id}/actions`, {
        action,
        version,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(fields?.length || extra || lines ? { data } : {}),
      });
    },
    onSuccess: (data) => {
      setConfirming(null);
      setNote('');
      client.setQueryData(['case', id], data);
      refresh();
    },
    onError: () => {
      setConfirming(null);
      refresh();
    },
  });
  // A refused action reloads the case; when nothing is left to do here (another desk moved it on
  // meanwhile), the refusal still shows, so that nobody believes their action was kept.
  if (v.available.length === 0)
    return act.isError ? (
      <Paper withBorder p="md" className="no-print">
        <ActionError error={act.error} />
      </Paper>
    ) : null;
  const fieldsOf = (a: WorkflowAction) => ('fields' in a ? a.fields?.map((f) => f.id) : undefined);
  return (
    <Paper withBorder p="md" className="no-print">
      <Stack>
        {v.available.map((a) => {
          const preview = v.previews[a.id];
          return preview && (preview as ClaimsPreview).kind === 'relief.claims' ? (
            <ClaimsAlert key={`preview-${a.id}`} preview={preview as ClaimsPreview} />
          ) : null;
        })}
        {v.available
          .filter((a) => a.fields?.length)
          .map((a) => (
            <SimpleGrid key={`fields-${a.id}`} cols={{ base: 1, sm: 3 }}>
              {(a.fields ?? []).map((f) =>
                f.kind === 'region' ? (
                  <Select
                    key={f.id}
                    label={f.label}
                    searchable
                    required={f.required}
                    data-testid={`field-${f.id}`}
                    data={(regencies.data?.regencies ?? []).map((r) => ({
                      value: r.code,
                      label: `${r.name} (${r.province})`,
                    }))}
                    value={fieldValues[f.id] ?? null}
                    onChange={(value) => setFieldValues((prev) => ({ ...prev, [f.id]: value ?? '' }))}
                  />
                ) : (
                  <TextInput
                    key={f.id}
                    label={f.label}
                    required={f.required}
                    value={fieldValues[f.id] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setFieldValues((prev) => ({ ...prev, [f.id]: value }));
                    }}
                  />
                ),
              )}
            </SimpleGrid>
          ))}
        {v.available.map((a) => {
          const preview = goodsPreviewOf(v, a.id);
          return preview ? (
            <GoodsForm
              key={`goods-${a.id}`}
              caseId={v.case.id}
              actionId={a.id}
              preview={preview}
              fields={fieldValues}
              error={act.variables?.action === a.id ? act.error : null}
              onChange={(state) => setGoods((was) => ({ ...was, [a.id]: state }))}
            />
          ) : null;
        })}
        <Textarea
          label={t('note')}
          description={t('noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group>
          {v.state.assignee === null && v.state.status === 'open' ? (
            <Button
              variant="default"
              loading={act.isPending && act.variables?.action === 'claim'}
              onClick={() => act.mutate({ action: 'claim', version: v.case.version })}
            >
              {t('claim')}
            </Button>
          ) : null}
          {v.available.map((a) => (
            <Button
              key={a.id}
              color={a.kind === 'reject' || a.kind === 'withdraw' ? 'red' : undefined}
              variant={actionVariant(v, a)}
              data-kind={a.kind}
              // A long label wraps on a phone instead of being cut off.
              h="auto"
              mih={36}
              py={6}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
              loading={act.isPending && act.variables?.action === a.id}
              disabled={goods[a.id]?.ready === false}
              onClick={() =>
                needsConfirmation(a)
                  ? setConfirming(a)
                  : act.mutate({ action: a.id, version: v.case.version, fields: fieldsOf(a) })
              }
            >
              {a.kind === 'resume' ? t('resume') : a.label}
            </Button>
          ))}
        </Group>
        {act.isError ? <ActionError error={act.error} /> : null}
      </Stack>
      {confirming ? (
        <ConfirmAction
          v={v}
          action={confirming}
          data={formData(fieldsOf(confirming))}
          goods={goods[confirming.id]?.data}
          note={note}
          signer={signer}
          pending={act.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={(extra) =>
            act.mutate({
              action: confirming.id,
              version: v.case.version,
              fields: fieldsOf(confirming),
              extra,
            })
          }
        />
      ) : null}
    </Paper>
  );
}

/**
 * The step's way on is the one primary button; going back (a return to the applicant, or a
 * forward to an earlier step such as "kembalikan ke petugas") is secondary, a refusal red outline.
 */
function actionVariant(v: CaseView, a: WorkflowAction): 'filled' | 'default' | 'outline' {
  if (a.kind === 'reject' || a.kind === 'withdraw') return 'outline';
  if (a.kind === 'return') return 'default';
  if (a.kind === 'forward' && a.to) {
    const order = Object.keys(v.labels);
    if (v.step && order.indexOf(a.to) <= order.indexOf(v.step.id)) return 'default';
  }
  return 'filled';
}

/**
 * Why the action was refused. A conflict means another desk acted first: this one's action was
 * not kept, and the page now shows the case as it stands. A problem's message names its field.
 */
function ActionError({ error }: { error: ApiError }) {
  const { t } = useTexts(casesTexts);
  const problems = error.problems.filter((p) => !isGoodsProblem(p.path));
  return (
    <Alert color="red" role="alert" data-testid="action-error">
      {error.code === 'case.conflict' ? t('actedMeanwhile') : error.message}
      {problems.length > 0 ? (
        <List size="sm">
          {problems.map((p) => (
            <List.Item key={p.path}>{p.message}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
