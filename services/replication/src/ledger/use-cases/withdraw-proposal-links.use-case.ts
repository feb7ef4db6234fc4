import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { z } from 'zod';
import type { EventEnvelope, proposalWithdrawnV1Schema } from '@kipp/contracts';
import { ReplicationLinkRepository } from '../replication-link.repository';
import type { LinkActor } from '../replication-link.schema';

type WithdrawnPayload = z.infer<typeof proposalWithdrawnV1Schema>;

/**
 * A withdrawn proposal takes back the pending links it created: they are marked withdrawn
 * (kept, so events already in their outbox are still published) and no read shows them.
 * Links the origin confirmed, or disputed, stay: the origin has spoken on them.
 */
@Injectable()
export class WithdrawProposalLinksUseCase {
  constructor(private readonly links: ReplicationLinkRepository) {}

  async execute(event: EventEnvelope<WithdrawnPayload>, session: ClientSession): Promise<void> {
    const { proposalId, withdrawnBy, withdrawnAt } = event.payload;
    const at = new Date(withdrawnAt);
    const actor: LinkActor = withdrawnBy;
    const pending = await this.links.pendingOfProposal(proposalId, session);
    for (const link of pending) {
      await this.links.applyChange(
        link._id,
        link.revision,
        { active: false, withdrawnAt: at },
        {
          revision: link.revision + 1,
          action: 'withdrawn',
          by: actor,
          at,
          status: link.status,
          confirmation: link.confirmation,
          note: null,
        },
        [],
        at,
        session,
      );
    }
  }
}
