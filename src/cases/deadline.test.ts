import { describe, expect, it } from 'vitest';
import { Intake } from '../standards/intake.schema.ts';
import type { IntakeAnswers } from '../standards/intake.ts';
import { Workflow } from '../standards/workflow.schema.ts';
import { decisionsOf, dueWhereItWaits, stepDeadlines, stepDueAtOf } from './deadline.ts';

/** The Banten approval step's deadline by priority (DOMAIN.md §8, the DRIMS defaults). */
const standard = {
  intake: Intake.parse({
    fields: [
      {
        id: 'priority',
        label: 'Prioritas',
        kind: 'choice',
        required: false,
        options: [
          { value: 'kritis', label: 'Kritis' },
          { value: 'tinggi', label: 'Tinggi' },
          { value: 'rutin', label: 'Rutin' },
          { value: 'rendah', label: 'Rendah' },
        ],
      },
    ],
  }),
  workflow: Workflow.parse({
    steps: [
      {
        id: 'telaah',
        label: 'Telaah',
        role: 'fungsional',
        actions: [{ id: 'ajukan', label: 'Ajukan', kind: 'forward', to: 'persetujuan' }],
      },
      {
        id: 'persetujuan',
        label: 'Persetujuan Kepala Bidang',
        role: 'kepala_bidang',
        deadline: {
          intakeField: 'priority',
          hours: { kritis: 4, tinggi: 8, rutin: 24, rendah: 48 },
          default: 'rutin',
        },
        actions: [{ id: 'setujui', label: 'Setujui', kind: 'complete' }],
      },
    ],
  }),
};
const openedAt = new Date('2026-12-03T01:00:00Z');
const hoursLater = (h: number) => new Date(openedAt.getTime() + h * 3_600_000);
const undecided = () => null;

describe('step deadlines by an intake answer', () => {
  it('gives the critical request 4 hours on the wall clock, warned at 75%', () => {
    const at = (h: number) =>
      stepDeadlines(
        standard,
        { openedAt, intake: { priority: 'kritis' }, closed: false },
        undecided,
        hoursLater(h),
      )[0];
    expect(at(1)).toMatchObject({
      step: 'persetujuan',
      stepLabel: 'Persetujuan Kepala Bidang',
      value: 'kritis',
      valueLabel: 'Kritis',
      answered: true,
      hours: 4,
      dueAt: hoursLater(4),
      warnAt: hoursLater(3),
      decidedAt: null,
      status: 'running',
    });
    expect(at(2.99)?.status).toBe('running');
    expect(at(3)?.status).toBe('warning');
    expect(at(4)?.status).toBe('warning');
    expect(at(4.01)?.status).toBe('late');
  });

  it('takes the default for a request opened without the answer, or with one not on the list', () => {
    const answers: IntakeAnswers[] = [{}, { priority: 'darurat-sekali' }, { priority: true }];
    for (const intake of answers) {
      const [d] = stepDeadlines(standard, { openedAt, intake, closed: false }, undecided, hoursLater(1));
      expect(d).toMatchObject({ value: 'rutin', valueLabel: 'Rutin', answered: false, hours: 24 });
    }
  });

  it('is met by the first action at the step, on time or late, and ends with a case closed before it', () => {
    const decided = (h: number) => (step: string) => (step === 'persetujuan' ? hoursLater(h) : null);
    const of = (intake: Record<string, string>, decidedAt: (s: string) => Date | null, closed: boolean) =>
      stepDeadlines(standard, { openedAt, intake, closed }, decidedAt, hoursLater(100))[0]?.status;
    expect(of({ priority: 'tinggi' }, decided(7.5), true)).toBe('met');
    expect(of({ priority: 'tinggi' }, decided(8.5), true)).toBe('metLate');
    expect(of({ priority: 'rendah' }, undecided, true)).toBe('ended');
    expect(of({ priority: 'rendah' }, undecided, false)).toBe('late');
  });

  it('has none for a workflow without deadlines', () => {
    const plain = {
      intake: standard.intake,
      workflow: Workflow.parse({
        steps: [
          {
            id: 'periksa',
            label: 'Periksa',
            role: 'fungsional',
            actions: [{ id: 'ok', label: 'OK', kind: 'complete' }],
          },
        ],
      }),
    };
    expect(stepDeadlines(plain, { openedAt, intake: {}, closed: false }, undecided, openedAt)).toEqual([]);
  });
});

describe('the decision at a step', () => {
  it('is the first action there that moves the case on, not a return to the applicant', () => {
    const workflow = Workflow.parse({
      steps: [
        {
          id: 'persetujuan',
          label: 'Persetujuan',
          role: 'kepala_bidang',
          actions: [
            { id: 'kembalikan', label: 'Kembalikan', kind: 'return' },
            { id: 'setujui', label: 'Setujui', kind: 'complete' },
            { id: 'tolak', label: 'Tolak', kind: 'reject' },
          ],
        },
      ],
    });
    const decided = decisionsOf(workflow, [
      { step: null, action: '$buka', at: '2026-12-03T01:00:00Z' },
      { step: 'persetujuan', action: 'kembalikan', at: '2026-12-03T02:00:00Z' },
      { step: 'persetujuan', action: '$lanjutkan', at: '2026-12-03T03:00:00Z' },
      { step: 'persetujuan', action: 'setujui', at: '2026-12-03T04:00:00Z' },
      { step: 'persetujuan', action: 'tolak', at: '2026-12-03T05:00:00Z' },
    ]);
    expect(decided('persetujuan')).toEqual(new Date('2026-12-03T04:00:00Z'));
    expect(decided('telaah')).toBeNull();
  });
});

describe('a waiting case’s due time where it waits', () => {
  const caseDue = hoursLater(24);
  // As the engine stores it on the case.
  const waiting = (step: string, h: number, intake: IntakeAnswers = { priority: 'tinggi' }) =>
    dueWhereItWaits(
      standard,
      {
        step,
        openedAt,
        intake,
        dueAt: caseDue,
        stepDueAt: stepDueAtOf(standard, { openedAt, intake }, step),
      },
      hoursLater(h),
    );

  it('is the decision’s deadline at a step that has one, with the priority that set it', () => {
    expect(waiting('persetujuan', 1)).toEqual({
      dueAt: hoursLater(8),
      overdue: false,
      dueSoon: false,
      priority: 'Tinggi',
    });
    expect(waiting('persetujuan', 6)).toMatchObject({ overdue: false, dueSoon: true });
    expect(waiting('persetujuan', 9)).toMatchObject({ overdue: true, dueSoon: false });
  });

  it('reads the due time the case stores, as the queue orders by it, and warns at its point', () => {
    // Stored 10 h after the opening (not the 8 h the answer now tells): the warning point is
    // at warnAt of those 10 h, and the label is still the answer's.
    const stored = { step: 'persetujuan', openedAt, intake: { priority: 'tinggi' }, dueAt: caseDue };
    const at = (h: number) =>
      dueWhereItWaits(standard, { ...stored, stepDueAt: hoursLater(10) }, hoursLater(h));
    expect(at(1)).toEqual({ dueAt: hoursLater(10), overdue: false, dueSoon: false, priority: 'Tinggi' });
    expect(at(7)).toMatchObject({ overdue: false, dueSoon: false });
    expect(at(9)).toMatchObject({ overdue: false, dueSoon: true });
    expect(at(10.5)).toMatchObject({ overdue: true, dueSoon: false });
  });

  it('is the case’s own due time elsewhere, due soon in its last 15 minutes', () => {
    expect(waiting('telaah', 1)).toEqual({ dueAt: caseDue, overdue: false, dueSoon: false, priority: null });
    expect(waiting('telaah', 23.9)).toMatchObject({ overdue: false, dueSoon: true });
    expect(waiting('telaah', 24.1)).toMatchObject({ overdue: true, dueSoon: false });
  });

  it('stores for the case the due time the deadline tells, the default’s included', () => {
    const stored = (step: string | null, intake: IntakeAnswers) =>
      stepDueAtOf(standard, { openedAt, intake }, step);
    for (const priority of ['kritis', 'tinggi', 'rutin', 'rendah', 'darurat-sekali']) {
      const [told] = stepDeadlines(
        standard,
        { openedAt, intake: { priority }, closed: false },
        undecided,
        openedAt,
      );
      expect(stored('persetujuan', { priority })).toEqual(told?.dueAt);
    }
    expect(stored('persetujuan', { priority: 'rendah' })).toEqual(hoursLater(48));
    expect(stored('persetujuan', {})).toEqual(hoursLater(24));
    // Where the step has no deadline, or the case is at none, nothing is stored.
    expect(stored('telaah', { priority: 'kritis' })).toBeNull();
    expect(stored(null, { priority: 'kritis' })).toBeNull();
  });
});
