import type { ClientSession, Connection } from 'mongoose';
import { editionConfigurationExample } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import type { HeldLease, LeaseService } from '../../lease/lease.service';
import type { SubmittedScore } from '../calibration-math';
import type { CalibrationRepository, NormalizedProposal } from '../calibration.repository';
import { CALIBRATION_CHUNK_SIZE, RunCalibrationUseCase } from './run-calibration.use-case';

const edition: EditionProjection = {
  _id: 'ed_2027',
  configuration: {
    ...editionConfigurationExample,
    evaluation: { ...editionConfigurationExample.evaluation!, minScoresForNormalization: 2 },
  },
  revision: 1,
  currentPhase: 'desk-evaluation',
  currentPhaseChangedAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

function world(scores: SubmittedScore[], leaseFree = true) {
  const written: NormalizedProposal[][] = [];
  let cleared = 0;
  let asserted = 0;
  const repository = {
    findEdition: () => Promise.resolve(edition),
    editionScores: () => Promise.resolve(scores),
    writeNormalized: (_e: string, _r: string, chunk: readonly NormalizedProposal[]) => {
      written.push([...chunk]);
      return Promise.resolve();
    },
    clearOthers: () => {
      cleared += 1;
      return Promise.resolve();
    },
  };
  const lease: HeldLease = { name: 'calibration:ed_2027', holder: 'evaluation-test', token: 1 };
  const leases = {
    runExclusive: async <T>(_name: string, work: (l: HeldLease) => Promise<T>) =>
      leaseFree ? { ran: true as const, result: await work(lease) } : { ran: false as const },
    assertHeld: () => {
      asserted += 1;
      return Promise.resolve();
    },
  };
  const connection = {
    transaction: <T>(fn: (s: ClientSession) => Promise<T>) => fn({} as ClientSession),
  };
  // Fakes with the surface the use case calls.
  const useCase = new RunCalibrationUseCase(
    repository as unknown as CalibrationRepository,
    leases as unknown as LeaseService,
    connection as unknown as Connection,
  );
  return { useCase, written, counts: () => ({ cleared, asserted }) };
}

const s = (proposalId: string, scorerId: string, score: number): SubmittedScore => ({
  proposalId,
  scorerId,
  score,
});

describe('RunCalibrationUseCase', () => {
  it('should write the normalised means in chunks, each under the lease', async () => {
    const scores = Array.from({ length: CALIBRATION_CHUNK_SIZE + 5 }, (_, n) => [
      s(`p${String(n).padStart(5, '0')}`, 'A', n % 100),
      s(`p${String(n).padStart(5, '0')}`, 'B', (n * 7) % 100),
    ]).flat();
    const { useCase, written, counts } = world(scores);

    const summary = await useCase.execute('ed_2027');

    expect(summary).toMatchObject({
      proposals: CALIBRATION_CHUNK_SIZE + 5,
      evaluators: 2,
      normalizedEvaluators: 2,
    });
    expect(written.map((c) => c.length)).toEqual([CALIBRATION_CHUNK_SIZE, 5]);
    expect(counts()).toEqual({ cleared: 1, asserted: 3 });
  });

  it('should answer RECOMPUTATION_IN_PROGRESS without writing when another instance holds the lease', async () => {
    const { useCase, written } = world([s('p1', 'A', 50)], false);

    await expect(useCase.execute('ed_2027')).rejects.toMatchObject({
      code: 'RECOMPUTATION_IN_PROGRESS',
      status: 409,
    });
    expect(written).toEqual([]);
  });

  it('should write the same numbers when run twice on the same scores', async () => {
    const scores = [s('p1', 'A', 60), s('p1', 'B', 70), s('p2', 'A', 80), s('p2', 'B', 90)];
    const first = world(scores);
    const second = world([...scores].reverse());

    await first.useCase.execute('ed_2027');
    await second.useCase.execute('ed_2027');

    expect(first.written).toEqual(second.written);
    expect(first.written[0]).toEqual([
      { proposalId: 'p1', normalizedMean: 63.81966 },
      { proposalId: 'p2', normalizedMean: 86.18034 },
    ]);
  });
});
