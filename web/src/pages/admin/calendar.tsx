import type { CalendarView as Calendar } from '@jaring/calendar/calendar.schema.ts';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ApiError, api, get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { formatDate } from '../../format.ts';
import { adminTexts } from '../../i18n/admin.ts';
import { useTexts } from '../../i18n/i18n.tsx';

const kinds = ['libur_nasional', 'cuti_bersama', 'libur_lokal'] as const;
type Kind = (typeof kinds)[number];
/** ISO weekdays, Monday first, as the calendar's office hours are keyed. */
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** The unit's working calendar: office hours and closed days of a year; editable with permission. */
export function CalendarPage() {
  const { t, lang } = useTexts(adminTexts);
  const client = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('libur_lokal');
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => get<Calendar>(`/api/calendar?year=${year}`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });
  const add = useMutation<void, ApiError>({
    mutationFn: () => api('PUT', `/api/calendar/days/${date}`, { name, kind }),
    onSuccess: () => {
      setDate('');
      setName('');
      void refresh();
    },
  });
  const remove = useMutation<void, ApiError, string>({
    mutationFn: (d) => api('DELETE', `/api/calendar/days/${d}`),
    onSuccess: () => void refresh(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <RequireSession>
      {(user) => {
        const canEdit = user.permissions.includes('calendar.manage');
        return (
          <Stack>
            <Title order={1} size="h2">
              {t('calendarTitle')} · {user.unit.name}
            </Title>
            <NumberInput
              label={t('year')}
              value={year}
              onChange={(v) => typeof v === 'number' && setYear(v)}
              min={2020}
              max={2100}
              maw={160}
            />
            <QueryView query={calendar}>
              {(cal) => (
                <Stack>
                  <Paper withBorder p="md">
                    <Title order={2} size="h4" mb="xs">
                      {t('officeHours')} ({cal.timeZone})
                    </Title>
                    {weekdays.map((day) => (
                      <Text size="sm" key={day}>
                        {t(`weekday_${day}`)}:{' '}
                        {(cal.officeHours[String(day)] ?? []).map((h) => `${h.start}–${h.end}`).join(', ') ||
                          t('closed')}
                      </Text>
                    ))}
                  </Paper>
                  <Table.ScrollContainer minWidth={480}>
                    <Table striped data-testid="closed-days">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('date')}</Table.Th>
                          <Table.Th>{t('dayName')}</Table.Th>
                          <Table.Th>{t('dayKind')}</Table.Th>
                          {canEdit ? <Table.Th /> : null}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {cal.closedDates.length === 0 ? (
                          <Table.Tr>
                            <Table.Td colSpan={4}>{t('noClosedDays')}</Table.Td>
                          </Table.Tr>
                        ) : null}
                        {cal.closedDates.map((d) => (
                          <Table.Tr key={d.date}>
                            <Table.Td>{formatDate(d.date, lang)}</Table.Td>
                            <Table.Td>{d.name}</Table.Td>
                            <Table.Td>
                              <Badge variant="light">{t(`kind_${d.kind}`)}</Badge>
                            </Table.Td>
                            {canEdit ? (
                              <Table.Td>
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red"
                                  onClick={() => {
                                    if (window.confirm(t('confirmWorkingDay', { date: d.date })))
                                      remove.mutate(d.date);
                                  }}
                                >
                                  {t('remove')}
                                </Button>
                              </Table.Td>
                            ) : null}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              )}
            </QueryView>
            {canEdit ? (
              <Paper withBorder p="md">
                <form onSubmit={submit}>
                  <Stack>
                    <Title order={2} size="h4">
                      {t('addClosedDay')}
                    </Title>
                    <Group align="end">
                      <TextInput
                        type="date"
                        label={t('date')}
                        value={date}
                        onChange={(e) => setDate(e.currentTarget.value)}
                        required
                      />
                      <TextInput
                        label={t('dayName')}
                        value={name}
                        onChange={(e) => setName(e.currentTarget.value)}
                        required
                      />
                      <Select
                        label={t('dayKind')}
                        data={kinds.map((value) => ({ value, label: t(`kind_${value}`) }))}
                        value={kind}
                        onChange={(v) => v && setKind(v as Kind)}
                        allowDeselect={false}
                      />
                      <Button type="submit" disabled={!date || !name.trim()} loading={add.isPending}>
                        {t('save')}
                      </Button>
                    </Group>
                    {add.isError || remove.isError ? (
                      <Alert color="red">{(add.error ?? remove.error)?.message}</Alert>
                    ) : null}
                  </Stack>
                </form>
              </Paper>
            ) : null}
          </Stack>
        );
      }}
    </RequireSession>
  );
}
