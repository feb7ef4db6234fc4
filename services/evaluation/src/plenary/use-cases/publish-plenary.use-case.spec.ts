import type { Connection } from 'mongoose';
import { authenticatedUser } from '@kipp/testing';
import { editionConfigurationExample } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { EditionProjection } from '../../edition/edition.schema';
import type { LeaseService } from '../../lease/lease.service';
import type { FinalistProposal } from '../finalists.repository';
import type { PlenaryInputs, PlenaryInputsLoader } from '../plenary-inputs';
import type { PlenaryRepository } from '../plenary.repository';
import { PublishPlenaryUseCase } from './publish-plenary.use-case';

jest.mock('@kipp/mongo', () => ({
  ...jest.requireActual<object>('@kipp/mongo'),
  runInTransaction: (_connection: unknown, fn: (session: unknown) => Promise<unknown>) =>
    fn({ fake: 'session' }),
}));

const DAY = 86_400_000;
const admin = authenticatedUser(['national_admin'], { accountId: 'acct_admin' });

function inputs(phase: 'plenary' | 'interview', missing: string[] = []): PlenaryInputs {
  const now = Date.now();
  const configuration = {
    ...editionConfigurationExample,
    stageSizes: { ...editionConfigurationExample.stageSizes, winnersTop: 1, winnersOutstanding: 1 },
    calendar: [
      {
        phase,
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + DAY).toISOString(),
      },
    ],
  };
  const finalist = (id: string): FinalistProposal => ({
    _id: id,
    editionId: 'ed_2027',
    groupId: 'general',
    categoryId: 'health',
    institutionId: 'inst_a',
    unitId: 'unit_1',
    title: `Inovasi ${id}`,
    snapshotVersion: 2,
    institution: null,
    forwardedAt: new Date('2027-03-01T00:00:00Z'),
    withdrawnAt: null,
    selection: null,
    disqualification: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  return {
    edition: { _id: 'ed_2027', configuration, currentPhase: phase } as EditionProjection,
    configuration,
    finalists: [finalist('p1'), finalist('p2')],
    candidates: [
      {
        proposalId: 'p1',
        groupId: 'general',
        panelScore: 70,
        deskNormalized: null,
        deskRaw: null,
        forwardedAt: new Date(),
      },
      {
        proposalId: 'p2',
        groupId: 'general',
        panelScore: 90,
        deskNormalized: null,
        deskRaw: null,
        forwardedAt: new Date(),
      },
    ],
    missingPanelScores: missing,
  };
}

function setup(loaded: PlenaryInputs, leaseFree = true) {
  const published: { entries: unknown[]; outbox: PendingEvent[]; version: number }[] = [];
  const awards: { id: string; tiers: string[]; event: PendingEvent }[] = [];
  const repository = {
    latestFinalVersion: jest.fn().mockResolvedValue(3),
    insertPublication: jest.fn((p: (typeof published)[number]) => {
      published.push(p);
      return Promise.resolve();
    }),
    upsertAward: jest.fn((id: string, fields: { tiers: string[] }, event: PendingEvent) => {
      awards.push({ id, tiers: fields.tiers, event });
      return Promise.resolve();
    }),
  };
  const assertHeld = jest.fn().mockResolvedValue(undefined);
  const leases = {
    runExclusive: jest.fn(
      async (_name: string, work: (lease: { name: string; token: number }) => Promise<unknown>) =>
        leaseFree
          ? { ran: true, result: await work({ name: 'plenary:ed_2027', token: 9 }) }
          : { ran: false },
    ),
    assertHeld,
  };
  const notifier = new OutboxNotifier();
  const nudge = jest.fn();
  notifier.attach(nudge);
  const useCase = new PublishPlenaryUseCase(
    { load: jest.fn().mockResolvedValue(loaded) } as unknown as PlenaryInputsLoader,
    repository as unknown as PlenaryRepository,
    leases as unknown as LeaseService,
    notifier,
    {} as Connection,
  );
  return { useCase, published, awards, leases, assertHeld, nudge };
}

describe('PublishPlenaryUseCase', () => {
  it('should write the next final publication and one award per finalist under the lease when the plenary is open', async () => {
    const { useCase, published, awards, leases, assertHeld, nudge } = setup(inputs('plenary'));
    const result = await useCase.execute(admin, 'ed_2027', { allowMissing: false });
    expect(leases.runExclusive).toHaveBeenCalledWith('plenary:ed_2027', expect.any(Function));
    expect(assertHeld).toHaveBeenCalledWith(
      { name: 'plenary:ed_2027', token: 9 },
      { fake: 'session' },
    );
    expect(result.publicationId).toBe('pub_ed_2027_final_4');
    expect(published).toHaveLength(1);
    expect(published[0]?.outbox).toHaveLength(2);
    expect(awards.map((a) => [a.id, a.tiers])).toEqual([
      ['p2', ['finalist', 'top', 'outstanding']],
      ['p1', ['finalist']],
    ]);
    expect(awards[0]?.event.key).toBe('p2');
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should answer RECOMPUTATION_IN_PROGRESS and write nothing when another instance holds the lease', async () => {
    const { useCase, published, awards } = setup(inputs('plenary'), false);
    await expect(useCase.execute(admin, 'ed_2027', { allowMissing: false })).rejects.toMatchObject({
      code: 'RECOMPUTATION_IN_PROGRESS',
    });
    expect(published).toHaveLength(0);
    expect(awards).toHaveLength(0);
  });

  it('should let one of two concurrent publications on the same instance through when they race', async () => {
    const { useCase, published } = setup(inputs('plenary'));
    const results = await Promise.allSettled([
      useCase.execute(admin, 'ed_2027', { allowMissing: false }),
      useCase.execute(admin, 'ed_2027', { allowMissing: false }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'RECOMPUTATION_IN_PROGRESS' },
    });
    expect(published).toHaveLength(1);
  });

  it('should list the finalists without panel scores when they are missing and not allowed', async () => {
    const { useCase, leases } = setup(inputs('plenary', ['p1']));
    await expect(useCase.execute(admin, 'ed_2027', { allowMissing: false })).rejects.toMatchObject({
      code: 'PANEL_SCORES_MISSING',
      details: { proposalIds: ['p1'] },
    });
    expect(leases.runExclusive).not.toHaveBeenCalled();
    await expect(useCase.execute(admin, 'ed_2027', { allowMissing: true })).resolves.toBeDefined();
  });

  it('should refuse when the calendar is outside the plenary and results phases', async () => {
    const { useCase } = setup(inputs('interview'));
    await expect(useCase.execute(admin, 'ed_2027', { allowMissing: true })).rejects.toMatchObject({
      code: 'PLENARY_NOT_OPEN',
    });
  });
});
