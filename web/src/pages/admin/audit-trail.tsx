import type { AuditActors, AuditEntryView, AuditList } from '@jaring/audit/audit.schema.ts';
import { AuditActionLabels, AuditEntityLabels } from '@jaring/audit/audit-labels.ts';
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { get } from '../../api.ts';
import { DownloadButton } from '../../components/download-button.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { formatUnitDateTime } from '../../format.ts';
import { adminTexts } from '../../i18n/admin.ts';
import { useTexts } from '../../i18n/i18n.tsx';

interface Filters {
  actor: string | null;
  action: string | null;
  entity: string | null;
  entityId: string;
  from: string;
  to: string;
}
const noFilters: Filters = { actor: null, action: null, entity: null, entityId: '', from: '', to: '' };

function paramsOf(f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.actor) params.set('actor', f.actor);
  if (f.action) params.set('action', f.action);
  if (f.entity) params.set('entity', f.entity);
  if (f.entityId.trim()) params.set('entityId', f.entityId.trim());
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  return params;
}

/** Where an entry leads: its case, its family, or the register. */
function linkTo(link: AuditEntryView['link']): string | null {
  if (!link) return null;
  if (link.kind === 'case') return `/staf/permohonan/${link.id}`;
  if (link.kind === 'family') return `/staf/registri/keluarga/${link.id}`;
  return '/staf/registri';
}

/**
 * The unit's audit trail for the Inspektorat: filtered by user, action, object and dates (days in
 * the unit's zone), paged by entry number with nothing cut off, downloadable as XLSX, each row in
 * words (the raw code in its title) and linked to what it concerns.
 */
export function AuditTrail({ timeZone }: { timeZone: string }) {
  const { t, lang, pick } = useTexts(adminTexts);
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const actors = useQuery({
    queryKey: ['audit-actors', lang],
    queryFn: () => get<AuditActors>('/api/audit/actors'),
  });
  const trail = useInfiniteQuery({
    queryKey: ['audit', applied, lang],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const params = paramsOf(applied);
      params.set('limit', '100');
      if (pageParam) params.set('before', String(pageParam));
      return get<AuditList>(`/api/audit?${params}`);
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const exportParams = paramsOf(applied);
  exportParams.set('lang', lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));
  const entries = trail.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Stack>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('auditFilters')}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('user')}
            placeholder={t('auditAllUsers')}
            searchable
            clearable
            data={(actors.data?.actors ?? []).map((a) => ({
              value: String(a.id),
              label: `${a.name} (${a.roleLabel})`,
            }))}
            value={draft.actor}
            onChange={(actor) => set({ actor })}
            style={{ minWidth: 240 }}
            data-testid="audit-filter-user"
          />
          <Select
            label={t('action')}
            placeholder={t('auditAllActions')}
            searchable
            clearable
            data={Object.entries(AuditActionLabels)
              .map(([value, label]) => ({ value, label: pick(label) }))
              .sort((a, b) => a.label.localeCompare(b.label, lang))}
            value={draft.action}
            onChange={(action) => set({ action })}
            style={{ minWidth: 240 }}
            data-testid="audit-filter-action"
          />
          <Select
            label={t('object')}
            placeholder={t('auditAllObjects')}
            clearable
            data={Object.entries(AuditEntityLabels).map(([value, label]) => ({ value, label: pick(label) }))}
            value={draft.entity}
            onChange={(entity) => set({ entity })}
            style={{ minWidth: 180 }}
            data-testid="audit-filter-entity"
          />
          <TextInput
            label={t('auditObjectId')}
            value={draft.entityId}
            onChange={(e) => set({ entityId: e.currentTarget.value })}
            style={{ width: 130 }}
            data-testid="audit-filter-entity-id"
          />
          <TextInput
            type="date"
            label={t('auditFrom')}
            value={draft.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
            data-testid="audit-filter-from"
          />
          <TextInput
            type="date"
            label={t('auditTo')}
            value={draft.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
            data-testid="audit-filter-to"
          />
          <Button type="submit">{t('auditApply')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setDraft(noFilters);
              setApplied(noFilters);
            }}
          >
            {t('auditReset')}
          </Button>
          <DownloadButton href={`/api/audit/export.xlsx?${exportParams}`} testId="audit-export">
            {t('auditExport')}
          </DownloadButton>
        </Group>
      </Paper>
      <QueryView query={trail}>
        {() =>
          entries.length === 0 ? (
            <Text data-testid="audit-empty">{t('auditNone')}</Text>
          ) : (
            <Stack gap="xs">
              <Table.ScrollContainer minWidth={720}>
                <Table striped fz="sm" data-testid="audit-entries">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>{t('time')}</Table.Th>
                      <Table.Th>{t('user')}</Table.Th>
                      <Table.Th>{t('action')}</Table.Th>
                      <Table.Th>{t('object')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((e) => {
                      const to = linkTo(e.link);
                      // A session's or a person's id tells a reader nothing (it stays in the title).
                      const shownId =
                        e.entityId && e.entity !== 'session' && e.link?.kind !== 'register'
                          ? ` ${e.entityId}`
                          : '';
                      const object = e.entityName
                        ? `${e.entityLabel}: ${e.entityName}`
                        : `${e.entityLabel}${shownId}`;
                      return (
                        <Table.Tr key={e.seq} data-testid="audit-entry">
                          <Table.Td>{e.seq}</Table.Td>
                          <Table.Td>{formatUnitDateTime(e.at, lang, timeZone)}</Table.Td>
                          <Table.Td title={e.actorUsername ?? undefined}>
                            {e.actorName ?? e.actorUsername ?? t('auditSystem')}
                            {e.actorRoleLabel ? (
                              <Text span size="xs" c="dimmed">
                                {' '}
                                · {e.actorRoleLabel}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td title={e.action}>{e.actionLabel}</Table.Td>
                          <Table.Td title={`${e.entity}${e.entityId ? ` ${e.entityId}` : ''}`}>
                            {to ? (
                              <Anchor component={Link} to={to} size="sm" data-testid="audit-link">
                                {object}
                              </Anchor>
                            ) : (
                              object
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group>
                <Text size="sm" c="dimmed" data-testid="audit-count">
                  {t('auditShown', { count: entries.length })}
                  {trail.hasNextPage ? '' : ` · ${t('auditAll')}`}
                </Text>
                {trail.hasNextPage ? (
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() => trail.fetchNextPage()}
                    loading={trail.isFetchingNextPage}
                    data-testid="audit-more"
                  >
                    {t('auditMore')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
