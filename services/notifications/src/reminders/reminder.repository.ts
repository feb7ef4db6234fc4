import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import {
  REMINDER_MODEL,
  type ReminderDocument,
  type ReminderKind,
  type ReminderParamsByKind,
} from './reminder.schema';

export interface ReminderToSchedule<K extends ReminderKind = ReminderKind> {
  readonly id: string;
  readonly kind: K;
  readonly scope: string;
  readonly fireAt: Date;
  readonly params: ReminderParamsByKind[K];
}

/** The only file that touches the reminders collection. */
@Injectable()
export class ReminderRepository {
  constructor(@InjectModel(REMINDER_MODEL) private readonly reminders: Model<ReminderDocument>) {}

  /**
   * Schedules each reminder, or revives it with these details if it was cancelled (a slot
   * moved back, a new assignment with the same deadline). One already fired stays fired.
   */
  async schedule(reminders: readonly ReminderToSchedule[], session: ClientSession): Promise<void> {
    if (reminders.length === 0) return;
    const fired = new Set(
      (
        await this.reminders
          .find(
            { _id: { $in: reminders.map((reminder) => reminder.id) }, status: 'fired' },
            {
              _id: 1,
            },
          )
          .session(session)
          .lean<{ _id: string }[]>()
          .exec()
      ).map((reminder) => reminder._id),
    );
    for (const reminder of reminders) {
      if (fired.has(reminder.id)) continue;
      await this.reminders
        .updateOne(
          { _id: reminder.id },
          {
            $set: {
              kind: reminder.kind,
              scope: reminder.scope,
              fireAt: reminder.fireAt,
              params: reminder.params,
              status: 'scheduled',
            },
            $setOnInsert: { firedAt: null, notified: null },
          },
          { upsert: true, session },
        )
        .exec();
    }
  }

  /** Cancels a scope's pending reminders, except those about a `params.dueAt` in `keepDueAts`. */
  async cancel(
    scope: string,
    session: ClientSession,
    keepDueAts: readonly string[] = [],
  ): Promise<number> {
    const result = await this.reminders
      .updateMany(
        {
          scope,
          status: 'scheduled',
          ...(keepDueAts.length > 0 ? { 'params.dueAt': { $nin: [...keepDueAts] } } : {}),
        },
        { $set: { status: 'cancelled' } },
        { session },
      )
      .exec();
    return result.modifiedCount;
  }

  /** Ids of scheduled reminders due at `now`, oldest first. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const due = await this.reminders
      .find({ status: 'scheduled', fireAt: { $lte: now } }, { _id: 1 })
      .sort({ fireAt: 1, _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>()
      .exec();
    return due.map((reminder) => reminder._id);
  }

  /**
   * Flips one due reminder from scheduled to fired; returns it when this call won the flip,
   * null when another replica fired it (or it was cancelled) first. In a transaction, two
   * replicas racing for it conflict and the loser's retry finds it fired.
   */
  async claim(id: string, now: Date, session: ClientSession): Promise<ReminderDocument | null> {
    return this.reminders
      .findOneAndUpdate(
        { _id: id, status: 'scheduled', fireAt: { $lte: now } },
        { $set: { status: 'fired', firedAt: now } },
        { new: true, session },
      )
      .lean<ReminderDocument>()
      .exec();
  }

  async markNotified(id: string, notified: boolean, session: ClientSession): Promise<void> {
    await this.reminders.updateOne({ _id: id }, { $set: { notified } }, { session }).exec();
  }
}
