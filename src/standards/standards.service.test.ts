import { describe, expect, it } from 'vitest';
import type { RevisionRow } from './standards.repository.ts';
import { pickInForce } from './standards.service.ts';

function rev(id: number, revision: string, effectiveDate: string | null, uploadedAt: string): RevisionRow {
  return {
    id,
    standardId: 1,
    revision,
    documentNumber: 'X',
    name: 'X',
    effectiveDate,
    content: {},
    sourceYaml: '',
    sha256: String(id),
    uploadedBy: null,
    uploadedAt: new Date(uploadedAt),
  };
}

describe('pickInForce', () => {
  const r0 = rev(1, '00', null, '2022-09-01T00:00:00Z');
  const r1 = rev(2, '01', '2025-01-10', '2025-01-02T00:00:00Z');
  const r2 = rev(3, '02', '2027-01-01', '2026-11-01T00:00:00Z');

  it('takes the latest revision whose effective date has come', () => {
    expect(pickInForce([r0, r1, r2], '2026-11-23')?.revision).toBe('01');
    expect(pickInForce([r0, r1, r2], '2027-01-01')?.revision).toBe('02');
  });

  it('uses the publication date when a revision has no effective date', () => {
    expect(pickInForce([r0, r1], '2024-12-31')?.revision).toBe('00');
  });

  it('has none in force before the first one starts', () => {
    expect(pickInForce([r2], '2026-11-23')).toBeUndefined();
  });

  it('prefers the later upload on the same day', () => {
    const a = rev(4, '03', '2026-01-01', '2025-12-01T00:00:00Z');
    const b = rev(5, '04', '2026-01-01', '2025-12-02T00:00:00Z');
    expect(pickInForce([b, a], '2026-06-01')?.revision).toBe('04');
  });
});
