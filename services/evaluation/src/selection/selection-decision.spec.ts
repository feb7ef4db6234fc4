import { decisionProblem, nextDecision } from './selection-decision';
import { editionInSelection, forwardedProposal } from './testing/selection-fixtures';

const failed = { check: 'innovation-age', outcome: 'fail' as const, note: 'too young' };
const passed = { check: 'completeness', outcome: 'pass' as const, note: '' };
const decided = {
  outcome: 'fail' as const,
  reasons: [failed],
  revision: 3,
  snapshotVersion: 2,
  decidedBy: 'acct_a',
  decidedAt: new Date(),
};

describe('decisionProblem', () => {
  it('should accept a first pass and a first fail with a failed reason', () => {
    const proposal = forwardedProposal();
    expect(
      decisionProblem(proposal, editionInSelection, { outcome: 'pass', reasons: [passed] }),
    ).toBeNull();
    expect(
      decisionProblem(proposal, editionInSelection, { outcome: 'fail', reasons: [failed, passed] }),
    ).toBeNull();
  });

  it.each([
    [
      'a withdrawn proposal',
      forwardedProposal({ withdrawnAt: new Date() }),
      'pass',
      [passed],
      undefined,
      'PROPOSAL_WITHDRAWN',
    ],
    [
      'a fail without a failed reason',
      forwardedProposal(),
      'fail',
      [passed],
      undefined,
      'SELECTION_FAIL_WITHOUT_REASON',
    ],
    [
      'a fail with no reason at all',
      forwardedProposal(),
      'fail',
      [],
      undefined,
      'SELECTION_FAIL_WITHOUT_REASON',
    ],
    [
      'a pass listing a failed check',
      forwardedProposal(),
      'pass',
      [failed],
      undefined,
      'SELECTION_PASS_WITH_FAILED_REASON',
    ],
    [
      'a revision without expectedRevision',
      forwardedProposal({ selection: decided }),
      'pass',
      [passed],
      undefined,
      'SELECTION_REVISION_CONFLICT',
    ],
    [
      'a revision of a stale revision',
      forwardedProposal({ selection: decided }),
      'pass',
      [passed],
      2,
      'SELECTION_REVISION_CONFLICT',
    ],
    [
      'a first decision claiming a revision',
      forwardedProposal(),
      'pass',
      [passed],
      1,
      'SELECTION_REVISION_CONFLICT',
    ],
  ] as const)('should refuse %s', (_, proposal, outcome, reasons, expectedRevision, expected) => {
    const problem = decisionProblem(proposal, editionInSelection, {
      outcome,
      reasons: [...reasons],
      expectedRevision,
    });
    expect(problem?.code).toBe(expected);
  });

  it('should refuse any decision when the edition is in another phase', () => {
    for (const phase of ['submission', 'desk-evaluation', null] as const) {
      const problem = decisionProblem(
        forwardedProposal(),
        { ...editionInSelection, currentPhase: phase },
        { outcome: 'pass', reasons: [] },
      );
      expect(problem?.code).toBe('SELECTION_CLOSED');
    }
  });

  it('should accept a revision of the current revision', () => {
    const problem = decisionProblem(forwardedProposal({ selection: decided }), editionInSelection, {
      outcome: 'pass',
      reasons: [passed],
      expectedRevision: 3,
    });
    expect(problem).toBeNull();
  });
});

describe('nextDecision', () => {
  const at = new Date('2027-04-10T03:00:00Z');

  it('should start at revision 1 on the proposal’s current snapshot', () => {
    expect(
      nextDecision(forwardedProposal(), { outcome: 'pass', reasons: [passed] }, 'acct_a', at),
    ).toEqual({
      outcome: 'pass',
      reasons: [passed],
      revision: 1,
      snapshotVersion: 2,
      decidedBy: 'acct_a',
      decidedAt: at,
    });
  });

  it('should keep counting when a newer snapshot cleared the earlier decision', () => {
    const proposal = forwardedProposal({ selection: null, lastSelectionRevision: 4 });
    expect(nextDecision(proposal, { outcome: 'pass', reasons: [] }, 'acct_a', at).revision).toBe(5);
    expect(
      nextDecision(
        forwardedProposal({ selection: decided }),
        { outcome: 'pass', reasons: [] },
        'a',
        at,
      ).revision,
    ).toBe(4);
  });
});
