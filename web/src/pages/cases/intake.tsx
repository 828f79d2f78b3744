import type { CaseOpened } from '@jaring/cases/cases.schema.ts';
import { conditionHolds, type IntakeAnswers, requirementText } from '@jaring/standards/intake.ts';
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
import { IntakeQuestions, intakeComplete } from './intake-fields.tsx';
import { useNikCheck } from './nik-check.tsx';

/**
 * The front desk's intake form, generated from the standard: product, applicant, the standard's
 * intake questions, and the checklist of papers, which follows the product and the answers.
 */
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
  const [answers, setAnswers] = useState<IntakeAnswers>({});
  const [ticked, setTicked] = useState<string[]>([]);
  const nikCheck = useNikCheck(nik);
  const open = useMutation<CaseOpened, ApiError, string[]>({
    mutationFn: (papersSeen) =>
      post('/api/cases', {
        standardId: serviceId,
        ...(product ? { product } : {}),
        applicant: { name, ...(nik ? { nik } : {}), ...(phone ? { phone } : {}) },
        intake: answers,
        papersSeen,
      }),
    onSuccess: ({ id }) => void navigate({ to: `/staf/permohonan/${id}` }),
  });
  return (
    <RequireSession>
      {() => (
        <QueryView query={services}>
          {({ standards }) => {
            const runnable = standards.filter((s) => s.hasWorkflow);
            const service = runnable.find((s) => s.id === serviceId);
            const needsProduct = (service?.products.length ?? 0) > 1;
            const questions = service?.intake ?? [];
            const checklist = (service?.requirements ?? []).filter(
              (r) =>
                (!r.products || (product !== null && r.products.includes(product))) &&
                conditionHolds(r.when, answers),
            );
            // Only ticks still on the checklist: a product or an answer changed since may drop some.
            const submit = (e: FormEvent) => {
              e.preventDefault();
              open.mutate(ticked.filter((id) => checklist.some((r) => r.id === id)));
            };
            const problemAt = Object.fromEntries(
              (open.error?.problems ?? []).map((p) => [p.path, p.message] as const),
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
                        setAnswers({});
                        setTicked([]);
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
                        error={
                          nik && nik.length !== 16
                            ? t('nikLength')
                            : (nikCheck.error ?? problemAt['applicant.nik'])
                        }
                        description={nikCheck.warning}
                        inputWrapperOrder={['label', 'input', 'description', 'error']}
                        styles={{ description: { color: 'var(--mantine-color-orange-8)' } }}
                        data-testid="applicant-nik"
                      />
                      <TextInput
                        label={t('phone')}
                        value={phone}
                        onChange={(e) => setPhone(e.currentTarget.value)}
                      />
                    </SimpleGrid>
                    {questions.length > 0 ? (
                      <Card withBorder>
                        <Text fw={600} mb="xs">
                          {t('intakeQuestions')}
                        </Text>
                        <Stack gap="sm">
                          <IntakeQuestions
                            fields={questions}
                            answers={answers}
                            onChange={setAnswers}
                            errors={problemAt}
                          />
                        </Stack>
                      </Card>
                    ) : null}
                    {service ? (
                      <Card withBorder data-testid="checklist">
                        <Text fw={600} mb="xs">
                          {t('requirementsBrought')}
                        </Text>
                        <Stack gap={4}>
                          {checklist.map((r) => (
                            <Checkbox
                              key={r.id}
                              label={requirementText(r)}
                              checked={ticked.includes(r.id)}
                              onChange={(e) => {
                                const on = e.currentTarget.checked;
                                setTicked((was) => (on ? [...was, r.id] : was.filter((id) => id !== r.id)));
                              }}
                              data-testid={`paper-${r.id}`}
                            />
                          ))}
                        </Stack>
                        <Text size="xs" c="dimmed" mt="xs">
                          {t('scansLater')}
                        </Text>
                      </Card>
                    ) : null}
                    {open.isError ? (
                      <Alert color="red" data-testid="open-error">
                        {open.error.message}
                        {open.error.problems.map((p) => (
                          <Text key={p.path} size="sm">
                            {p.message}
                          </Text>
                        ))}
                      </Alert>
                    ) : null}
                    <Group>
                      <Button
                        type="submit"
                        loading={open.isPending}
                        disabled={
                          !service ||
                          !name.trim() ||
                          (needsProduct && !product) ||
                          !intakeComplete(questions, answers) ||
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
