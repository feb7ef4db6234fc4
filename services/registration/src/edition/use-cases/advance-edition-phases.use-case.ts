import { Injectable } from '@nestjs/common';
import { EditionPhaseChangedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { scheduledPhaseAt } from '../edition-calendar';
import { EditionRepository, type ScheduledEdition } from '../edition.repository';
import type { Actor } from '../edition.schema';

export const PHASE_SCHEDULER: Actor = { kind: 'system', process: 'phase-scheduler' };

/**
 * One tick of the phase scheduler: moves every published edition to the phase its calendar
 * says is current. Safe to run on every replica at once: each move is one conditional
 * write on the phase read, so exactly one replica makes it and emits the event.
 * Returns how many editions this call moved.
 */
@Injectable()
export class AdvanceEditionPhasesUseCase {
  constructor(
    private readonly editions: EditionRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(now = new Date()): Promise<number> {
    let moved = 0;
    for (const edition of await this.editions.findPublishedForScheduling()) {
      if (await this.advance(edition, now)) moved += 1;
    }
    if (moved > 0) this.outbox.nudge();
    return moved;
  }

  private async advance(edition: ScheduledEdition, now: Date): Promise<boolean> {
    const override = edition.phaseOverride;
    if (override && (override.until === null || now < override.until)) return false;

    const phase = scheduledPhaseAt(edition.settings.calendar, now);
    if (phase === null || phase === edition.currentPhase) {
      if (override) await this.editions.endPhaseOverride(edition);
      return false;
    }
    const event = createEvent(EditionPhaseChangedV1, {
      editionId: edition._id,
      previousPhase: edition.currentPhase,
      phase,
      changedBy: PHASE_SCHEDULER,
      changedAt: now.toISOString(),
    });
    return this.editions.changePhase(edition, {
      phase,
      override: null,
      history: {
        at: now,
        by: PHASE_SCHEDULER,
        action: 'phase-changed',
        previousPhase: edition.currentPhase,
        phase,
      },
      events: [event],
    });
  }
}
