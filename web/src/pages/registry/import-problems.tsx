import type { ImportView } from '@jaring/registry/registry.schema.ts';
import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTexts } from '../../i18n/i18n.tsx';
import { registryTexts } from '../../i18n/registry.ts';
import { num } from './registry-format.ts';

/**
 * The first problems of an import, by row and column, with how many there are in all, and the
 * whole list to download: as an Excel workbook, or as a CSV that Indonesian Excel opens.
 */
export function ImportProblems({ view }: { view: ImportView }) {
  const { t, lang } = useTexts(registryTexts);
  const { id, problemCount, firstProblems, hasErrorFile } = view;
  if (!hasErrorFile) return null;
  const file = `/api/registry/imports/${id}/errors`;
  return (
    <Stack gap="xs" mt="sm" data-testid="import-problems">
      <Title order={3} size="h4">
        {t('problemsTitle')}
      </Title>
      {problemCount > 0 && (
        <Text size="sm" data-testid="problem-count">
          {problemCount > firstProblems.length
            ? t('problemsFirst', { count: num(problemCount, lang), shown: num(firstProblems.length, lang) })
            : t('problemsAll', { count: num(problemCount, lang) })}
        </Text>
      )}
      <Group gap="md">
        <Text size="sm">{t('errorFile')}:</Text>
        <Anchor href={`${file}?format=xlsx`} size="sm" data-testid="error-file-xlsx">
          {t('problemsXlsx')}
        </Anchor>
        <Anchor href={`${file}?format=csv`} size="sm" data-testid="error-file">
          {t('problemsCsv')}
        </Anchor>
      </Group>
      {firstProblems.length > 0 && (
        // Fifty rows stay within a screen's height: the table scrolls under its header.
        <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars visibleFrom="sm">
          <Table striped withTableBorder stickyHeader data-testid="problem-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('problemRow')}</Table.Th>
                <Table.Th>{t('problemColumn')}</Table.Th>
                <Table.Th>{t('problemLevel')}</Table.Th>
                <Table.Th>{t('problemMessage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {firstProblems.map((p) => (
                // A row can have several problems in one column, each with its own message.
                <Table.Tr key={`${p.row}-${p.column}-${p.message}`}>
                  <Table.Td>{num(p.row, lang)}</Table.Td>
                  <Table.Td>{p.column}</Table.Td>
                  <Table.Td>
                    <Badge color={p.severity === 'error' ? 'red' : 'yellow'} variant="light">
                      {t(p.severity === 'error' ? 'problemError' : 'problemWarning')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {/* On a phone four columns squeeze the message: one problem per block instead. */}
      {firstProblems.length > 0 && (
        <ScrollArea.Autosize mah={440} type="auto" hiddenFrom="sm">
          <Stack gap={6} data-testid="problem-list">
            {firstProblems.map((p) => (
              <Paper key={`${p.row}-${p.column}-${p.message}`} withBorder p={6}>
                <Text size="sm" fw={600}>
                  {t('problemRow')} {num(p.row, lang)} · {p.column} ·{' '}
                  <Text span c={p.severity === 'error' ? 'red' : 'yellow.8'} inherit>
                    {t(p.severity === 'error' ? 'problemError' : 'problemWarning')}
                  </Text>
                </Text>
                <Text size="sm">{p.message}</Text>
              </Paper>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
