import type { Emergency, EmergencyList } from '@jaring/logistics/emergencies.schema.ts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
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
import { Link } from '@tanstack/react-router';
import { type ApiError, get, post } from '../../api.ts';
import { ApiProblems, placeOf } from '../../components/api-problems.tsx';
import { useAreaOptions } from '../../components/area-options.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { useFields } from '../../components/use-fields.ts';
import { emergenciesTexts } from '../../i18n/emergencies.ts';
import { useTexts } from '../../i18n/i18n.tsx';

const declarers = ['gubernur', 'bupati', 'wali_kota'] as const;
type Declarer = (typeof declarers)[number];
const statusColor = { upcoming: 'blue', active: 'red', expired: 'gray', ended: 'gray' } as const;

/** The declaration form: the decree, the disaster, the area, start and end. */
function DeclareForm() {
  const { t } = useTexts(emergenciesTexts);
  const client = useQueryClient();
  const areaOptions = useAreaOptions();
  const { form, setForm, text, choice } = useFields({
    number: '',
    decreedOn: '',
    declaredBy: 'gubernur' as Declarer,
    disaster: '',
    areas: [] as string[],
    startsOn: '',
    endsOn: '',
  });
  const declare = useMutation<Emergency, ApiError>({
    mutationFn: () => post<Emergency>('/api/emergencies', form),
    onSuccess: () => {
      setForm((f) => ({ ...f, number: '', disaster: '', areas: [] }));
      void client.invalidateQueries({ queryKey: ['emergencies'] });
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('declare')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('number')} {...text('number', 'em-number')} />
        <TextInput type="date" label={t('decreedOn')} {...text('decreedOn', 'em-decreed-on')} />
        <Select
          label={t('declaredBy')}
          data={declarers.map((d) => ({ value: d, label: t(`by_${d}`) }))}
          {...choice('declaredBy', 'em-declared-by')}
        />
        <TextInput label={t('disaster')} {...text('disaster', 'em-disaster')} />
        <TextInput type="date" label={t('startsOn')} {...text('startsOn', 'em-starts-on')} />
        <TextInput type="date" label={t('endsOn')} {...text('endsOn', 'em-ends-on')} />
      </SimpleGrid>
      <MultiSelect
        mt="sm"
        label={t('areas')}
        searchable
        data={areaOptions.data}
        value={form.areas}
        onChange={(areas) => setForm((f) => ({ ...f, areas }))}
        data-testid="em-areas"
      />
      <Group mt="sm">
        <Button onClick={() => declare.mutate()} loading={declare.isPending} data-testid="em-declare">
          {t('save')}
        </Button>
      </Group>
      <ApiProblems
        error={declare.error}
        testId="emergency-error"
        place={(path) =>
          placeOf(
            path,
            {
              number: t('number'),
              decreedOn: t('decreedOn'),
              disaster: t('disaster'),
              areas: t('areas'),
              startsOn: t('startsOn'),
              endsOn: t('endsOn'),
            },
            (n) => String(n),
          )
        }
      />
    </Paper>
  );
}

/** One emergency: its decrees, and the forms that extend or end it. */
function EmergencyRow({
  e,
  manage,
  stock,
  unitCode,
}: {
  e: Emergency;
  manage: boolean;
  /** Whether the reader sees the stock, and with it the distribution report. */
  stock: boolean;
  unitCode: string;
}) {
  const { t } = useTexts(emergenciesTexts);
  const client = useQueryClient();
  const { form: decree, reset, text } = useFields({ number: '', decreedOn: '', endsOn: '' });
  const declaredBy = e.decrees[0]?.declaredBy ?? 'gubernur';
  const onSuccess = () => {
    reset();
    void client.invalidateQueries({ queryKey: ['emergencies'] });
  };
  const extend = useMutation<Emergency, ApiError>({
    mutationFn: () => post<Emergency>(`/api/emergencies/${e.id}/extensions`, { ...decree, declaredBy }),
    onSuccess,
  });
  const end = useMutation<Emergency, ApiError>({
    mutationFn: () =>
      post<Emergency>(`/api/emergencies/${e.id}/end`, {
        number: decree.number,
        decreedOn: decree.decreedOn,
        declaredBy,
      }),
    onSuccess,
  });
  const open = e.status !== 'ended';
  return (
    <Paper withBorder p="md" data-testid="emergency">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {e.disaster} · {e.areas.map((a) => a.name).join(', ')}
        </Title>
        <Badge color={statusColor[e.status]} data-testid="emergency-status">
          {t(`status_${e.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('startsOn')} {e.startsOn} · {t('endsOn')} {e.endsOn}
      </Text>
      <Group gap="md" mt={4}>
        {stock ? (
          <Anchor
            size="sm"
            data-testid="distribution-link"
            renderRoot={(props) => (
              <Link {...props} to="/staf/logistik/penyaluran" search={{ kejadian: String(e.id) }} />
            )}
          >
            {t('distribution')}
          </Anchor>
        ) : null}
        <Anchor
          component={Link}
          to={`/layanan/${unitCode}/tanggap-darurat/${e.id}`}
          size="sm"
          data-testid="public-link"
        >
          {t('publicPage')}
        </Anchor>
      </Group>
      <Table mt="xs" withRowBorders={false} verticalSpacing={2} data-testid="decrees">
        <Table.Tbody>
          {e.decrees.map((d) => (
            <Table.Tr key={`${d.kind}${d.number}${d.recordedAt}`}>
              <Table.Td>{t(`kind_${d.kind}`)}</Table.Td>
              <Table.Td>{d.number}</Table.Td>
              <Table.Td>{d.decreedOn}</Table.Td>
              <Table.Td>{t(`by_${d.declaredBy}`)}</Table.Td>
              <Table.Td>{d.kind === 'termination' ? '' : `${t('endsOn')} ${d.endsOn}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manage && open ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          <TextInput label={t('number')} {...text('number', 'decree-number')} />
          <TextInput type="date" label={t('decreedOn')} {...text('decreedOn', 'decree-date')} />
          <TextInput type="date" label={t('newEnd')} {...text('endsOn', 'decree-ends-on')} />
          <Group>
            <Button
              variant="light"
              onClick={() => extend.mutate()}
              loading={extend.isPending}
              data-testid="extend"
            >
              {t('extend')}
            </Button>
            <Button
              variant="outline"
              color="red"
              onClick={() => end.mutate()}
              loading={end.isPending}
              data-testid="end"
            >
              {t('end')}
            </Button>
          </Group>
        </SimpleGrid>
      ) : null}
      <ApiProblems error={extend.error ?? end.error} testId="emergency-error" />
    </Paper>
  );
}

/** Emergencies of the unit (status tanggap darurat): relief requests open only under an active one. */
export function EmergenciesPage() {
  const { t } = useTexts(emergenciesTexts);
  const list = useQuery({ queryKey: ['emergencies'], queryFn: () => get<EmergencyList>('/api/emergencies') });
  return (
    <RequireSession>
      {(user) => {
        const manage = user.permissions.includes('emergencies.manage');
        return (
          <Stack>
            <Title order={1} size="h2">
              {t('title')} · {user.unit.name}
            </Title>
            {manage ? <DeclareForm /> : null}
            <QueryView query={list} skeleton="cards">
              {({ emergencies }) =>
                emergencies.length === 0 ? (
                  <Text c="dimmed">{t('none')}</Text>
                ) : (
                  <Stack>
                    {emergencies.map((e) => (
                      <EmergencyRow
                        key={e.id}
                        e={e}
                        manage={manage}
                        stock={user.permissions.includes('stock.read')}
                        unitCode={user.unit.code}
                      />
                    ))}
                  </Stack>
                )
              }
            </QueryView>
          </Stack>
        );
      }}
    </RequireSession>
  );
}
