import type { Effect } from '../cases/effects.ts';
import { DomainError, problemIn, ValidationError } from '../core/errors.ts';
import { activeEmergencyFor, areaName } from './emergencies.service.ts';

/** The intake field a relief request names its area by (Kemendagri code of regency or district). */
export const areaField = 'areaCode';

/**
 * `logistics.emergency_active`, an opening check: a relief request opens only for an area under
 * an active emergency of the office (the Banten standard's first requirement, "Dalam situasi
 * Tanggap Darurat"). Refused with the area's name; recorded with the emergency it opened under.
 */
const emergencyActive: Effect = {
  name: 'logistics.emergency_active',
  atOpening: true,
  returns: { emergencyId: 'number', areaCode: 'region' },
  run: async (tx, { ctx, caseRow, data }) => {
    const code = data[areaField];
    if (typeof code !== 'string')
      throw new ValidationError('case.invalid', [
        problemIn(`intake.${areaField}`, {
          id: 'wilayah permohonan wajib diisi',
          en: 'the area of the request is required',
        }),
      ]);
    const found = await activeEmergencyFor(tx, ctx.unit, code, caseRow.openedAt);
    if (!found) throw new DomainError('emergency.not_active', { area: areaName(code), areaCode: code });
    return { emergencyId: found.id, areaCode: found.areaCode };
  },
};

/** The workflow effects of relief logistics, for the composition root to hand to the case engine. */
export const logisticsEffects: Effect[] = [emergencyActive];
