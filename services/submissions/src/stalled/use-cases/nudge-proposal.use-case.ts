import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { ProposalNudgedV1, type TimeZone } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { EditionDirectory } from '../../edition/edition-directory';
import { ProposalNotFoundError, ProposalStatusConflictError } from '../../proposal/proposal.errors';
import { ProposalLoader } from '../../proposal/proposal-loader';
import { ProposalRepository } from '../../proposal/proposal.repository';
import type { Proposal } from '../../proposal/proposal.schema';
import { SubmissionWindow } from '../../proposal/submission-window';
import { nextManualNudgeAt, nudgeRefusal, type NudgeRefusal } from '../manual-nudge';
import { NudgeTooSoonError } from '../stalled.errors';
import { StalledRepository } from '../stalled.repository';

export interface ManualNudge {
  readonly proposalId: string;
  readonly message: string | null;
  readonly nudgedAt: Date;
  readonly nextAllowedAt: Date;
}

/**
 * The local admin reminds the unit by hand of a proposal still with it (draft or returned)
 * while submission is open, at most once a day per proposal, optionally with a message.
 * The reminder and its `ProposalNudgedV1` are one conditional write on the proposal.
 */
@Injectable()
export class NudgeProposalUseCase {
  constructor(
    private readonly loader: ProposalLoader,
    private readonly proposals: ProposalRepository,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly stalled: StalledRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    proposalId: string,
    message: string | null,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<ManualNudge> {
    const proposal = await this.loader.ofOwnInstitution(proposalId, actor);
    const edition = await this.editions.get(proposal.editionId);
    await this.window.assertOpen(edition, actor, zone, now);
    const refusal = nudgeRefusal(proposal, now);
    if (refusal) throw refused(proposal, refusal);
    const event = createEvent(ProposalNudgedV1, {
      proposalId,
      editionId: proposal.editionId,
      institutionId: proposal.institutionId,
      unitId: proposal.unitId,
      title: proposal.title,
      message,
      nudgedBy: { kind: 'account', accountId: actor.accountId },
      nudgedAt: now.toISOString(),
      closesAt: edition.submissionClosesAt?.toISOString() ?? null,
    });
    if (!(await this.stalled.markNudgedByHand(proposalId, now, event))) {
      // Someone else nudged it or the unit moved it meanwhile: say which, as it is now.
      const current = await this.proposals.findById(proposalId);
      if (!current) throw new ProposalNotFoundError(proposalId);
      throw refused(current, nudgeRefusal(current, now) ?? { reason: 'not-with-unit' });
    }
    this.outbox.nudge();
    return { proposalId, message, nudgedAt: now, nextAllowedAt: nextManualNudgeAt(now) };
  }
}

function refused(proposal: Proposal, refusal: NudgeRefusal): Error {
  return refusal.reason === 'too-soon'
    ? new NudgeTooSoonError(proposal._id, refusal.lastNudgedAt, refusal.nextAllowedAt)
    : new ProposalStatusConflictError(proposal._id, proposal.status, 'nudge');
}
