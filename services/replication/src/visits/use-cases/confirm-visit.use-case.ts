import { Injectable } from '@nestjs/common';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { VisitConfirmedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { VisitNotFoundError } from '../visit.errors';
import { VisitAnnotator, type ListedVisit } from '../visit-annotator';
import { VisitRepository } from '../visit.repository';
import { toVisitPayload } from '../visit-payload';

/**
 * The visiting institution confirms a visit recorded by the origin. Idempotent: confirming
 * again answers the confirmed visit and emits nothing.
 */
@Injectable()
export class ConfirmVisitUseCase {
  constructor(
    private readonly visits: VisitRepository,
    private readonly annotator: VisitAnnotator,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(actor: AuthenticatedUser, visitId: string, now = new Date()): Promise<ListedVisit> {
    const visit = await this.visits.findById(visitId);
    if (!visit) throw new VisitNotFoundError(visitId);
    if (actor.institutionId === null || actor.institutionId !== visit.visitorInstitutionId) {
      throw new AuthError('AUTH_FORBIDDEN');
    }
    if (visit.confirmed) return this.annotator.annotateOne(visit);
    const event = createEvent(
      VisitConfirmedV1,
      toVisitPayload({ ...visit, confirmed: true }, actor.accountId, now),
    );
    // One conditional update: of two racing confirmations, only one records the event.
    if (await this.visits.confirm(visitId, actor.accountId, now, [event])) this.outbox.nudge();
    return this.annotator.annotateOne((await this.visits.findById(visitId)) ?? visit);
  }
}
