import { describe, expect, it } from 'vitest';
import { FileChecks } from './file-checks.ts';
import type { PersonRow } from './string-lane.ts';

const person = (over: Partial<PersonRow>): PersonRow => ({
  kk: '3314012001240001',
  nik: '3314015708900001',
  name: 'Siti Aminah',
  birthPlace: '',
  birthDate: '1990-08-17',
  sex: 'P',
  relationship: 'kepala_keluarga',
  maritalStatus: '',
  education: '',
  schooling: '',
  occupation: '',
  disabilityKind: '',
  disabilitySeverity: '',
  pregnancy: '',
  alive: true,
  deathDate: null,
  villageCode: '33.14.01.2001',
  address: 'Dukuh Krajan',
  rt: '002',
  rw: '001',
  decile: 3,
  welfareStatus: 'dtsen',
  statusPeriod: '2026-09',
  ...over,
});

describe('checks across the rows of a file', () => {
  it('accepts the rows of a family that agree, and numbers the families', () => {
    const checks = new FileChecks();
    const head = checks.accept(2, person({}));
    const child = checks.accept(3, person({ nik: '3314010101150002', relationship: 'anak', name: 'Budi' }));
    const other = checks.accept(4, person({ kk: '3314012001240002', nik: '3314010101800003' }));
    expect(head).toMatchObject({ problems: [], first: true, family: 0 });
    expect(child).toMatchObject({ problems: [], first: false, family: 0 });
    expect(other).toMatchObject({ problems: [], first: true, family: 1 });
    expect(checks.headProblems()).toEqual([]);
  });

  it('refuses a row whose family data differs from the first row of its KK, naming the fields', () => {
    const checks = new FileChecks();
    checks.accept(2, person({}));
    const moved = checks.accept(
      5,
      person({ nik: '3314010101150002', relationship: 'anak', address: 'Dukuh Kulon', rw: '004' }),
    );
    expect(moved.family).toBe(-1);
    expect(moved.problems).toEqual([
      {
        row: 5,
        column: 'No KK',
        value: '3314012001240001',
        severity: 'error',
        message: 'data keluarga berbeda dengan baris 2 untuk No KK yang sama (Alamat, RW)',
      },
    ]);
    // A decile of 3 and one left empty differ too; equal data after it is still accepted.
    expect(
      checks.accept(6, person({ nik: '3314010101150004', relationship: 'anak', decile: null })).problems,
    ).toHaveLength(1);
    expect(checks.accept(7, person({ nik: '3314010101150005', relationship: 'anak' })).problems).toEqual([]);
  });

  it('reports a NIK repeated in the file on both rows, once for the first', () => {
    const checks = new FileChecks();
    checks.accept(2, person({}));
    const again = checks.accept(3, person({}));
    expect(again.problems.map((p) => p.message)).toEqual(['NIK ganda dalam berkas (juga di baris 2)']);
    expect(again.earlier.map((p) => [p.row, p.message])).toEqual([
      [2, 'NIK ganda dalam berkas (juga di baris 3)'],
    ]);
    expect(checks.accept(4, person({})).earlier).toEqual([]);
    // The first row's family lost its head, so it is re-checked in SQL rather than here.
    expect([...checks.unsettledKk]).toEqual(['3314012001240001']);
    expect(checks.headProblems()).toEqual([]);
  });

  it('finds families without a head or with more than one', () => {
    const checks = new FileChecks();
    checks.accept(2, person({ relationship: 'anak' }));
    checks.accept(3, person({ kk: '3314012001240002', nik: '3314010101800003' }));
    checks.accept(4, person({ kk: '3314012001240002', nik: '3314010101800004' }));
    expect(checks.headProblems()).toEqual([
      { kk: '3314012001240001', message: 'keluarga No KK 3314012001240001 tidak punya Kepala Keluarga' },
      {
        kk: '3314012001240002',
        message: 'keluarga No KK 3314012001240002 punya 2 Kepala Keluarga (baris 3, 4)',
      },
    ]);
  });
});
