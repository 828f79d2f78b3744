import type { RegisterSummary, SearchResult } from '@jaring/registry/registry.schema.ts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { ReasonModal } from '../../components/reveal.tsx';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { registryTexts } from '../../i18n/registry.ts';
import { label, num, type SearchProblem, searchProblem, sexShort } from './registry-format.ts';

/** The register: search by NIK, KK number, name or village; masked numbers; export. */
export function RegistryPage() {
  const { t, lang } = useTexts(registryTexts);
  const [q, setQ] = useState('');
  const [qProblem, setQProblem] = useState<SearchProblem | null>(null);
  const [village, setVillage] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{ q: string; village: string | null }>({ q: '', village: null });
  const [exportOpen, setExportOpen] = useState(false);
  const [format, setFormat] = useState<'csv' | 'csv-excel' | 'xlsx'>('xlsx');
  const summary = useQuery({
    queryKey: ['registry-summary'],
    queryFn: () => get<RegisterSummary>('/api/registry/summary'),
  });
  const active = submitted.q !== '' || submitted.village !== null;
  const results = useInfiniteQuery({
    queryKey: ['registry-search', submitted],
    enabled: active,
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      if (submitted.q) params.set('q', submitted.q);
      if (submitted.village) params.set('village', submitted.village);
      if (pageParam) params.set('after', pageParam);
      return get<SearchResult>(`/api/registry/people?${params}`);
    },
    getNextPageParam: (last) => last.next,
  });
  const exporting = useMutation({
    mutationFn: (reason: string) =>
      post<{ url: string }>('/api/registry/exports', {
        format,
        reason,
        ...(submitted.q ? { q: submitted.q } : {}),
        ...(submitted.village ? { village: submitted.village } : {}),
      }),
    onSuccess: (r) => {
      setExportOpen(false);
      window.location.assign(r.url);
    },
  });
  const people = results.data?.pages.flatMap((p) => p.people) ?? [];
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Group justify="space-between" align="baseline">
            <Title order={1} size="h2">
              {t('registerTitle')} · {user.unit.name}
            </Title>
            {/* Importers have the import in the menu; the others may read what was imported. */}
            {!user.permissions.includes('registry.import') && (
              <Anchor component={Link} to="/staf/registri/impor" data-testid="import-history-link">
                {t('importHistory')}
              </Anchor>
            )}
          </Group>
          <QueryView query={summary}>
            {(s) => (
              <Stack gap="md">
                <Text c="dimmed" data-testid="registry-totals">
                  {num(s.totals.people, lang)} {t(s.totals.people === 1 ? 'personIn' : 'peopleIn')}{' '}
                  {num(s.totals.families, lang)} {t(s.totals.families === 1 ? 'oneFamily' : 'families')}
                  {s.village ? ` · ${t('village')} ${s.village.name}` : ''}
                </Text>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const term = q.trim();
                    const problem = searchProblem(term);
                    setQProblem(problem);
                    if (!problem) setSubmitted({ q: term, village });
                  }}
                >
                  <Group align="flex-end">
                    <TextInput
                      label={t('searchLabel')}
                      placeholder={t('searchPlaceholder')}
                      value={q}
                      onChange={(e) => setQ(e.currentTarget.value)}
                      error={qProblem !== null}
                      aria-describedby={qProblem ? 'registry-q-error' : undefined}
                      style={{ flex: 1, minWidth: 240 }}
                      data-testid="registry-q"
                    />
                    {!s.village && (
                      <Select
                        label={t('villageSelect')}
                        placeholder={t('allVillagesPlaceholder')}
                        searchable
                        clearable
                        clearButtonProps={{
                          // Mantine hides it from assistive technology by default.
                          'aria-hidden': false,
                          'aria-label': t('allVillages'),
                        }}
                        limit={50}
                        data={s.villages.map((v) => ({ value: v.code, label: `${v.name} (${v.district})` }))}
                        value={village}
                        onChange={setVillage}
                        style={{ minWidth: 260 }}
                        data-testid="registry-village"
                      />
                    )}
                    <Button type="submit">{t('search')}</Button>
                    {user.permissions.includes('registry.export') && (
                      <Button variant="light" onClick={() => setExportOpen(true)}>
                        {t('export')}
                      </Button>
                    )}
                  </Group>
                  {qProblem && (
                    <Text id="registry-q-error" c="red" size="sm" mt={4} role="alert">
                      {qProblem.key === 'wrongLength'
                        ? t('wrongLength', { digits: qProblem.digits })
                        : t('tooShort')}
                    </Text>
                  )}
                </form>
              </Stack>
            )}
          </QueryView>
          {!active ? (
            <Paper withBorder p="lg">
              <Text c="dimmed">{t('searchHelp')}</Text>
            </Paper>
          ) : (
            <QueryView query={results}>
              {() =>
                people.length === 0 ? (
                  <Paper withBorder p="lg">
                    <Text>{t('noMatch')}</Text>
                  </Paper>
                ) : (
                  <Stack>
                    <Table.ScrollContainer minWidth={760}>
                      <Table striped data-testid="registry-results">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>NIK</Table.Th>
                            <Table.Th>{t('name')}</Table.Th>
                            <Table.Th>{t('sex')}</Table.Th>
                            <Table.Th>{t('birthDate')}</Table.Th>
                            <Table.Th>{t('relationship')}</Table.Th>
                            <Table.Th>{t('village')}</Table.Th>
                            <Table.Th>{t('kk')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {people.map((p) => (
                            <Table.Tr key={p.id}>
                              <Table.Td ff="monospace">{p.nik}</Table.Td>
                              <Table.Td>
                                <Anchor component={Link} to={`/staf/registri/keluarga/${p.familyId}`}>
                                  {p.name}
                                </Anchor>
                                {!p.alive && (
                                  <Badge ml="xs" color="gray" size="xs">
                                    {t('deceased')}
                                  </Badge>
                                )}
                              </Table.Td>
                              <Table.Td>{sexShort(p.sex, lang)}</Table.Td>
                              <Table.Td>{formatDate(p.birthDate, lang)}</Table.Td>
                              <Table.Td>{label('relationship', p.relationship, lang)}</Table.Td>
                              <Table.Td>{p.villageName}</Table.Td>
                              <Table.Td ff="monospace">{p.kk}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                    {results.hasNextPage && (
                      <Button
                        variant="default"
                        loading={results.isFetchingNextPage}
                        onClick={() => void results.fetchNextPage()}
                      >
                        {t('loadMore')}
                      </Button>
                    )}
                  </Stack>
                )
              }
            </QueryView>
          )}
          <ReasonModal
            opened={exportOpen}
            title={t('exportTitle')}
            onClose={() => setExportOpen(false)}
            onConfirm={(reason) => exporting.mutate(reason)}
            busy={exporting.isPending}
            error={(exporting.error as ApiError | null)?.message}
          >
            <Text size="sm">
              {active ? t('exportSearch') : t('exportAll')}{' '}
              {user.permissions.includes('registry.reveal') ? t('exportFull') : t('exportMasked')}
            </Text>
            <Radio.Group
              label={t('format')}
              value={format}
              onChange={(v) => setFormat(v as 'csv' | 'csv-excel' | 'xlsx')}
            >
              <Stack mt="xs" gap="xs">
                <Radio value="xlsx" label="Excel (XLSX)" />
                <Radio value="csv-excel" label={t('formatCsvExcel')} description={t('formatCsvExcelHint')} />
                <Radio value="csv" label={t('formatCsv')} description={t('formatCsvHint')} />
              </Stack>
            </Radio.Group>
          </ReasonModal>
        </Stack>
      )}
    </RequireSession>
  );
}
