import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import type { Locale, ReviewerProfilePayload } from '@kipp/contracts';
import { REVIEWER_MODEL, type Reviewer } from './reviewer.schema';
import { unsetOrBefore } from '@kipp/mongo';

export type ReviewerRole = Reviewer['roles'][number];

export interface ReviewerAccount {
  accountId: string;
  email: string;
  locale: Locale;
  /** Null when the event does not carry it (role-granted). */
  name: string | null;
  /** Set only when the event carries one. */
  profile?: ReviewerProfilePayload | null | undefined;
}

@Injectable()
export class ReviewerRepository {
  constructor(@InjectModel(REVIEWER_MODEL) private readonly model: Model<Reviewer>) {}

  async findById(reviewerId: string, session?: ClientSession): Promise<Reviewer | null> {
    return this.model
      .findById(reviewerId)
      .session(session ?? null)
      .lean<Reviewer>()
      .exec();
  }

  /** The reviewers among these account ids (unknown ids are left out). */
  async findMany(reviewerIds: readonly string[]): Promise<Reviewer[]> {
    if (reviewerIds.length === 0) return [];
    return this.model
      .find({ _id: { $in: [...new Set(reviewerIds)] } })
      .lean<Reviewer[]>()
      .exec();
  }

  /** Active reviewers holding `role`, in id order (deterministic for assignment). */
  async listActive(role: ReviewerRole, session?: ClientSession): Promise<Reviewer[]> {
    return this.model
      .find({ roles: role, active: true })
      .sort({ _id: 1 })
      .session(session ?? null)
      .lean<Reviewer[]>()
      .exec();
  }

  /** Creates the reviewer or adds roles to it; the profile is replaced only when given. */
  async upsertWithRoles(
    account: ReviewerAccount,
    roles: readonly ReviewerRole[],
    session: ClientSession,
  ): Promise<void> {
    const set: Record<string, unknown> = { email: account.email, locale: account.locale };
    // Role-granted has no name: the email stands in until account-created brings it.
    const setOnInsert: Record<string, unknown> = { active: true, activeChangedAt: null };
    if (account.name !== null) set.name = account.name;
    else setOnInsert.name = account.email;
    if (account.profile) set.profile = account.profile;
    else setOnInsert.profile = null;
    await this.model
      .updateOne(
        { _id: account.accountId },
        { $set: set, $setOnInsert: setOnInsert, $addToSet: { roles: { $each: [...roles] } } },
        { upsert: true, session },
      )
      .exec();
  }

  /** Names a reviewer already known (an account-created that arrived after role-granted). */
  async rename(reviewerId: string, name: string, session: ClientSession): Promise<void> {
    await this.model.updateOne({ _id: reviewerId }, { $set: { name } }, { session }).exec();
  }

  /** Sets the active flag unless a later change is stored; reviewers only, never inserts. */
  async setActive(
    reviewerId: string,
    active: boolean,
    changedAt: Date,
    session: ClientSession,
  ): Promise<void> {
    await this.model
      .updateOne(
        {
          _id: reviewerId,
          activeChangedAt: unsetOrBefore(changedAt),
        },
        { $set: { active, activeChangedAt: changedAt } },
        { session },
      )
      .exec();
  }
}
