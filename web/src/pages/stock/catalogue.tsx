import type { Item, ItemsAnswer } from '@jaring/logistics/stock.schema.ts';
import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useFields } from '../../components/use-fields.ts';
import { formatNumber } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { stockTexts } from '../../i18n/stock.ts';
import { Problems, StockNav } from './stock-shared.tsx';

type Category = Item['category'];
export const categories: Category[] = [
  'food',
  'water',
  'shelter',
  'bedding',
  'hygiene',
  'kitchen',
  'equipment',
];

/** An empty field is "no norm" (null); anything else goes to the server as typed, to be checked there. */
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

function AddItemForm() {
  const { t } = useTexts(stockTexts);
  const client = useQueryClient();
  const { form, reset, text, choice } = useFields({
    name: '',
    uom: '',
    category: 'food' as Category,
    norm: '',
    normUnit: '',
    minimum: '',
  });
  const add = useMutation<Item, ApiError>({
    mutationFn: () =>
      post<Item>('/api/stock/items', {
        name: form.name,
        uom: form.uom,
        category: form.category,
        normPerPersonDay: numberOrNull(form.norm),
        normUnit: form.normUnit.trim() === '' ? null : form.normUnit,
        minimum: numberOrNull(form.minimum),
      }),
    onSuccess: () => {
      reset();
      void client.invalidateQueries({ queryKey: ['stock'] });
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('addItem')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('name')} {...text('name', 'item-name')} />
        <TextInput label={t('uom')} {...text('uom', 'item-uom')} />
        <Select
          label={t('category')}
          data={categories.map((c) => ({ value: c, label: t(`cat_${c}`) }))}
          {...choice('category', 'item-category')}
        />
        <TextInput label={t('norm')} inputMode="decimal" {...text('norm', 'item-norm')} />
        <TextInput label={t('normUnit')} {...text('normUnit', 'item-norm-unit')} />
        <TextInput label={t('minimum')} inputMode="numeric" {...text('minimum', 'item-minimum')} />
      </SimpleGrid>
      <Group mt="sm">
        <Button onClick={() => add.mutate()} loading={add.isPending} data-testid="item-save">
          {t('save')}
        </Button>
      </Group>
      {add.isSuccess ? (
        <Alert color="green" mt="sm">
          {t('saved')}
        </Alert>
      ) : null}
      <Problems error={add.error} />
    </Paper>
  );
}

/** The unit's catalogue of relief items, and the form that adds one. */
export function StockCataloguePage() {
  const { t, lang } = useTexts(stockTexts);
  const items = useQuery({
    queryKey: ['stock', 'items'],
    queryFn: () => get<ItemsAnswer>('/api/stock/items'),
  });
  return (
    <RequireSession>
      {(user) => (
        <Stack>
          <Title order={1} size="h2">
            {t('catalogueTitle')} · {user.unit.name}
          </Title>
          <StockNav />
          {user.permissions.includes('stock.manage') ? <AddItemForm /> : null}
          <QueryView query={items} skeleton="table">
            {({ items: list }) =>
              list.length === 0 ? (
                <Text c="dimmed">{t('noItems')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={600}>
                  <Table striped data-testid="catalogue">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('item')}</Table.Th>
                        <Table.Th>{t('uom')}</Table.Th>
                        <Table.Th>{t('category')}</Table.Th>
                        <Table.Th>{t('norm')}</Table.Th>
                        <Table.Th ta="right">{t('minimum')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((i) => (
                        <Table.Tr key={i.id} data-testid="catalogue-row">
                          <Table.Td>{i.name}</Table.Td>
                          <Table.Td>{i.uom}</Table.Td>
                          <Table.Td>{t(`cat_${i.category}`)}</Table.Td>
                          <Table.Td>
                            {i.normPerPersonDay === null
                              ? t('noNorm')
                              : `${formatNumber(i.normPerPersonDay, lang)} ${i.normUnit ?? i.uom}`}
                          </Table.Td>
                          <Table.Td ta="right">
                            {i.minimum === null ? t('noNorm') : formatNumber(i.minimum, lang)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </QueryView>
        </Stack>
      )}
    </RequireSession>
  );
}
