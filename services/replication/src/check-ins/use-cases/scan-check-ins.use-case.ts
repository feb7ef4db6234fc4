import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { CheckInDueV1, CheckInOverdueV1, type PayloadOf } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { InnovationStatusWriter } from '../../catalogue/innovation-status';
import { hasLapsed, nextCheckIn } from '../check-in-schedule';
import {
  CheckInRepository,
  type AskedInnovation,
  type StoredCheckIn,
} from '../check-in.repository';
import { CHECK_INS_OPTIONS, type CheckInsOptions } from '../check-ins.options';

const DAY_MS = 86_400_000;

export interface CheckInScan {
  /** Check-ins this replica opened in this pass. */
  readonly opened: number;
  /** Check-ins this replica marked overdue. */
  readonly overdue: number;
  /** Innovations this replica flagged lapsed. */
  readonly lapsed: number;
}

/**
 * One pass of the yearly sustainability check-ins, safe on every replica at once: a
 * check-in's id is its innovation and period, so it opens once whoever inserts first (with
 * its due event in the same document); it turns overdue by one conditional update (with its
 * overdue event), and the innovation is flagged lapsed in that same transaction when the
 * latest `lapseAfter` check-ins all went unanswered. Takes `now` so tests drive the clock.
 */
@Injectable()
export class ScanCheckInsUseCase {
  constructor(
    private readonly checkIns: CheckInRepository,
    private readonly statuses: InnovationStatusWriter,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
    @Inject(CHECK_INS_OPTIONS) private readonly options: CheckInsOptions,
  ) {}

  async execute(now = new Date()): Promise<CheckInScan> {
    let opened = 0;
    for (const innovation of await this.checkIns.askedInnovations()) {
      if (await this.openNext(innovation, now)) opened += 1;
    }
    let overdue = 0;
    let lapsed = 0;
    for (const checkIn of await this.checkIns.openPastDue(now, this.options.batchSize)) {
      const outcome = await this.markOverdue(checkIn, now);
      if (outcome === null) continue;
      overdue += 1;
      if (outcome) lapsed += 1;
    }
    if (opened + overdue > 0) this.outbox.nudge();
    return { opened, overdue, lapsed };
  }

  private async openNext(innovation: AskedInnovation, now: Date): Promise<boolean> {
    const previous = await this.checkIns.latest(innovation._id);
    const next = nextCheckIn(
      previous?.scheduledAt ?? innovation.publishedAt,
      previous?.period ?? null,
      now,
      this.options.intervalMonths,
      this.options.firstAfterDays,
    );
    if (!next) return false;
    const checkInId = `chk_${innovation._id}_${next.period}`;
    const dueAt = new Date(now.getTime() + this.options.windowDays * DAY_MS);
    const reminder: PayloadOf<typeof CheckInDueV1> = {
      checkInId,
      innovationId: innovation._id,
      innovationTitle: innovation.title,
      institutionId: innovation.institutionId,
      unitId: innovation.unitId,
      period: next.period,
      dueAt: dueAt.toISOString(),
      occurredAt: now.toISOString(),
    };
    return this.checkIns.open({
      _id: checkInId,
      innovationId: innovation._id,
      innovationTitle: innovation.title,
      institutionId: innovation.institutionId,
      unitId: innovation.unitId,
      period: next.period,
      scheduledAt: next.scheduledAt,
      openedAt: now,
      dueAt,
      status: 'open',
      overdueAt: null,
      answer: null,
      outbox: [createEvent(CheckInDueV1, reminder)],
    });
  }

  /** Null when another replica (or an answer) got there first; else whether it lapsed. */
  private async markOverdue(checkIn: StoredCheckIn, now: Date): Promise<boolean | null> {
    const event = createEvent(CheckInOverdueV1, {
      checkInId: checkIn._id,
      innovationId: checkIn.innovationId,
      innovationTitle: checkIn.innovationTitle,
      institutionId: checkIn.institutionId,
      unitId: checkIn.unitId,
      period: checkIn.period,
      dueAt: new Date(checkIn.dueAt).toISOString(),
      occurredAt: now.toISOString(),
    });
    return runInTransaction(this.connection, async (session) => {
      if (!(await this.checkIns.markOverdue(checkIn._id, now, [event], session))) return null;
      const latest = await this.checkIns.latestStatuses(
        checkIn.innovationId,
        this.options.lapseAfter,
        session,
      );
      if (!hasLapsed(latest, this.options.lapseAfter)) return false;
      // Stopped otherwise (e.g. by an answer on another replica): it stays stopped.
      const status = await this.checkIns.innovationStatus(checkIn.innovationId, session);
      if (status === null || status === 'stopped') return false;
      return this.statuses.changeStatus(checkIn.innovationId, 'lapsed', session, now);
    });
  }
}
