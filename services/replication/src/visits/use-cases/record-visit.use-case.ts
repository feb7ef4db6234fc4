import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { TIME_ZONE_OFFSET_HOURS, VisitRecordedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { Directory } from '../../directory/directory';
import {
  SelfVisitError,
  VisitInFutureError,
  VisitInnovationNotFoundError,
  VisitorInstitutionUnknownError,
} from '../visit.errors';
import type { ListedVisit } from '../visit-annotator';
import { VisitRepository, type StoredVisit } from '../visit.repository';
import { toVisitPayload } from '../visit-payload';

export const recordVisitBodySchema = z.strictObject({
  visitorInstitutionId: z.string().min(1).max(64),
  visitedOn: z.iso.date(),
  purpose: z.string().trim().min(1).max(2000),
});
export type RecordVisitBody = z.infer<typeof recordVisitBodySchema>;

/** The latest time zone in Indonesia (WIT) is 9 h ahead of UTC. */
const LATEST_OFFSET_MS = TIME_ZONE_OFFSET_HOURS.WIT * 3600_000;

/**
 * The origin institution of an innovation records a visit (studi tiru) by another
 * registered institution; the visit waits for the visitor to confirm it.
 */
@Injectable()
export class RecordVisitUseCase {
  constructor(
    private readonly visits: VisitRepository,
    private readonly directory: Directory,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    innovationId: string,
    body: RecordVisitBody,
    now = new Date(),
  ): Promise<ListedVisit> {
    const innovation = await this.visits.innovation(innovationId);
    if (!innovation) throw new VisitInnovationNotFoundError(innovationId);
    assertInstitutionScope(actor, innovation.institutionId);
    if (body.visitorInstitutionId === innovation.institutionId) {
      throw new SelfVisitError(innovation.institutionId);
    }
    const today = new Date(now.getTime() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
    if (body.visitedOn > today) throw new VisitInFutureError(body.visitedOn);
    const visitor = await this.directory.institution(body.visitorInstitutionId);
    if (!visitor) throw new VisitorInstitutionUnknownError(body.visitorInstitutionId);
    const visit: Omit<StoredVisit, 'createdAt' | 'updatedAt'> = {
      _id: `vis_${randomUUID()}`,
      innovationId,
      originInstitutionId: innovation.institutionId,
      visitorInstitutionId: body.visitorInstitutionId,
      visitedOn: body.visitedOn,
      purpose: body.purpose,
      recordedBy: actor.accountId,
      recordedAt: now,
      confirmed: false,
      confirmedBy: null,
      confirmedAt: null,
    };
    const event = createEvent(VisitRecordedV1, toVisitPayload(visit, actor.accountId, now));
    await this.visits.insert({ ...visit, outbox: [event] });
    this.outbox.nudge();
    // Unconfirmed, so it has led to nothing yet.
    return {
      ...visit,
      createdAt: now,
      updatedAt: now,
      visitorInstitutionName: visitor.name,
      ledToReplication: false,
    };
  }
}
