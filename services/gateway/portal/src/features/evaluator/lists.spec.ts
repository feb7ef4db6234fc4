import {
  countByStatus,
  deskRow,
  panelRow,
  visibleRows,
  type EvaluationRow,
} from './assignment-rows';
import { endReasonValid } from './end-assignment-dialog';
import type { InterviewSlot, MyAssignment } from './evaluator-api';
import { photoProblem, visitBody } from './field-verification';
import { dayIn, perDay, scheduleRows, slotStanding } from './interview-schedule';
import {
  canConfirm,
  finalistBookings,
  openSlots,
} from '../local-admin/interview/finalist-bookings';
import { slotFixture as slot } from './slot-fixture';

function row(key: string, status: EvaluationRow['status'], deadline: string | null): EvaluationRow {
  return {
    key,
    stage: 'desk',
    to: `/evaluator/assignments/${key}`,
    assignmentId: key,
    editionId: 'ed_2027',
    proposalId: `p-${key}`,
    title: `Title ${key}`,
    categoryId: null,
    groupId: null,
    deadline,
    status,
    score: null,
  };
}

describe('my evaluations list', () => {
  const rows = [
    row('a', 'scored', '2027-06-30T10:00:00Z'),
    row('b', 'not-started', '2027-06-30T10:00:00Z'),
    row('c', 'in-progress', '2027-07-01T10:00:00Z'),
    row('d', 'not-started', '2027-06-29T10:00:00Z'),
  ];

  it('should count the proposals per status for the progress chart', () => {
    expect(countByStatus(rows)).toEqual({ scored: 1, 'in-progress': 1, 'not-started': 2 });
  });

  it('should put work in progress first, then untouched ones by deadline, scored last', () => {
    expect(visibleRows(rows, 'all').map((r) => r.key)).toEqual(['c', 'd', 'b', 'a']);
    expect(visibleRows(rows, 'not-started').map((r) => r.key)).toEqual(['d', 'b']);
  });

  it("should take a desk line's standing from the list item, the sheet's deadline before the assignment's", () => {
    const item: MyAssignment = {
      assignmentId: 'as 1',
      editionId: 'ed_2027',
      dueAt: '2027-06-30T10:00:00Z',
      deadline: '2027-06-30T10:30:00Z',
      proposal: null,
      sheet: null,
    };
    expect(deskRow(item)).toMatchObject({
      to: '/evaluator/assignments/as%201',
      title: null,
      status: 'not-started',
      score: null,
      deadline: '2027-06-30T10:30:00Z',
    });
    const submitted = { status: 'submitted', revision: 3, weightedScore: 85, submittedAt: null };
    expect(
      deskRow({ ...item, deadline: null, sheet: { ...submitted, status: 'draft' } }),
    ).toMatchObject({ status: 'in-progress', score: null, deadline: '2027-06-30T10:00:00Z' });
    expect(deskRow({ ...item, sheet: { ...submitted, status: 'submitted' } })).toMatchObject({
      status: 'scored',
      score: 85,
    });
  });
});

describe("the panel's list", () => {
  it("should take a finalist's standing and score from the list, the panel window's end as deadline", () => {
    const item = {
      proposalId: 'prop 1',
      title: 'Posyandu Digital',
      categoryId: 'health',
      groupId: 'general',
      institutionName: 'Kota Bandung',
      sheet: null,
    };
    expect(panelRow('ed_2027', item, '2027-07-12T01:00:00Z')).toMatchObject({
      to: '/evaluator/panel/ed_2027/prop%201',
      stage: 'panel',
      assignmentId: null,
      status: 'not-started',
      score: null,
      deadline: '2027-07-12T01:00:00Z',
    });
    const sheet = { status: 'draft' as const, revision: 1, weightedScore: 70, submittedAt: null };
    expect(panelRow('ed_2027', { ...item, sheet }, null)).toMatchObject({
      status: 'in-progress',
      score: null,
    });
    expect(
      panelRow('ed_2027', { ...item, sheet: { ...sheet, status: 'submitted' } }, null),
    ).toMatchObject({ status: 'scored', score: 70 });
  });
});

describe('ending an assignment', () => {
  it('should want a reason of 3 to 2000 characters, spaces aside', () => {
    expect(endReasonValid('  ab ')).toBe(false);
    expect(endReasonValid('Saya pembina unit ini')).toBe(true);
    expect(endReasonValid('x'.repeat(2001))).toBe(false);
  });
});

describe('the interview schedule', () => {
  // 23:30 UTC is already the next day in WIB (UTC+7).
  const slots = [
    slot('s2', '2027-08-02T02:00:00Z', { proposalId: 'p2', confirmedAt: '2027-07-30T00:00:00Z' }),
    slot('s1', '2027-08-01T23:30:00Z'),
    slot('s0', '2027-08-01T02:00:00Z', { proposalId: 'p1', confirmBy: '2027-07-31T02:00:00Z' }),
  ];

  it('should read days in the chosen zone', () => {
    expect(dayIn('2027-08-01T23:30:00Z', 'WIB')).toBe('2027-08-02');
    expect(dayIn('2027-08-01T16:30:00Z', 'WIB')).toBe('2027-08-01');
    expect(dayIn('2027-08-01T16:30:00Z', 'WIT')).toBe('2027-08-02');
  });

  it('should count booked sessions per day, days with none included', () => {
    expect(perDay(slots, 'WIB', (s) => s.proposalId !== null)).toEqual([
      { day: '2027-08-01', count: 1 },
      { day: '2027-08-02', count: 1 },
    ]);
    expect(perDay(slots, 'WIB')).toEqual([
      { day: '2027-08-01', count: 1 },
      { day: '2027-08-02', count: 2 },
    ]);
  });

  it('should list booked sessions in time order, free ones only on request', () => {
    expect(scheduleRows(slots, false).map((s) => s.slotId)).toEqual(['s0', 's2']);
    expect(scheduleRows(slots, true).map((s) => s.slotId)).toEqual(['s0', 's1', 's2']);
  });

  it('should flag a booking still unconfirmed past its confirmation deadline', () => {
    const before = new Date('2027-07-30T00:00:00Z');
    const after = new Date('2027-07-31T03:00:00Z');
    const [booked] = slots.filter((s) => s.slotId === 's0');
    if (!booked) throw new Error('fixture');
    expect(slotStanding(booked, before)).toBe('awaiting');
    expect(slotStanding(booked, after)).toBe('at-risk');
    expect(slotStanding(slots[0] as InterviewSlot, after)).toBe('confirmed');
    expect(slotStanding(slots[1] as InterviewSlot, after)).toBe('free');
  });
});

describe("the local admin's bookings", () => {
  const results = {
    stages: [
      {
        stage: 'finalists',
        version: 1,
        entries: [{ proposalId: 'old', title: 'Old list', rank: 1, advanced: true }],
      },
      {
        stage: 'finalists',
        version: 2,
        entries: [
          { proposalId: 'p1', title: 'Layanan Kilat', rank: 3, advanced: true },
          { proposalId: 'p9', title: 'Tidak lolos', rank: 120, advanced: false },
          { proposalId: 'p2', title: 'Posyandu Digital', rank: 7, advanced: true },
        ],
      },
      { stage: 'shortlist', version: 5, entries: [] },
    ],
  };
  const slots = [
    slot('s1', '2027-08-01T02:00:00Z', { proposalId: 'p1', confirmBy: '2027-07-31T02:00:00Z' }),
    slot('s2', '2027-08-01T03:00:00Z'),
    slot('s0', '2027-07-01T03:00:00Z'),
  ];
  const now = new Date('2027-07-20T00:00:00Z');

  it('should take the advanced finalists of the newest publication, unbooked first', () => {
    const rows = finalistBookings(results, slots, now);
    expect(rows.map((r) => [r.proposalId, r.standing, r.slot?.slotId ?? null])).toEqual([
      ['p2', 'none', null],
      ['p1', 'awaiting', 's1'],
    ]);
  });

  it('should offer only free sessions that have not started', () => {
    expect(openSlots(slots, now).map((s) => s.slotId)).toEqual(['s2']);
  });

  it('should allow confirming only a booked, unconfirmed session before its deadline', () => {
    const [unbooked, booked] = finalistBookings(results, slots, now);
    if (!unbooked || !booked) throw new Error('fixture');
    expect(canConfirm(unbooked, now)).toBe(false);
    expect(canConfirm(booked, now)).toBe(true);
    expect(canConfirm(booked, new Date('2027-07-31T02:00:01Z'))).toBe(false);
  });
});

describe('field verification', () => {
  it('should build a visit with one team member per line, or refuse an incomplete one', () => {
    expect(
      visitBody({
        visitedOn: '2027-08-10',
        team: 'Dr. Sari\n\n  Budi Santoso ',
        findings: ' Layanan berjalan ',
        recommendation: 'confirmed',
      }),
    ).toEqual({
      visitedOn: '2027-08-10',
      team: ['Dr. Sari', 'Budi Santoso'],
      findings: 'Layanan berjalan',
      recommendation: 'confirmed',
    });
    expect(
      visitBody({ visitedOn: '2027-08-10', team: ' ', findings: 'x', recommendation: '' }),
    ).toBeNull();
    expect(visitBody({ visitedOn: '', team: 'A', findings: 'x', recommendation: '' })).toBeNull();
  });

  it('should catch a photo of the wrong type or over 10 MB before uploading', () => {
    expect(photoProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(photoProblem({ type: 'application/pdf', size: 1000 })).toBe('type');
    expect(photoProblem({ type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toBe('size');
  });
});
