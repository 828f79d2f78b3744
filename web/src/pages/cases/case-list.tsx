import type { CaseList, CaseListOptions } from '@jaring/cases/case-list.schema.ts';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { type ApiError, get } from '../../api.ts';
import { CaseOriginLine } from '../../components/case-origin.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { caseListTexts } from '../../i18n/case-list.ts';
import { componentTexts } from '../../i18n/components.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { unitTime } from './case-view.ts';

/** The list's filters as they stand in the address, so that a link (from the home) opens them. */
const filterKeys = ['q', 'service', 'product', 'status', 'step', 'due', 'assignee', 'queue'] as const;
type Filters = Partial<Record<(typeof filterKeys)[number], string>>;

function filtersOf(search: Record<string, unknown>): Filters {
  const out: Filters = {};
  for (const k of filterKeys) {
    const v = search[k];
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  return out;
}

function queryString(f: Filters, after?: number): string {
  const p = new URLSearchParams();
  for (const k of filterKeys) if (f[k]) p.set(k, f[k]);
  if (after) p.set('after', String(after));
  return p.toString();
}

/** Semua permohonan: every case of the office, found by code, name or NIK, filtered, paged by keyset. */
export function CaseListPage() {
  const { t, pick, lang } = useTexts(caseListTexts);
  const status = useTexts(componentTexts).t;
  const navigate = useNavigate();
  const inAddress = filtersOf(useSearch({ strict: false }) as Record<string, unknown>);
  // A NIK searched for stays out of the address bar and the browser's history.
  const [nikQuery, setNikQuery] = useState<string | undefined>(undefined);
  const filters: Filters = nikQuery && !inAddress.q ? { ...inAddress, q: nikQuery } : inAddress;
  const [typed, setTyped] = useState(filters.q ?? '');
  const [searchError, setSearchError] = useState<string | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  // The cursors of the pages before this one; the first page has none.
  const [cursors, setCursors] = useState<number[]>([]);
  const after = cursors.at(-1);
  const options = useQuery({
    queryKey: ['case-list-options'],
    queryFn: () => get<CaseListOptions>('/api/cases/list/options'),
  });
  const list = useQuery({
    queryKey: ['case-list', filters, after],
    queryFn: () => get<CaseList>(`/api/cases/list?${queryString(filters, after)}`),
    placeholderData: keepPreviousData,
  });
  const setFilters = (next: Filters) => {
    setCursors([]);
    const nik = next.q && /^\d{16}$/.test(next.q.replace(/[\s.]/g, '')) ? next.q : undefined;
    setNikQuery(nik);
    void navigate({
      to: '/staf/permohonan/semua',
      search: filtersOf(nik ? { ...next, q: undefined } : next) as never,
    });
  };
  const set = (key: keyof Filters, value: string | null) => {
    const next = { ...filters, [key]: value ?? undefined };
    // A product or step belongs to a service: changing the service clears them.
    if (key === 'service') {
      delete next.product;
      delete next.step;
    }
    setFilters(next);
  };
  // A tracking code typed at the desk opens its case at once.
  const search = async () => {
    const q = typed.trim();
    setSearchError(null);
    if (q) {
      try {
        const found = await get<CaseList>(`/api/cases/list?${queryString({ q }, undefined)}&limit=1`);
        if (found.exact !== null) {
          void navigate({ to: '/staf/permohonan/$id', params: { id: String(found.exact) } });
          return;
        }
      } catch (e) {
        setSearchError((e as ApiError).message);
        return;
      }
    }
    setFilters({ ...filters, q: q || undefined });
  };
  const service = options.data?.services.find((s) => String(s.id) === filters.service);
  const select = (key: keyof Filters, label: string, data: Array<{ value: string; label: string }>) => (
    <Select
      label={label}
      placeholder={t('any')}
      data={data}
      value={filters[key] ?? null}
      onChange={(v) => set(key, v)}
      clearable
      data-testid={`filter-${key}`}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('allCases')} · {user.unit.name}
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void search();
            }}
          >
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={t('searchLabel')}
                placeholder={t('searchPlaceholder')}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                error={searchError}
                style={{ flex: 1 }}
                data-testid="case-search"
              />
              <Button type="submit">{t('searchButton')}</Button>
            </Group>
          </form>
          <Button
            hiddenFrom="sm"
            variant="light"
            onClick={() => setShowFilters((o) => !o)}
            data-testid="toggle-filters"
          >
            {t('filters', { count: Object.keys(inAddress).length })}
          </Button>
          {/* On a phone the filters fold away until asked for; from `sm` they always show. */}
          <Box {...(showFilters ? {} : { visibleFrom: 'sm' })}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              {select(
                'service',
                t('filterService'),
                (options.data?.services ?? []).map((s) => ({ value: String(s.id), label: s.name })),
              )}
              {select(
                'product',
                t('filterProduct'),
                (service?.products ?? []).map((p) => ({ value: p.id, label: p.label })),
              )}
              {select(
                'step',
                t('filterStep'),
                (service?.steps ?? []).map((s) => ({ value: s.id, label: s.label })),
              )}
              {select('status', t('filterStatus'), [
                { value: 'waiting', label: t('statusWaiting') },
                ...(['open', 'returned', 'done', 'rejected', 'withdrawn'] as const).map((s) => ({
                  value: s,
                  label: status(`status_${s}`),
                })),
              ])}
              {select('due', t('filterDue'), [
                { value: 'overdue', label: t('dueOverdue') },
                { value: 'today', label: t('dueToday') },
                { value: 'paused', label: t('duePaused') },
              ])}
              {select('assignee', t('filterAssignee'), [
                { value: 'me', label: t('assigneeMe') },
                { value: 'none', label: t('assigneeNone') },
              ])}
              {(options.data?.roles.length ?? 0) > 0
                ? select(
                    'queue',
                    t('filterQueue'),
                    (options.data?.roles ?? []).map((r) => ({ value: r.role, label: pick(r.label) })),
                  )
                : null}
            </SimpleGrid>
          </Box>
          {Object.keys(filters).length > 0 ? (
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  setTyped('');
                  setFilters({});
                }}
              >
                {t('clearFilters')}
              </Button>
            </Group>
          ) : null}
          <QueryView query={list}>
            {(page) =>
              page.cases.length === 0 ? (
                <Alert color="gray" data-testid="case-list-empty">
                  {t('noneFound')}
                </Alert>
              ) : (
                <Stack>
                  <Text size="sm" c="dimmed" data-testid="case-list-total">
                    {t('shown', {
                      from: cursors.length * 50 + 1,
                      to: cursors.length * 50 + page.cases.length,
                      total: page.total,
                    })}
                  </Text>
                  <Table.ScrollContainer minWidth={760}>
                    <Table striped highlightOnHover data-testid="case-list">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('colCode')}</Table.Th>
                          <Table.Th>{t('colApplicant')}</Table.Th>
                          <Table.Th>{t('colService')}</Table.Th>
                          <Table.Th>{t('colStep')}</Table.Th>
                          <Table.Th>{t('colOfficer')}</Table.Th>
                          <Table.Th>{t('colDue')}</Table.Th>
                          <Table.Th>{t('filterStatus')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {page.cases.map((c) => (
                          <Table.Tr key={c.id} bg={c.overdue ? 'var(--mantine-color-red-0)' : undefined}>
                            <Table.Td>
                              <Anchor component={Link} to={`/staf/permohonan/${c.id}`} ff="monospace">
                                {c.trackingCode}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>
                              {c.applicantName}
                              <CaseOriginLine origin={c.origin} size="xs" />
                              {c.applicantNik ? (
                                <Text size="xs" c="dimmed" ff="monospace">
                                  {c.applicantNik}
                                </Text>
                              ) : null}
                            </Table.Td>
                            <Table.Td>
                              {c.service}
                              {c.product ? (
                                <Text size="xs" c="dimmed">
                                  {c.product}
                                </Text>
                              ) : null}
                            </Table.Td>
                            <Table.Td>{c.step ?? '—'}</Table.Td>
                            <Table.Td>{c.assignee ?? '—'}</Table.Td>
                            <Table.Td>
                              {unitTime(c.dueAt, lang, user.unit.timeZone)}{' '}
                              {c.overdue ? <Badge color="red">{t('dueOverdue')}</Badge> : null}
                              {c.paused ? <Badge color="yellow">{t('paused')}</Badge> : null}
                            </Table.Td>
                            <Table.Td>
                              <StatusBadge status={c.status} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <Group>
                    {cursors.length > 0 ? (
                      <>
                        <Button variant="default" onClick={() => setCursors([])}>
                          {t('firstPage')}
                        </Button>
                        <Button variant="default" onClick={() => setCursors((c) => c.slice(0, -1))}>
                          {t('previousPage')}
                        </Button>
                      </>
                    ) : null}
                    {page.next !== null ? (
                      <Button
                        variant="default"
                        onClick={() => setCursors((c) => (page.next === null ? c : [...c, page.next]))}
                        data-testid="next-page"
                      >
                        {t('nextPage')}
                      </Button>
                    ) : null}
                  </Group>
                </Stack>
              )
            }
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
