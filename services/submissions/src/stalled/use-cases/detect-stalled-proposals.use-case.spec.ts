import { ProposalStalledV1 } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { ProposalStatus } from '../../proposal/proposal.schema';
import { envStalledThresholds } from '../stalled-thresholds';
import type { StalledOptions } from '../stalled.options';
import type { ClosingEdition, SittingProposal, StalledRepository } from '../stalled.repository';
import { DetectStalledProposalsUseCase } from './detect-stalled-proposals.use-case';

const HOUR = 3_600_000;
const closesAt = new Date('2027-03-31T16:59:59.000Z');
const since = new Date('2027-03-01T00:00:00.000Z');

interface StoredProposal extends SittingProposal {
  stalledNotices: string[];
  outbox: PendingEvent[];
}

/** The repository's contract in memory, conditional write included. */
class InMemoryStalled {
  readonly editions: ClosingEdition[] = [{ editionId: 'ed_2027', closesAt }];
  readonly proposals = new Map<string, StoredProposal>();

  add(_id: string, status: ProposalStatus, editionId = 'ed_2027'): void {
    this.proposals.set(_id, {
      _id,
      editionId,
      institutionId: 'inst_a',
      unitId: 'unit_a',
      title: `Inovasi ${_id}`,
      status,
      statusSince: since,
      stalledNotices: [],
      outbox: [],
    });
  }

  get events(): PendingEvent[] {
    return [...this.proposals.values()].flatMap((proposal) => proposal.outbox);
  }

  asRepository(): StalledRepository {
    const repository: Pick<
      StalledRepository,
      'findEditionsClosingBetween' | 'findSittingWithoutNotice' | 'markStalled'
    > = {
      findEditionsClosingBetween: (from, until) =>
        Promise.resolve(this.editions.filter((e) => e.closesAt > from && e.closesAt <= until)),
      findSittingWithoutNotice: (editionId, threshold, afterId, limit) =>
        Promise.resolve(
          [...this.proposals.values()]
            .filter(
              (p) =>
                p.editionId === editionId &&
                ['draft', 'returned', 'submitted'].includes(p.status) &&
                !p.stalledNotices.includes(threshold) &&
                (afterId === null || p._id > afterId),
            )
            .sort((a, b) => a._id.localeCompare(b._id))
            .slice(0, limit)
            .map((p) => ({ ...p })),
        ),
      markStalled: (proposal, threshold, event) => {
        const stored = this.proposals.get(proposal._id);
        if (!stored || stored.status !== proposal.status) return Promise.resolve(false);
        if (stored.stalledNotices.includes(threshold)) return Promise.resolve(false);
        stored.stalledNotices.push(threshold);
        stored.outbox.push(event);
        return Promise.resolve(true);
      },
    };
    return repository as StalledRepository;
  }
}

function setUp(batchSize = 2) {
  const store = new InMemoryStalled();
  const notifier = new OutboxNotifier();
  const nudge = jest.fn();
  notifier.attach(nudge);
  const options: StalledOptions = {
    scanEnabled: false,
    scanIntervalMs: 60_000,
    thresholds: envStalledThresholds('7d,3d,1d,3h').parse(undefined),
    batchSize,
  };
  const replica = () => new DetectStalledProposalsUseCase(store.asRepository(), notifier, options);
  return { store, nudge, replica };
}

function payloads(events: readonly PendingEvent[]) {
  return events.map((event) => {
    const envelope = JSON.parse(event.value) as { payload: Record<string, unknown> };
    return envelope.payload;
  });
}

describe('DetectStalledProposalsUseCase', () => {
  it('should nudge each proposal with the unit or the local admin once when a threshold is crossed', async () => {
    const { store, nudge, replica } = setUp();
    store.add('p1', 'draft');
    store.add('p2', 'returned');
    store.add('p3', 'submitted');
    store.add('p4', 'forwarded');
    store.add('p5', 'withdrawn');
    const twoDaysBefore = new Date(closesAt.getTime() - 48 * HOUR);

    expect(await replica().execute(twoDaysBefore)).toBe(6); // 3 proposals × (7d, 3d)
    expect(await replica().execute(twoDaysBefore)).toBe(0);

    expect(store.events.every((event) => event.topic === ProposalStalledV1.topic)).toBe(true);
    expect(store.proposals.get('p1')?.stalledNotices).toEqual(['7d', '3d']);
    expect(store.proposals.get('p4')?.stalledNotices).toEqual([]);
    const sitting = new Map(payloads(store.events).map((p) => [p.proposalId, p.sittingWith]));
    expect(Object.fromEntries(sitting)).toEqual({ p1: 'unit', p2: 'unit', p3: 'local_admin' });
    expect(payloads(store.events)[0]).toMatchObject({
      editionId: 'ed_2027',
      since: since.toISOString(),
      closesAt: closesAt.toISOString(),
      detectedAt: twoDaysBefore.toISOString(),
    });
    expect(nudge).toHaveBeenCalled();
  });

  it('should send only the newly crossed threshold on a later scan', async () => {
    const { store, replica } = setUp();
    store.add('p1', 'draft');
    await replica().execute(new Date(closesAt.getTime() - 5 * 24 * HOUR));
    expect(await replica().execute(new Date(closesAt.getTime() - 20 * HOUR))).toBe(2);
    expect(store.proposals.get('p1')?.stalledNotices).toEqual(['7d', '3d', '1d']);
  });

  it('should let only one of two replicas scanning at the same time send each nudge', async () => {
    const { store, replica } = setUp();
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) store.add(id, 'draft');
    const now = new Date(closesAt.getTime() - 2 * HOUR);

    const queued = await Promise.all([replica().execute(now), replica().execute(now)]);

    expect(queued[0] + queued[1]).toBe(5 * 4);
    expect(store.events).toHaveLength(20);
  });

  it('should leave editions alone when their close is far away or already past', async () => {
    const { store, nudge, replica } = setUp();
    store.add('p1', 'draft');
    expect(await replica().execute(new Date(closesAt.getTime() - 8 * 24 * HOUR))).toBe(0);
    expect(await replica().execute(new Date(closesAt.getTime() + HOUR))).toBe(0);
    expect(nudge).not.toHaveBeenCalled();
  });
});
