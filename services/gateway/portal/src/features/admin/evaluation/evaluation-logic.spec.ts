import { checkDays, slotState, type InterviewSlot } from './interview-logic';
import {
  clearPasses,
  decisionProblem,
  outcomeOf,
  startingReasons,
  type SelectionItem,
} from './selection-logic';

const item = (overrides: Partial<SelectionItem>): SelectionItem => ({
  proposalId: 'p-1',
  institutionId: 'inst_1',
  institutionName: 'Kota Bandung',
  groupId: 'general',
  categoryId: 'health',
  title: 'Layanan',
  forwardedAt: '2027-03-01T00:00:00.000Z',
  withdrawn: false,
  checks: [
    { check: 'innovation-age', outcome: 'pass', detail: 'ok' },
    { check: 'completeness', outcome: 'warn', detail: 'summary is short' },
    { check: 'duplicate-title', outcome: 'fail', detail: 'same as p-9' },
  ],
  decision: null,
  ...overrides,
});

describe('administrative selection', () => {
  it('should start from the checks, failing only what failed and keeping the details of the rest', () => {
    const reasons = startingReasons(item({}));
    expect(reasons).toEqual([
      { check: 'innovation-age', outcome: 'pass', note: '' },
      { check: 'completeness', outcome: 'pass', note: 'summary is short' },
      { check: 'duplicate-title', outcome: 'fail', note: 'same as p-9' },
    ]);
    expect(outcomeOf(reasons)).toBe('fail');
  });

  it('should start from an earlier decision when there is one', () => {
    const decision = {
      outcome: 'pass' as const,
      reasons: [{ check: 'x', outcome: 'pass' as const, note: 'n' }],
      revision: 2,
      decidedAt: 'd',
    };
    expect(startingReasons(item({ decision }))).toEqual(decision.reasons);
  });

  it("should apply the service's two rules before sending", () => {
    const failed = [{ check: 'a', outcome: 'fail' as const, note: '' }];
    const passed = [{ check: 'a', outcome: 'pass' as const, note: '' }];
    expect(decisionProblem('fail', passed)).toBe('SELECTION_FAIL_WITHOUT_REASON');
    expect(decisionProblem('fail', [])).toBe('SELECTION_FAIL_WITHOUT_REASON');
    expect(decisionProblem('pass', failed)).toBe('SELECTION_PASS_WITH_FAILED_REASON');
    expect(decisionProblem('pass', passed)).toBeNull();
    expect(decisionProblem('fail', failed)).toBeNull();
  });

  it('should offer a bulk pass only for undecided, not withdrawn proposals that passed every check', () => {
    const clean = item({
      proposalId: 'clean',
      checks: [{ check: 'a', outcome: 'pass', detail: '' }],
    });
    const decided = {
      ...clean,
      proposalId: 'decided',
      decision: { outcome: 'pass' as const, reasons: [], revision: 1, decidedAt: 'd' },
    };
    const withdrawn = { ...clean, proposalId: 'withdrawn', withdrawn: true };
    expect(clearPasses([item({}), clean, decided, withdrawn]).map((i) => i.proposalId)).toEqual([
      'clean',
    ]);
  });
});

describe('interview slots', () => {
  const slot = (overrides: Partial<InterviewSlot>): InterviewSlot => ({
    slotId: 's-1',
    room: 1,
    startsAt: '2027-06-23T01:00:00.000Z',
    endsAt: '2027-06-23T01:20:00.000Z',
    proposalId: 'p-1',
    institutionId: 'inst_1',
    confirmBy: '2027-06-22T01:00:00.000Z',
    confirmedAt: null,
    ...overrides,
  });
  const before = new Date('2027-06-21T00:00:00.000Z');
  const after = new Date('2027-06-22T02:00:00.000Z');

  it('should tell free, confirmed, awaiting and at-risk sessions apart', () => {
    expect(slotState(slot({ proposalId: null }), after)).toBe('free');
    expect(slotState(slot({ confirmedAt: '2027-06-20T00:00:00.000Z' }), after)).toBe('confirmed');
    expect(slotState(slot({}), before)).toBe('awaiting');
    expect(slotState(slot({}), after)).toBe('at-risk');
  });

  it('should keep only complete days that end after they start', () => {
    const { valid, invalid } = checkDays([
      { date: '2027-06-23', start: '08:00', end: '16:00', timeZone: 'WIB' },
      { date: '', start: '08:00', end: '16:00', timeZone: 'WIB' },
      { date: '2027-06-24', start: '16:00', end: '08:00', timeZone: 'WITA' },
    ]);
    expect(valid).toHaveLength(1);
    expect(invalid).toEqual([1, 2]);
  });
});
