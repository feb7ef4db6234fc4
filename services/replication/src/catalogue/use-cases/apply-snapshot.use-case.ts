import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import { InnovationUpdatedV1, type ProposalSnapshot } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { contentOfSnapshot, nextState } from '../innovation-content';
import { InnovationRepository } from '../innovation.repository';
import { toInnovationRecord } from '../innovation.schema';

/**
 * A forwarded snapshot arrived (possibly after its award): the innovation whose latest
 * proposal it is takes its content. Returns whether an innovation changed.
 */
@Injectable()
export class ApplySnapshotUseCase {
  constructor(private readonly innovations: InnovationRepository) {}

  async execute(
    snapshot: ProposalSnapshot,
    session: ClientSession,
    now = new Date(),
  ): Promise<boolean> {
    await this.innovations.touchProposal(snapshot.proposalId, session);
    const current = await this.innovations.findByProposal(snapshot.proposalId, session);
    if (!current || current.proposalIds[current.proposalIds.length - 1] !== snapshot.proposalId)
      return false;
    const next = nextState(current, contentOfSnapshot(snapshot), now);
    if (!next) return false;
    const event = createEvent(InnovationUpdatedV1, { innovation: toInnovationRecord(next) });
    if (!(await this.innovations.replace(current.revision, next, [event], session)))
      throw new Error(`innovation ${current._id} changed while its content was applied; retrying`);
    return true;
  }
}
