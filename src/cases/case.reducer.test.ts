import { describe, expect, it } from 'vitest';
import { Workflow } from '../standards/workflow.schema.ts';
import {
  type CaseAction,
  type CaseState,
  caseState,
  initialState,
  refusal,
  requiringStepLeft,
} from './case.reducer.ts';

/** The Sembako flow (front office → officer → head of division → front office). */
const sembako = Workflow.parse({
  steps: [
    {
      id: 'periksa-berkas',
      label: 'Pengecekan berkas',
      role: 'front_office',
      requires: ['kk-ktp'],
      actions: [
        { id: 'teruskan', label: 'Teruskan', kind: 'forward', to: 'analisis' },
        { id: 'kembalikan', label: 'Kembalikan untuk dilengkapi', kind: 'return' },
      ],
    },
    {
      id: 'analisis',
      label: 'Analisis dan update SIKS-NG',
      role: 'fungsional',
      actions: [
        { id: 'teruskan', label: 'Teruskan', kind: 'forward', to: 'tanda-tangan' },
        { id: 'tolak', label: 'Tolak', kind: 'reject' },
        { id: 'batalkan', label: 'Batalkan atas permintaan pemohon', kind: 'withdraw' },
      ],
    },
    {
      id: 'tanda-tangan',
      label: 'Paraf dan tanda tangan',
      role: 'kepala_bidang',
      actions: [{ id: 'setujui', label: 'Setujui', kind: 'forward', to: 'serahkan' }],
    },
    {
      id: 'serahkan',
      label: 'Agenda dan serahkan',
      role: 'front_office',
      actions: [{ id: 'serahkan', label: 'Serahkan', kind: 'complete' }],
    },
  ],
});

let seq = 0;
const a = (role: string, action: string, extra: Partial<CaseAction> = {}): CaseAction => ({
  seq: ++seq,
  at: `2026-11-23T02:${String(seq).padStart(2, '0')}:00.000Z`,
  userId: 7,
  role,
  step: null,
  action,
  ...extra,
});
const open = () => a('front_office', 'open');

describe('case reducer', () => {
  const table: Array<[string, CaseAction[], Partial<CaseState>]> = [
    ['nothing yet', [], { status: 'open', step: null, openedAt: null }],
    ['opened at the first step', [open()], { status: 'open', step: 'periksa-berkas' }],
    ['claimed', [open(), a('front_office', 'claim', { userId: 3 })], { assignee: 3 }],
    [
      'forwarded to the officer, assignee cleared',
      [open(), a('front_office', 'claim', { userId: 3 }), a('front_office', 'teruskan')],
      { step: 'analisis', assignee: null },
    ],
    [
      'returned for completion, then resumed',
      [open(), a('front_office', 'kembalikan', { note: 'KK belum difotokopi' })],
      {
        status: 'returned',
        reason: 'KK belum difotokopi',
        step: 'periksa-berkas',
      },
    ],
    [
      'resumed after completion',
      [open(), a('front_office', 'kembalikan', { note: 'KK kurang' }), a('front_office', 'resume')],
      { status: 'open', reason: null },
    ],
    [
      'rejected with a reason',
      [open(), a('front_office', 'teruskan'), a('fungsional', 'tolak', { note: 'bukan KPM' })],
      { status: 'rejected', reason: 'bukan KPM', closedAt: expect.any(String) as unknown as string },
    ],
    [
      'withdrawn with a reason: closed, not refused',
      [
        open(),
        a('front_office', 'teruskan'),
        a('fungsional', 'batalkan', { note: 'pemohon pindah domisili' }),
      ],
      {
        status: 'withdrawn',
        reason: 'pemohon pindah domisili',
        closedAt: expect.any(String) as unknown as string,
        assignee: null,
      },
    ],
    [
      'through all four steps to done',
      [
        open(),
        a('front_office', 'teruskan'),
        a('fungsional', 'teruskan'),
        a('kepala_bidang', 'setujui'),
        a('front_office', 'serahkan'),
      ],
      { status: 'done', step: 'serahkan' },
    ],
  ];
  for (const [name, actions, expected] of table) {
    it(name, () => {
      expect(caseState(sembako, actions)).toMatchObject(expected);
    });
  }

  it('keeps each wait for the applicant as a pause, from the return to the resume', () => {
    const at = (hhmm: string) => ({ at: `2026-11-23T${hhmm}:00.000Z` });
    const actions = [
      { ...open(), ...at('01:00') },
      a('front_office', 'kembalikan', { note: 'KK kurang', ...at('01:10') }),
      a('front_office', 'claim', at('01:20')),
      a('front_office', 'resume', at('01:30')),
      a('front_office', 'kembalikan', { note: 'KTP buram', ...at('01:40') }),
    ];
    expect(caseState(sembako, actions).pauses).toEqual([
      { from: '2026-11-23T01:10:00.000Z', to: '2026-11-23T01:30:00.000Z' },
      { from: '2026-11-23T01:40:00.000Z', to: null },
    ]);
    expect(caseState(sembako, [...actions, a('front_office', 'resume', at('02:00'))]).pauses[1]).toEqual({
      from: '2026-11-23T01:40:00.000Z',
      to: '2026-11-23T02:00:00.000Z',
    });
  });

  it('refuses, with a code, what the rules forbid', () => {
    const opened = caseState(sembako, [open()]);
    expect(refusal(sembako, opened, { action: 'teruskan', role: 'fungsional', userId: 1 })?.code).toBe(
      'case.wrong_role',
    );
    expect(refusal(sembako, opened, { action: 'setujui', role: 'front_office', userId: 1 })).toMatchObject({
      code: 'case.unknown_action',
      details: { available: ['teruskan', 'kembalikan'] },
    });
    expect(refusal(sembako, opened, { action: 'kembalikan', role: 'front_office', userId: 1 })?.code).toBe(
      'case.reason_required',
    );
    expect(
      refusal(sembako, initialState, { action: 'teruskan', role: 'front_office', userId: 1 })?.code,
    ).toBe('case.not_open');
    const returned = caseState(sembako, [open(), a('front_office', 'kembalikan', { note: 'x' })]);
    expect(refusal(sembako, returned, { action: 'teruskan', role: 'front_office', userId: 1 })?.code).toBe(
      'case.waiting_for_applicant',
    );
    const done = caseState(sembako, [
      open(),
      a('front_office', 'teruskan'),
      a('fungsional', 'tolak', { note: 'ganda' }),
    ]);
    expect(refusal(sembako, done, { action: 'claim', role: 'fungsional', userId: 1 })?.code).toBe(
      'case.closed',
    );
    expect(() => caseState(sembako, [open(), open()])).toThrow(/case\.already_open/);
    const atOfficer = caseState(sembako, [open(), a('front_office', 'teruskan')]);
    expect(refusal(sembako, atOfficer, { action: 'batalkan', role: 'fungsional', userId: 1 })?.code).toBe(
      'case.reason_required',
    );
    const withdrawn = caseState(sembako, [
      open(),
      a('front_office', 'teruskan'),
      a('fungsional', 'batalkan', { note: 'atas permintaan pemohon' }),
    ]);
    expect(refusal(sembako, withdrawn, { action: 'teruskan', role: 'fungsional', userId: 1 })).toMatchObject({
      code: 'case.closed',
      details: { status: 'withdrawn' },
    });
  });

  it('rejects a workflow that points nowhere or repeats ids', () => {
    const bad = Workflow.safeParse({
      steps: [
        {
          id: 'a',
          label: 'A',
          role: 'kabid2',
          actions: [
            { id: 'x', label: 'X', kind: 'forward', to: 'z' },
            { id: 'x', label: 'X', kind: 'reject', to: 'a' },
          ],
        },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^steps\.0\.role: unknown role "kabid2"/)]),
    );
    const refs = Workflow.safeParse({
      steps: [
        {
          id: 'a',
          label: 'A',
          role: 'front_office',
          actions: [
            { id: 'x', label: 'X', kind: 'forward', to: 'z' },
            { id: 'x', label: 'X', kind: 'reject', to: 'a' },
          ],
        },
      ],
    });
    expect(refs.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'steps.0.actions.0.to: unknown step "z"',
      'steps.0.actions.1.id: duplicate action id "x"',
      'steps.0.actions.1.to: a reject action has no "to"',
    ]);
  });
});

describe('a paper may be replaced until the step that requires it is left', () => {
  const at = (step: string, action: string, role = 'front_office') =>
    a(role, action, { step, note: 'berkas kurang jelas' });
  const left = (actions: CaseAction[]) =>
    requiringStepLeft(sembako, caseState(sembako, actions), actions, 'kk-ktp')?.id;

  it('is open at the requiring step, also after a wait for the applicant', () => {
    expect(left([open()])).toBeUndefined();
    expect(
      left([open(), at('periksa-berkas', 'kembalikan'), at('periksa-berkas', 'resume')]),
    ).toBeUndefined();
  });

  it('is closed once the requiring step was forwarded, and once the case is closed', () => {
    const forwarded = [open(), at('periksa-berkas', 'teruskan')];
    expect(left(forwarded)).toBe('periksa-berkas');
    expect(left([...forwarded, at('analisis', 'tolak', 'fungsional')])).toBe('periksa-berkas');
  });

  it('holds a paper no step requires open until the case closes', () => {
    const actions = [open(), at('periksa-berkas', 'teruskan')];
    expect(requiringStepLeft(sembako, caseState(sembako, actions), actions, 'kks')).toBeUndefined();
    const rejected = [...actions, at('analisis', 'tolak', 'fungsional')];
    expect(requiringStepLeft(sembako, caseState(sembako, rejected), rejected, 'kks')).toBeDefined();
  });
});
