import { Inject, Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { PayloadOf, ScoreSubmittedV1 } from '@kipp/contracts';
import { AssignExtraEvaluatorUseCase } from '../../assignment/use-cases/assign-extra-evaluator.use-case';
import { proposalStanding, type ProposalStanding } from '../calibration-math';
import { CalibrationRepository } from '../calibration.repository';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';

/** What this use case needs of the assignment feature (a port, so specs can fake it). */
export interface ExtraEvaluatorRequester {
  execute(
    input: { editionId: string; proposalId: string; reason: 'divergence' },
    session: ClientSession,
  ): Promise<unknown>;
}

/**
 * Brings a proposal's desk result up to date after a desk score was submitted. It recomputes
 * from the sheets (the latest submission of each scorer), not from the event, so redelivered
 * or reordered events give the same answer. The first time the proposal turns divergent an
 * extra evaluator is requested, in the same transaction as the consumer's processed-event
 * record: exactly one extra assignment, however often the event arrives. Per event: the
 * edition, the submitted scores (projected), one upsert that also returns whether an extra
 * evaluator was already requested, and — only the first time the proposal is divergent — the
 * conditional mark.
 */
@Injectable()
export class RecordDeskScoreUseCase {
  constructor(
    private readonly repository: CalibrationRepository,
    @Inject(AssignExtraEvaluatorUseCase) private readonly extraEvaluator: ExtraEvaluatorRequester,
  ) {}

  async execute(
    payload: Pick<PayloadOf<typeof ScoreSubmittedV1>, 'editionId' | 'proposalId'>,
    session: ClientSession,
    now = new Date(),
  ): Promise<ProposalStanding> {
    const { editionId, proposalId } = payload;
    const edition = requireEvaluatedEdition(
      editionId,
      await this.repository.findEdition(editionId, session),
    );
    const scores = await this.repository.proposalScores(proposalId, session);
    const standing = proposalStanding(scores, edition.evaluation.divergenceMargin);
    const saved = await this.repository.saveStanding(proposalId, editionId, standing, session);
    // The conditional mark keeps "at most once" when two transactions race; it is only tried
    // while the saved result says no extra evaluator was requested yet.
    if (
      standing.divergent &&
      !saved.extraEvaluatorRequested &&
      (await this.repository.markExtraEvaluatorRequested(proposalId, now, session))
    ) {
      await this.extraEvaluator.execute({ editionId, proposalId, reason: 'divergence' }, session);
    }
    return standing;
  }
}
