import type { CaseOpened } from '@jaring/cases/cases.schema.ts';
import type { StaffStandardList } from '@jaring/standards/standards.schema.ts';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { type ApiError, get, post } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { RequireSession } from '../../components/require-session.tsx';
import { casesTexts } from '../../i18n/cases.ts';
import { useTexts } from '../../i18n/i18n.tsx';

/** The front desk's intake form, generated from the standard: product, applicant, checklist. */
export function IntakePage() {
  const { t } = useTexts(casesTexts);
  const navigate = useNavigate();
  const services = useQuery({
    queryKey: ['staff-standards'],
    queryFn: () => get<StaffStandardList>('/api/staff/standards'),
  });
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [product, setProduct] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nik, setNik] = useState('');
  const [phone, setPhone] = useState('');
  const open = useMutation<CaseOpened, ApiError>({
    mutationFn: () =>
      post('/api/cases', {
        standardId: serviceId,
        ...(product ? { product } : {}),
        applicant: { name, ...(nik ? { nik } : {}), ...(phone ? { phone } : {}) },
      }),
    onSuccess: ({ id }) => void navigate({ to: `/staf/permohonan/${id}` }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };
  return (
    <RequireSession>
      {() => (
        <QueryView query={services}>
          {({ standards }) => {
            const runnable = standards.filter((s) => s.hasWorkflow);
            const service = runnable.find((s) => s.id === serviceId);
            const needsProduct = (service?.products.length ?? 0) > 1;
            const checklist = (service?.requirements ?? []).filter(
              (r) => !r.products || (product !== null && r.products.includes(product)),
            );
            return (
              <Paper withBorder p="lg" maw={720}>
                <form onSubmit={submit}>
                  <Stack>
                    <Title order={1} size="h2">
                      {t('newRequest')}
                    </Title>
                    {runnable.length === 0 ? <Alert color="yellow">{t('noWorkflow')}</Alert> : null}
                    <Select
                      label={t('service')}
                      data={runnable.map((s) => ({ value: s.id, label: s.name }))}
                      value={serviceId}
                      onChange={(v) => {
                        setServiceId(v);
                        setProduct(null);
                      }}
                      required
                    />
                    {needsProduct ? (
                      <Select
                        label={t('serviceProduct')}
                        data={(service?.products ?? []).map((p) => ({ value: p.id, label: p.name }))}
                        value={product}
                        onChange={setProduct}
                        required
                      />
                    ) : null}
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <TextInput
                        label={t('applicantName')}
                        value={name}
                        onChange={(e) => setName(e.currentTarget.value)}
                        required
                      />
                      <TextInput
                        label="NIK"
                        value={nik}
                        onChange={(e) => setNik(e.currentTarget.value.replace(/\D/g, '').slice(0, 16))}
                        inputMode="numeric"
                        error={nik && nik.length !== 16 ? t('nikLength') : undefined}
                      />
                      <TextInput
                        label={t('phone')}
                        value={phone}
                        onChange={(e) => setPhone(e.currentTarget.value)}
                      />
                    </SimpleGrid>
                    {service ? (
                      <Card withBorder>
                        <Text fw={600} mb="xs">
                          {t('requirementsBrought')}
                        </Text>
                        <Stack gap={4}>
                          {checklist.map((r) => (
                            <Checkbox key={r.id} label={r.text} />
                          ))}
                        </Stack>
                        <Text size="xs" c="dimmed" mt="xs">
                          {t('scansLater')}
                        </Text>
                      </Card>
                    ) : null}
                    {open.isError ? <Alert color="red">{open.error.message}</Alert> : null}
                    <Group>
                      <Button
                        type="submit"
                        loading={open.isPending}
                        disabled={
                          !service ||
                          !name.trim() ||
                          (needsProduct && !product) ||
                          (nik !== '' && nik.length !== 16)
                        }
                      >
                        {t('createRequest')}
                      </Button>
                    </Group>
                  </Stack>
                </form>
              </Paper>
            );
          }}
        </QueryView>
      )}
    </RequireSession>
  );
}
