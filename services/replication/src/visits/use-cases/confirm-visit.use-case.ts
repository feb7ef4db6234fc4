import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { VisitConfirmedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { VisitNotFoundError } from '../visit.errors';
import { VisitRepository, type StoredVisit } from '../visit.repository';
import { toVisitPayload } from '../visit-payload';

/**
 * The visiting institution confirms a visit recorded by the origin. Idempotent: confirming
 * again answers the confirmed visit and emits nothing.
 */
@Injectable()
export class ConfirmVisitUseCase {
  constructor(
    private readonly visits: VisitRepository,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(actor: AuthenticatedUser, visitId: string, now = new Date()): Promise<StoredVisit> {
    const visit = await this.visits.findById(visitId);
    if (!visit) throw new VisitNotFoundError(visitId);
    if (actor.institutionId === null || actor.institutionId !== visit.visitorInstitutionId) {
      throw new AuthError('AUTH_FORBIDDEN');
    }
    if (visit.confirmed) return visit;
    const event = createEvent(
      VisitConfirmedV1,
      toVisitPayload({ ...visit, confirmed: true }, actor.accountId, now),
    );
    const confirmed = await runInTransaction(this.connection, (session) =>
      this.visits.confirm(visitId, actor.accountId, now, [event], session),
    );
    if (!confirmed) return (await this.visits.findById(visitId)) ?? visit;
    this.outbox.nudge();
    return { ...visit, confirmed: true, confirmedBy: actor.accountId, confirmedAt: now };
  }
}
