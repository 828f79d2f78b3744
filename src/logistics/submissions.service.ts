import type { UnitRow } from '../auth/auth.repository.ts';
import type { AuthContext, ClientInfo } from '../auth/auth.service.ts';
import type { CaseOpened } from '../cases/cases.schema.ts';
import type { OpeningEnv } from '../cases/cases.service.ts';
import { officeAbove, submitCase } from '../cases/submitted.service.ts';
import type { Clock } from '../core/clock.ts';
import { DomainError, problemIn, ValidationError } from '../core/errors.ts';
import { childrenOf, displayName, findRegion } from '../core/regions.ts';
import type { Db } from '../db/client.ts';
import { requirementText } from '../standards/intake.ts';
import type { Standard } from '../standards/standard.schema.ts';
import { servicesInForce } from '../standards/standards.service.ts';
import { areaName, listEmergencies, withinArea } from './emergencies.service.ts';
import { areaField } from './logistics.effects.ts';
import type { ReliefRequestForm, ReliefRequestInput } from './submissions.schema.ts';

/**
 * A regency office's relief request to the province (issue 16). The regency's staff submit it
 * through the case engine (`cases/submitted.service.ts`): the case is the province's, at the
 * first step of its relief service, in its front office's queue, with the regency recorded as
 * the office that submitted it. The province's opening check (an active emergency over the area)
 * applies as at its own desk; on top, a regency may ask only for its own area.
 */

/** The intake field the standard names the office that knows of the request by (free text at the desk). */
const officeField = 'requestingOffice';
/** The opening check that marks a service as the relief service this module runs. */
const reliefCheck = 'logistics.emergency_active';

/** The province's relief service in force: the one whose workflow opens with the emergency check. */
async function reliefServiceOf(db: Db, office: UnitRow) {
  const found = (await servicesInForce(db, office)).find(
    (s) => s.standard.workflow?.openingCheck === reliefCheck,
  );
  if (!found)
    throw new DomainError('submission.no_service', {
      office: office.name,
      service: 'Penyaluran Bantuan Logistik Tanggap Darurat',
    });
  return found;
}

const areaOf = (code: string) => ({ code, name: areaName(code) });

/** The intake question whose answer sets the decision's deadline (the priority), with its hours. */
function priorityOf(standard: Standard): ReliefRequestForm['priority'] {
  const deadline = standard.workflow?.steps.find((s) => s.deadline)?.deadline;
  const field = standard.intake?.fields.find((f) => f.id === deadline?.intakeField);
  if (!deadline || field?.kind !== 'choice') return null;
  return {
    label: field.label,
    options: field.options.map((o) => ({ ...o, hours: deadline.hours[o.value] ?? 0 })),
    default: deadline.default,
  };
}

/** The intake field id of the priority, checked against its options; refused precisely. */
function priorityAnswer(standard: Standard, value: string | undefined): Record<string, string> {
  if (value === undefined || value === '') return {};
  const priority = priorityOf(standard);
  const field = standard.workflow?.steps.find((s) => s.deadline)?.deadline?.intakeField;
  if (!priority || !field)
    throw new ValidationError('case.invalid', [
      problemIn('priority', {
        id: 'layanan ini tidak menanyakan prioritas',
        en: 'this service does not ask for a priority',
      }),
    ]);
  if (!priority.options.some((o) => o.value === value))
    throw new ValidationError('case.invalid', [
      problemIn('priority', {
        id: `prioritas tidak dikenal (${value}); pilih salah satu: ${priority.options.map((o) => o.label).join(', ')}`,
        en: `unknown priority (${value}); choose one of: ${priority.options.map((o) => o.label).join(', ')}`,
      }),
    ]);
  return { [field]: value };
}

/** What the caller's office may ask the province for, and under which emergencies it may now. */
export async function reliefRequestForm(db: Db, ctx: AuthContext, clock: Clock): Promise<ReliefRequestForm> {
  const office = await officeAbove(db, ctx);
  const { slug, standard } = await reliefServiceOf(db, office);
  const first = standard.workflow?.steps[0];
  const asked = new Set(first?.requires ?? []);
  const own = ctx.unit.regionCode;
  const region = findRegion(own);
  const emergencies = (await listEmergencies(db, office, clock)).filter(
    (e) => e.status === 'active' && e.areas.some((a) => withinArea(a.code, own) || withinArea(own, a.code)),
  );
  return {
    office: { code: office.code, name: office.name },
    service: { id: slug, name: standard.name },
    priority: priorityOf(standard),
    area: {
      code: own,
      name: region ? displayName(region) : own,
      districts: childrenOf(own).map((d) => areaOf(d.code)),
    },
    papers: standard.delivery.requirements.items
      .filter((r) => r.kind === 'document' && asked.has(r.id))
      .map((r) => ({ id: r.id, text: requirementText(r) })),
    emergencies: emergencies.map((e) => ({
      id: e.id,
      disaster: e.disaster,
      endsOn: e.endsOn,
      areas: e.areas.map((a) => areaOf(a.code)),
    })),
  };
}

/**
 * Submits the request: refused for an area outside the caller's regency, then opened as the
 * province's case (refused there when no emergency is active over the area). Audited by the
 * opening (`case.open`, with the submitting office).
 */
export async function submitReliefRequest(
  db: Db,
  env: OpeningEnv,
  ctx: AuthContext,
  input: ReliefRequestInput,
  client: ClientInfo,
  clock: Clock,
): Promise<CaseOpened & { unitId: number }> {
  const office = await officeAbove(db, ctx);
  const { slug, standard } = await reliefServiceOf(db, office);
  const code = input.areaCode;
  if (!findRegion(code))
    throw new ValidationError('case.invalid', [
      problemIn('areaCode', {
        id: `kode wilayah tidak dikenal (${code})`,
        en: `unknown region code (${code})`,
      }),
    ]);
  if (!withinArea(code, ctx.unit.regionCode))
    throw new DomainError('submission.area_outside', { area: areaName(code), office: ctx.unit.name });
  const fields = new Set((standard.intake?.fields ?? []).map((f) => f.id));
  const priority = priorityAnswer(standard, input.priority);
  return submitCase(
    db,
    env,
    ctx,
    {
      standardId: slug,
      applicant: {
        name: input.applicant.name,
        ...(input.applicant.phone ? { phone: input.applicant.phone } : {}),
      },
      intake: {
        [areaField]: code,
        ...(fields.has(officeField) ? { [officeField]: ctx.unit.name } : {}),
        ...priority,
      },
      note: input.description,
    },
    client,
    clock,
  );
}
