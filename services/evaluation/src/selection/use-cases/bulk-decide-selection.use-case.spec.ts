import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import type { OutboxNotifier } from '@kipp/messaging';
import type { EditionLookup } from '../../edition/edition-lookup';
import type { EvaluationProposal } from '../../proposal/proposal.schema';
import { SelectionBulkInvalidError, SelectionRevisionConflictError } from '../selection.errors';
import type { DecisionWrite, SelectionRepository } from '../selection.repository';
import { editionInSelection, forwardedProposal } from '../testing/selection-fixtures';
import { BulkDecideSelectionUseCase } from './bulk-decide-selection.use-case';
import { DecideSelectionUseCase } from './decide-selection.use-case';

const admin: AuthenticatedUser = {
  accountId: 'acct_secretariat',
  roles: ['national_admin'],
  institutionId: null,
  unitId: null,
  locale: 'id',
};
const failed = { check: 'innovation-age', outcome: 'fail' as const, note: 'too young' };

/** The proposals in memory; `record` stores only writes whose guard still holds. */
class FakeSelection {
  readonly stored: DecisionWrite[] = [];
  constructor(
    readonly proposals: EvaluationProposal[],
    private readonly stale = new Set<string>(),
  ) {}
  findById = (id: string) => Promise.resolve(this.proposals.find((p) => p._id === id) ?? null);
  findMany = (ids: readonly string[]) =>
    Promise.resolve(this.proposals.filter((p) => ids.includes(p._id)));
  record = (writes: readonly DecisionWrite[]) => {
    const fresh = writes.filter((w) => !this.stale.has(w.proposal._id));
    this.stored.push(...fresh);
    return Promise.resolve(fresh.length);
  };
}

function setUp(proposals: EvaluationProposal[], stale?: Set<string>) {
  const selection = new FakeSelection(proposals, stale);
  const editions = {
    require: () => Promise.resolve(editionInSelection),
  } as unknown as EditionLookup;
  const nudges: number[] = [];
  const outbox = { nudge: () => nudges.push(1) } as unknown as OutboxNotifier;
  const committed: boolean[] = [];
  // A transaction fake: commits when the callback resolves, rolls back when it throws.
  const connection = {
    transaction: async (fn: (session: unknown) => Promise<unknown>) => {
      const before = selection.stored.length;
      try {
        const result = await fn({});
        committed.push(true);
        return result;
      } catch (error) {
        selection.stored.splice(before);
        committed.push(false);
        throw error;
      }
    },
  } as unknown as Connection;
  const repo = selection as unknown as SelectionRepository;
  return {
    selection,
    nudges,
    committed,
    bulk: new BulkDecideSelectionUseCase(editions, repo, outbox, connection),
    decide: new DecideSelectionUseCase(editions, repo, outbox),
  };
}

describe('BulkDecideSelectionUseCase', () => {
  it('should store every decision with its event and nudge the relay when all are valid', async () => {
    const { bulk, selection, nudges } = setUp([
      forwardedProposal({ _id: 'p1' }),
      forwardedProposal({ _id: 'p2' }),
    ]);
    const result = await bulk.execute(admin, 'ed_2027', [
      { proposalId: 'p1', outcome: 'pass', reasons: [] },
      { proposalId: 'p2', outcome: 'fail', reasons: [failed] },
    ]);
    expect(result).toEqual({
      decided: 2,
      items: [
        { proposalId: 'p1', outcome: 'pass', revision: 1 },
        { proposalId: 'p2', outcome: 'fail', revision: 1 },
      ],
    });
    const payloads = selection.stored.map(
      (w) => (JSON.parse(w.event.value) as { payload: Record<string, unknown> }).payload,
    );
    expect(payloads.map((p) => [p.proposalId, p.outcome, p.decisionRevision])).toEqual([
      ['p1', 'pass', 1],
      ['p2', 'fail', 1],
    ]);
    expect(payloads[1]?.reasons).toEqual([failed]);
    expect(nudges).toHaveLength(1);
  });

  it('should write nothing and list every bad item when some are invalid', async () => {
    const { bulk, selection, nudges } = setUp([
      forwardedProposal({ _id: 'p1' }),
      forwardedProposal({ _id: 'p2', withdrawnAt: new Date() }),
      forwardedProposal({ _id: 'p3', editionId: 'ed_other' }),
    ]);
    const attempt = bulk.execute(admin, 'ed_2027', [
      { proposalId: 'p1', outcome: 'fail', reasons: [] },
      { proposalId: 'p2', outcome: 'pass', reasons: [] },
      { proposalId: 'p3', outcome: 'pass', reasons: [] },
      { proposalId: 'nope', outcome: 'pass', reasons: [] },
      { proposalId: 'p2', outcome: 'pass', reasons: [] },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(SelectionBulkInvalidError);
    const error = (await attempt.catch((e: unknown) => e)) as SelectionBulkInvalidError;
    expect(error.details).toEqual({
      items: [
        expect.objectContaining({ index: 0, code: 'SELECTION_FAIL_WITHOUT_REASON' }),
        expect.objectContaining({ index: 1, code: 'PROPOSAL_WITHDRAWN' }),
        expect.objectContaining({ index: 2, code: 'PROPOSAL_NOT_FOUND' }),
        expect.objectContaining({ index: 3, code: 'PROPOSAL_NOT_FOUND' }),
        expect.objectContaining({ index: 4, code: 'DUPLICATE_ITEM' }),
      ],
    });
    expect(selection.stored).toEqual([]);
    expect(nudges).toEqual([]);
  });

  it('should roll every write back when one proposal changed after validation', async () => {
    const { bulk, selection, committed, nudges } = setUp(
      [forwardedProposal({ _id: 'p1' }), forwardedProposal({ _id: 'p2' })],
      new Set(['p2']),
    );
    await expect(
      bulk.execute(admin, 'ed_2027', [
        { proposalId: 'p1', outcome: 'pass', reasons: [] },
        { proposalId: 'p2', outcome: 'pass', reasons: [] },
      ]),
    ).rejects.toBeInstanceOf(SelectionRevisionConflictError);
    expect(selection.stored).toEqual([]);
    expect(committed).toEqual([false]);
    expect(nudges).toEqual([]);
  });
});

describe('DecideSelectionUseCase', () => {
  it('should answer a conflict when the proposal changed between the read and the write', async () => {
    const { decide, nudges } = setUp([forwardedProposal({ _id: 'p1' })], new Set(['p1']));
    await expect(
      decide.execute(admin, 'p1', { outcome: 'pass', reasons: [] }),
    ).rejects.toBeInstanceOf(SelectionRevisionConflictError);
    expect(nudges).toEqual([]);
  });

  it('should return the stored decision when it is taken', async () => {
    const { decide, selection } = setUp([forwardedProposal({ _id: 'p1' })]);
    const at = new Date('2027-04-10T03:00:00Z');
    const result = await decide.execute(admin, 'p1', { outcome: 'fail', reasons: [failed] }, at);
    expect(result).toEqual({
      proposalId: 'p1',
      decision: {
        outcome: 'fail',
        reasons: [failed],
        revision: 1,
        snapshotVersion: 2,
        decidedBy: 'acct_secretariat',
        decidedAt: '2027-04-10T03:00:00.000Z',
      },
    });
    expect(selection.stored).toHaveLength(1);
  });
});
