import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { ObjectionResolvedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { ObjectionAlreadyResolvedError, ObjectionNotFoundError } from '../objection.errors';
import { ObjectionRepository } from '../objection.repository';
import type { ObjectionResolution } from '../objection.schema';

export const resolveObjectionBodySchema = z.strictObject({
  outcome: z.enum(['upheld', 'dismissed']),
  reason: z.string().trim().min(20).max(4000),
});
export type ResolveObjectionBody = z.infer<typeof resolveObjectionBodySchema>;

/**
 * The secretariat resolves an objection once, with a written (public) reason. Upheld, the
 * finalist is disqualified in the same transaction, so the outcome and its effect never
 * part; the finalists are then republished to move the next candidate in.
 */
@Injectable()
export class ResolveObjectionUseCase {
  constructor(
    private readonly objections: ObjectionRepository,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    objectionId: string,
    body: ResolveObjectionBody,
    now = new Date(),
  ): Promise<ObjectionResolution> {
    const objection = await this.objections.findById(objectionId);
    if (!objection) throw new ObjectionNotFoundError(objectionId);
    if (objection.resolution) throw new ObjectionAlreadyResolvedError(objectionId);
    const resolution: ObjectionResolution = {
      outcome: body.outcome,
      reason: body.reason,
      resolvedBy: actor.accountId,
      resolvedAt: now,
    };
    const event = createEvent(ObjectionResolvedV1, {
      objectionId,
      proposalId: objection.proposalId,
      editionId: objection.editionId,
      institutionId: objection.institutionId,
      outcome: body.outcome,
      reason: body.reason,
      resolvedBy: { kind: 'account', accountId: actor.accountId },
      resolvedAt: now.toISOString(),
    });
    await runInTransaction(this.connection, async (session) => {
      const resolved = await this.objections.resolve(objectionId, resolution, [event], session);
      if (!resolved) throw new ObjectionAlreadyResolvedError(objectionId);
      if (body.outcome === 'upheld') {
        await this.objections.disqualify(
          objection.proposalId,
          { reason: body.reason, objectionId, at: now },
          session,
        );
      }
    });
    this.outbox.nudge();
    return resolution;
  }
}
