import { Injectable } from '@nestjs/common';
import type { EvaluationSettings } from '@kipp/contracts';
import { requireEvaluatedEdition } from '../edition/evaluated-edition';
import { FinalistsRepository, type FinalistProposal } from '../plenary/finalists.repository';
import {
  FinalistDisqualifiedError,
  NotAFinalistError,
  SlotNotFoundError,
} from './interview.errors';
import { InterviewRepository, type SlotView } from './interview.repository';

/** Loads a slot with its edition's settings, and finalists of that edition. */
@Injectable()
export class SlotAccess {
  constructor(
    private readonly finalists: FinalistsRepository,
    private readonly repository: InterviewRepository,
  ) {}

  async slot(slotId: string): Promise<{ slot: SlotView; settings: EvaluationSettings }> {
    const slot = await this.repository.findById(slotId);
    if (!slot) throw new SlotNotFoundError(slotId);
    const settings = requireEvaluatedEdition(
      slot.editionId,
      await this.finalists.findEdition(slot.editionId),
    ).evaluation;
    return { slot, settings };
  }

  /** A current finalist of the edition; a disqualified one is 409 `FINALIST_DISQUALIFIED`. */
  async finalist(editionId: string, proposalId: string): Promise<FinalistProposal> {
    await this.assertNotDisqualified(proposalId);
    const finalist = await this.finalists.findFinalist(proposalId);
    if (!finalist || finalist.editionId !== editionId) throw new NotAFinalistError(proposalId);
    return finalist;
  }

  async assertNotDisqualified(proposalId: string): Promise<void> {
    const proposal = await this.finalists.findProposal(proposalId);
    if (proposal?.disqualification) throw new FinalistDisqualifiedError(proposalId);
  }
}
