import type { UnitRow } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { RoleLabels } from '../auth/roles.ts';
import { DomainError } from '../core/errors.ts';
import type { LetterSigner } from '../documents/letters.service.ts';

export interface SignerOptions {
  /** The letter is signed a.n. (atas nama) the head of office, unless the signer is the head. */
  onBehalfOf?: 'kepala_dinas' | undefined;
}

/**
 * The position a letter is signed for, as Tata Naskah Dinas writes it after "a.n.": the head's
 * position joined to the unit's name without repeating its first word (`Kepala Dinas` +
 * `Dinas Sosial Kabupaten Sragen` → `Kepala Dinas Sosial Kabupaten Sragen`).
 */
export function headPositionOf(unit: Pick<UnitRow, 'name' | 'head'>): string {
  const position = (unit.head?.position ?? RoleLabels.kepala_dinas.id).trim();
  const name = unit.name.trim();
  const words = position.split(/\s+/);
  const last = words.at(-1) ?? '';
  if (last && name.toLowerCase().startsWith(`${last.toLowerCase()} `))
    return [...words.slice(0, -1), name].join(' ');
  return `${position} ${name}`;
}

const itemNames = {
  nip: { id: 'NIP', en: 'NIP' },
  position: { id: 'jabatan', en: 'position' },
} as const;

const joined = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

/**
 * The signer of a letter: the user who takes the signing action, with their own name, rank,
 * NIP and position, the acting prefix they hold (Plt./Plh.), and a.n. where asked. A letter
 * needs the signer's NIP and position on record: without them `case.signer_incomplete`
 * (422) names every missing item, before anything is written.
 */
export function signerOf(ctx: AuthContext, unit: UnitRow, opts: SignerOptions = {}): LetterSigner {
  const user = ctx.user;
  const missing = (['nip', 'position'] as const).filter((k) => !user[k]?.trim());
  if (missing.length > 0)
    throw new DomainError('case.signer_incomplete', {
      signer: user.name,
      missing,
      items: {
        id: joined(
          missing.map((k) => itemNames[k].id),
          'dan',
        ),
        en: joined(
          missing.map((k) => itemNames[k].en),
          'and',
        ),
      },
    });
  const forHead = opts.onBehalfOf === 'kepala_dinas' && !ctx.roles.includes('kepala_dinas');
  return {
    name: user.name,
    position: user.position ?? '',
    ...(user.rank ? { rank: user.rank } : {}),
    ...(user.nip ? { nip: user.nip } : {}),
    ...(user.acting ? { acting: user.acting } : {}),
    ...(forHead ? { onBehalfOf: headPositionOf(unit) } : {}),
  };
}
