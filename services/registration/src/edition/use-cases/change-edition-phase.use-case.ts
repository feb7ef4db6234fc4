import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionPhaseChangedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { nextBoundaryAfter } from '../edition-calendar';
import {
  EditionAlreadyInPhaseError,
  EditionNotFoundError,
  EditionNotPublishedError,
  EditionPhaseConflictError,
} from '../edition.errors';
import type { ChangePhaseInput } from '../edition.input';
import { EditionRepository } from '../edition.repository';
import type { Edition } from '../edition.schema';
import { actorOf } from '../edition.view';

/**
 * The national admin moves a published edition to a phase by hand (e.g. extends the
 * submission phase). The scheduler respects that choice until the next phase start of the
 * calendar; from then on the calendar rules again.
 */
@Injectable()
export class ChangeEditionPhaseUseCase {
  constructor(
    private readonly editions: EditionRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    editionId: string,
    input: ChangePhaseInput,
    actor: AuthenticatedUser,
    now = new Date(),
  ): Promise<Edition> {
    const edition = await this.editions.findById(editionId);
    if (!edition) throw new EditionNotFoundError(editionId);
    if (edition.status !== 'published') throw new EditionNotPublishedError(editionId);
    if (edition.currentPhase === input.phase) {
      throw new EditionAlreadyInPhaseError(editionId, input.phase);
    }

    const changedBy = actorOf(actor);
    const event = createEvent(EditionPhaseChangedV1, {
      editionId,
      previousPhase: edition.currentPhase,
      phase: input.phase,
      changedBy,
      changedAt: now.toISOString(),
    });
    const changed = await this.editions.changePhase(edition, {
      phase: input.phase,
      override: { until: nextBoundaryAfter(edition.settings.calendar, now), reason: input.reason },
      history: {
        at: now,
        by: changedBy,
        action: 'phase-changed',
        previousPhase: edition.currentPhase,
        phase: input.phase,
        reason: input.reason,
      },
      events: [event],
    });
    if (!changed) throw new EditionPhaseConflictError(editionId);
    this.outbox.nudge();
    const updated = await this.editions.findById(editionId);
    if (!updated) throw new EditionNotFoundError(editionId);
    return updated;
  }
}
