import { Inject, Injectable } from '@nestjs/common';
import { ProposalStalledV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import type { ProposalStatus } from '../../proposal/proposal.schema';
import { crossedThresholds, largestThresholdMs } from '../stalled-thresholds';
import { STALLED_OPTIONS, type StalledOptions } from '../stalled.options';
import { StalledRepository, type ClosingEdition } from '../stalled.repository';

export type SittingWith = 'unit' | 'local_admin';

/** Who must act next on a proposal that has not reached the ministry. */
export function sittingWith(status: ProposalStatus): SittingWith | null {
  if (status === 'draft' || status === 'returned') return 'unit';
  if (status === 'submitted') return 'local_admin';
  return null;
}

/**
 * One scan of the stuck-draft detector: for every edition closing within the largest
 * threshold, each proposal still with the unit or the local admin gets one
 * `ProposalStalledV1` per threshold crossed, once. Safe on every replica at once: each
 * nudge is one conditional write on the proposal (notice not yet recorded → record it and
 * queue the event), so a racing replica matches nothing. Returns how many nudges this
 * call queued.
 */
@Injectable()
export class DetectStalledProposalsUseCase {
  constructor(
    private readonly stalled: StalledRepository,
    private readonly outbox: OutboxNotifier,
    @Inject(STALLED_OPTIONS) private readonly options: StalledOptions,
  ) {}

  async execute(now = new Date()): Promise<number> {
    const until = new Date(now.getTime() + largestThresholdMs(this.options.thresholds));
    let queued = 0;
    for (const edition of await this.stalled.findEditionsClosingBetween(now, until)) {
      for (const threshold of crossedThresholds(this.options.thresholds, edition.closesAt, now)) {
        queued += await this.nudgeEdition(edition, threshold.name, now);
      }
    }
    return queued;
  }

  private async nudgeEdition(edition: ClosingEdition, threshold: string, now: Date) {
    let queued = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.stalled.findSittingWithoutNotice(
        edition.editionId,
        threshold,
        afterId,
        this.options.batchSize,
      );
      let queuedInBatch = 0;
      for (const proposal of batch) {
        const holder = sittingWith(proposal.status);
        if (holder === null) continue;
        const event = createEvent(ProposalStalledV1, {
          proposalId: proposal._id,
          editionId: proposal.editionId,
          institutionId: proposal.institutionId,
          unitId: proposal.unitId,
          title: proposal.title,
          sittingWith: holder,
          threshold,
          since: proposal.statusSince.toISOString(),
          closesAt: edition.closesAt.toISOString(),
          detectedAt: now.toISOString(),
        });
        if (await this.stalled.markStalled(proposal, threshold, event)) queuedInBatch += 1;
      }
      // Relay each batch at once rather than after the whole scan.
      if (queuedInBatch > 0) this.outbox.nudge();
      queued += queuedInBatch;
      const last = batch.at(-1);
      if (batch.length < this.options.batchSize || last === undefined) return queued;
      afterId = last._id;
    }
  }
}
