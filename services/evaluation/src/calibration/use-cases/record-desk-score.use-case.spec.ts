import type { ClientSession } from 'mongoose';
import { editionConfigurationExample } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import type { ProposalStanding } from '../calibration-math';
import type { CalibrationRepository } from '../calibration.repository';
import { RecordDeskScoreUseCase, type ExtraEvaluatorRequester } from './record-desk-score.use-case';

const session = {} as ClientSession;
const edition: EditionProjection = {
  _id: 'ed_2027',
  configuration: editionConfigurationExample,
  revision: 1,
  currentPhase: 'desk-evaluation',
  currentPhaseChangedAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

function world(scores: number[]) {
  const state = {
    scores,
    standing: null as ProposalStanding | null,
    requestedAt: null as Date | null,
    requests: [] as unknown[],
    marks: 0,
  };
  const repository = {
    findEdition: () => Promise.resolve(edition),
    proposalScores: () => Promise.resolve(state.scores),
    saveStanding: (_p: string, _e: string, standing: ProposalStanding) => {
      state.standing = standing;
      return Promise.resolve({ extraEvaluatorRequested: state.requestedAt !== null });
    },
    markExtraEvaluatorRequested: (_p: string, at: Date) => {
      state.marks += 1;
      if (state.requestedAt) return Promise.resolve(false);
      state.requestedAt = at;
      return Promise.resolve(true);
    },
  };
  const extra: ExtraEvaluatorRequester = {
    execute: (input) => {
      state.requests.push(input);
      return Promise.resolve(null);
    },
  };
  // The fake has the repository methods this use case calls.
  const useCase = new RecordDeskScoreUseCase(repository as unknown as CalibrationRepository, extra);
  return { state, useCase };
}

const payload = { editionId: 'ed_2027', proposalId: 'prop_1' };

describe('RecordDeskScoreUseCase', () => {
  it('should recompute the standing from the sheets when a score arrives', async () => {
    const { state, useCase } = world([80, 90]);

    await useCase.execute(payload, session);

    expect(state.standing).toEqual({ scoreCount: 2, rawMean: 85, spread: 10, divergent: false });
    expect(state.requests).toEqual([]);
  });

  it('should request one extra evaluator when the proposal turns divergent, however often it is told', async () => {
    // The example edition's divergence margin is 20.
    const { state, useCase } = world([50, 90]);

    await useCase.execute(payload, session);
    await useCase.execute(payload, session);
    state.scores = [50, 90, 95];
    await useCase.execute(payload, session);

    expect(state.standing).toMatchObject({ divergent: true, scoreCount: 3 });
    expect(state.requests).toEqual([
      { editionId: 'ed_2027', proposalId: 'prop_1', reason: 'divergence' },
    ]);
  });

  it('should skip the extra-evaluator write when the saved result says one was already requested', async () => {
    const { state, useCase } = world([50, 90]);

    await useCase.execute(payload, session);
    await useCase.execute(payload, session);
    await useCase.execute(payload, session);

    expect(state.marks).toBe(1);
    expect(state.requests).toHaveLength(1);
  });

  it('should not request an extra evaluator when a racing transaction marked it first', async () => {
    const { state, useCase } = world([50, 90]);
    state.requestedAt = new Date(0);
    // The saved result predates the other transaction's mark; the conditional mark decides.
    const repository = (useCase as unknown as { repository: Record<string, unknown> }).repository;
    repository['saveStanding'] = () => Promise.resolve({ extraEvaluatorRequested: false });

    await useCase.execute(payload, session);

    expect(state.marks).toBe(1);
    expect(state.requests).toEqual([]);
  });
});
