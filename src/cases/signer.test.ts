import { describe, expect, it } from 'vitest';
import type { UnitRow, UserRow } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import type { StaffRole } from '../auth/roles.ts';
import { DomainError } from '../core/errors.ts';
import { headPositionOf, signerOf } from './signer.ts';

const sragen = { name: 'Dinas Sosial Kabupaten Sragen', head: null } as unknown as UnitRow;
const tarakan = {
  name: 'Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan',
  head: { name: 'Arbain, SE., M. AP', position: 'Kepala Dinas' },
} as unknown as UnitRow;

const ctxOf = (user: Partial<UserRow>, roles: StaffRole[] = ['kepala_bidang']) =>
  ({
    user: { name: 'Sri Wahyuni', nip: null, rank: null, position: null, acting: null, ...user },
    roles,
  }) as unknown as AuthContext;

const sri = {
  nip: '19750823 200003 2 002',
  rank: 'Pembina/IV-a',
  position: 'Kepala Bidang Perlindungan Sosial',
};

describe('the signer of a letter', () => {
  it('writes the head’s position for a.n. as Tata Naskah Dinas does, without doubling "Dinas"', () => {
    expect(headPositionOf(sragen)).toBe('Kepala Dinas Sosial Kabupaten Sragen');
    expect(headPositionOf(tarakan)).toBe('Kepala Dinas Sosial dan Pemberdayaan Masyarakat Kota Tarakan');
    expect(headPositionOf({ name: 'Badan Sosial Kota X', head: { name: 'A', position: 'Kepala' } })).toBe(
      'Kepala Badan Sosial Kota X',
    );
  });

  it('is the user who signs, with rank and NIP, a.n. the head of office when asked', () => {
    expect(signerOf(ctxOf(sri), sragen)).toEqual({ name: 'Sri Wahyuni', ...sri });
    expect(signerOf(ctxOf(sri), sragen, { onBehalfOf: 'kepala_dinas' })).toEqual({
      name: 'Sri Wahyuni',
      ...sri,
      onBehalfOf: 'Kepala Dinas Sosial Kabupaten Sragen',
    });
  });

  it('carries the acting prefix, and a head of office signs for nobody', () => {
    const plt = ctxOf({ ...sri, position: 'Kepala Dinas', acting: 'Plt.' }, ['kepala_dinas']);
    expect(signerOf(plt, tarakan, { onBehalfOf: 'kepala_dinas' })).toEqual({
      name: 'Sri Wahyuni',
      nip: sri.nip,
      rank: sri.rank,
      position: 'Kepala Dinas',
      acting: 'Plt.',
    });
  });

  it('refuses a signer without NIP or position, naming each; rank is optional', () => {
    const refusal = (user: Partial<UserRow>) => {
      try {
        signerOf(ctxOf(user), sragen);
      } catch (error) {
        return error instanceof DomainError ? { code: error.code, ...error.details } : error;
      }
      return undefined;
    };
    expect(refusal({})).toMatchObject({
      code: 'case.signer_incomplete',
      missing: ['nip', 'position'],
      items: { id: 'NIP dan jabatan', en: 'NIP and position' },
    });
    expect(refusal({ position: sri.position, nip: '  ' })).toMatchObject({
      missing: ['nip'],
      items: { id: 'NIP', en: 'NIP' },
    });
    expect(refusal({ position: sri.position, nip: sri.nip })).toBeUndefined();
  });
});
