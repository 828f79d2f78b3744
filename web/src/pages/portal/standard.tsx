import { type ProcedureActor, RoleLabels } from '@jaring/auth/roles.ts';
import { type Component, Components, GroupLabels } from '@jaring/standards/components.ts';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { get } from '../../api.ts';
import { QueryView } from '../../components/query-view.tsx';
import { formatDate } from '../../format.ts';
import { useTexts } from '../../i18n/i18n.tsx';
import { portalTexts } from '../../i18n/portal.ts';
import type { StandardPage as Page, Standard } from '../../types.ts';
import { SurveyScore } from './survey-score.tsx';

function Lines({ items }: { items: string[] }) {
  if (items.length === 1) return <Text size="sm">{items[0]}</Text>;
  return (
    <List type="ordered" size="sm" spacing={2}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: published lists may repeat a line
        <List.Item key={i}>{item}</List.Item>
      ))}
    </List>
  );
}

function channelHref(kind: string, value: string): string | undefined {
  if (/^https?:\/\//.test(value)) return value;
  if (kind === 'email') return `mailto:${value}`;
  if (kind === 'phone') return `tel:${value.replace(/[^\d+]/g, '')}`;
  if (kind === 'sms_whatsapp') return `https://wa.me/62${value.replace(/\D/g, '').replace(/^0/, '')}`;
  return undefined;
}

function ComponentBody({ s, c }: { s: Standard; c: Component }): ReactNode {
  const { t, pick } = useTexts(portalTexts);
  const d = s.delivery;
  switch (c.key) {
    case 'requirements': {
      const names = new Map(d.products.map((p) => [p.id, p.name]));
      return (
        <Stack gap={4}>
          {d.requirements.intro ? <Text size="sm">{d.requirements.intro}</Text> : null}
          <List type="ordered" size="sm" spacing={4}>
            {d.requirements.items.map((r) => (
              <List.Item key={r.id}>
                {r.group ? <Text span fw={500}>{`${r.group} `}</Text> : null}
                {r.text}
                {r.when ? <Text span data-testid={`condition-${r.id}`}>{` (${r.when.text})`}</Text> : null}{' '}
                <Badge size="xs" variant="outline">
                  {t(`kind_${r.kind}`)}
                </Badge>
                {r.products?.length ? (
                  <Text size="xs" c="dimmed">
                    {t('appliesTo')}: {r.products.map((p) => names.get(p) ?? p).join('; ')}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    }
    case 'procedure':
      return (
        <Stack gap={4}>
          {d.procedure.intro ? <Text size="sm">{d.procedure.intro}</Text> : null}
          <List type="ordered" size="sm" spacing={4}>
            {d.procedure.steps.map((st) => (
              <List.Item key={st.n}>
                {st.text}{' '}
                <Badge size="xs" variant="light" color="teal">
                  {pick(RoleLabels[st.role as ProcedureActor])}
                </Badge>
              </List.Item>
            ))}
          </List>
        </Stack>
      );
    case 'timeLimit':
      return <Text size="sm">{d.timeLimit.text}</Text>;
    case 'cost':
      return (
        <Group gap="xs">
          <Text size="sm">{d.cost.text}</Text>
          {d.cost.free ? <Badge color="green">{t('free')}</Badge> : null}
        </Group>
      );
    case 'products':
      return <Lines items={d.products.map((p) => p.name)} />;
    case 'complaints': {
      const c2 = d.complaints;
      return (
        <Stack gap={4}>
          {c2.intro ? <Text size="sm">{c2.intro}</Text> : null}
          {c2.officer ? (
            <Text size="sm">
              <b>{t('officer')}:</b> {c2.officer.name}
              {c2.officer.nip ? `, NIP ${c2.officer.nip}` : ''}, {c2.officer.position}
            </Text>
          ) : null}
          {c2.handler ? (
            <Text size="sm">
              {t('handler')}: {c2.handler}
            </Text>
          ) : null}
          <List type="ordered" size="sm">
            {c2.channels.map((ch) => {
              const href = ch.value ? channelHref(ch.kind, ch.value) : undefined;
              return (
                <List.Item key={`${ch.kind}-${ch.label}`}>
                  {ch.label}
                  {ch.value ? ': ' : ''}
                  {ch.value && href ? (
                    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                      {ch.value}
                    </Anchor>
                  ) : (
                    ch.value
                  )}
                </List.Item>
              );
            })}
          </List>
          {c2.flow ? (
            <Text size="sm" fs="italic">
              {c2.flow}
            </Text>
          ) : null}
        </Stack>
      );
    }
    case 'legalBasis':
      return <Lines items={s.manufacturing.legalBasis.map((l) => l.text)} />;
    default:
      return <Lines items={s.manufacturing[c.key]} />;
  }
}

function ComponentGroup({
  s,
  group,
  letter,
}: {
  s: Standard;
  group: 'delivery' | 'manufacturing';
  letter: string;
}) {
  const { t, pick } = useTexts(portalTexts);
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <Title order={2} size="h4" p="sm" bg="var(--mantine-color-teal-0)">
        {letter}. {pick(GroupLabels[group])}
      </Title>
      <Table verticalSpacing="sm" horizontalSpacing="sm" layout="fixed" className="component-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>{t('componentNumber')}</Table.Th>
            <Table.Th className="component-name">{t('component')}</Table.Th>
            <Table.Th>{t('description')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Components.filter((c) => c.group === group).map((c) => (
            <Table.Tr key={c.key} data-component={c.number} data-testid={`component-${c.key}`}>
              <Table.Td>{c.number}.</Table.Td>
              <Table.Td className="component-name">
                <Text component="h3" fw={600} size="sm" m={0}>
                  {pick(c.label)}
                </Text>
              </Table.Td>
              <Table.Td className="component-body">
                <ComponentBody s={s} c={c} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** A published Service Standard with its 14 components, as the office signed it. */
export function StandardPage() {
  const { t, lang } = useTexts(portalTexts);
  const { unit, id } = useParams({ strict: false }) as { unit: string; id: string };
  const query = useQuery({
    queryKey: ['standard', unit, id],
    queryFn: () => get<Page>(`/api/public/units/${unit}/standards/${id}`),
  });
  return (
    <QueryView query={query}>
      {({ unit: u, standard: s, revision, revisions }) => (
        <Stack>
          <Anchor component={Link} to={`/layanan/${u.code}`} size="sm" className="no-print">
            ← {u.name}
          </Anchor>
          <div>
            <Text size="sm" c="dimmed" tt="uppercase">
              {t('serviceStandard')} · {u.name}
            </Text>
            <Title order={1}>{s.name}</Title>
          </div>
          <SurveyScore unit={u.code} slug={s.id} />
          <Group gap="lg">
            <Text size="sm">
              {t('documentNumber')}: <b>{s.document.number}</b>
            </Text>
            <Text size="sm">
              {t('revision')}: <b>{s.document.revision}</b>
              {s.document.revisionNote ? ` (${s.document.revisionNote})` : ''}
            </Text>
            <Text size="sm">
              {t('effectiveDate')}:{' '}
              <b>{formatDate(s.document.effectiveDate ?? revision.effectiveDate, lang)}</b>
            </Text>
            <Text size="sm">
              {t('division')}: <b>{s.division.name}</b>
            </Text>
          </Group>
          <Group className="no-print">
            <Button
              component="a"
              href={`/api/public/units/${u.code}/standards/${s.id}/pdf?lang=${lang}`}
              target="_blank"
              data-testid="download-pdf"
            >
              {t('downloadPdf')}
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              {t('print')}
            </Button>
          </Group>
          <Alert color="yellow" variant="light" title={t('maklumat')} data-testid="maklumat">
            <Text fs="italic">{u.maklumat}</Text>
          </Alert>
          <ComponentGroup s={s} group="delivery" letter="A" />
          <ComponentGroup s={s} group="manufacturing" letter="B" />
          <Paper withBorder p="md" radius="md" data-testid="complaints-box">
            <Title order={2} size="h4" mb="xs">
              {t('complaintsBox')}
            </Title>
            <Text size="sm">
              {s.delivery.complaints.channels
                .map((c) => (c.value ? `${c.label}: ${c.value}` : c.label))
                .join(' · ')}
            </Text>
            <Anchor
              component={Link}
              to="/pengaduan"
              search={{ unit: u.code, layanan: s.id } as never}
              size="sm"
              className="no-print"
              data-testid="complain-link"
            >
              {t('complainAbout')}
            </Anchor>
          </Paper>
          {s.signedBy ? (
            <Text size="sm" ta="right">
              {s.signedBy.position}
              <br />
              <b>{s.signedBy.name}</b>
              {s.signedBy.rank ? <br /> : null}
              {s.signedBy.rank}
              {s.signedBy.nip ? <br /> : null}
              {s.signedBy.nip ? `NIP ${s.signedBy.nip}` : null}
            </Text>
          ) : null}
          <Paper withBorder p="md" radius="md" className="no-print">
            <Title order={2} size="h5" mb="xs">
              {t('revisions')}
            </Title>
            <List size="sm">
              {revisions.map((r) => (
                <List.Item key={r.revision}>
                  {t('revision')} {r.revision} · {formatDate(r.effectiveDate ?? r.publishedAt, lang)}{' '}
                  <Badge size="xs" color={r.inForce ? 'green' : 'gray'}>
                    {r.inForce ? t('inForce') : t('notInForce')}
                  </Badge>
                </List.Item>
              ))}
            </List>
          </Paper>
        </Stack>
      )}
    </QueryView>
  );
}
