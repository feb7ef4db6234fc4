import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model, QueryFilter, UpdateQuery } from 'mongoose';
import type { Role } from '@kipp/auth';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { UserIdTakenError } from './account.errors';
import {
  ACCOUNT_MODEL,
  type Account,
  type AccountHistoryEntry,
  type AccountStatus,
} from './account.schema';
import type { NewAccount } from './new-account';

export interface AccountListFilter {
  institutionId?: string;
  role?: Role;
  status?: AccountStatus;
  /** Matches the start of the user id, the name or the e-mail address. */
  q?: string;
}

/** One recorded change: what to set, the history entry and the events, in one write. */
export interface AccountChange {
  set?: Partial<
    Pick<
      Account,
      | 'status'
      | 'passwordHash'
      | 'mustChangePassword'
      | 'passwordChangedAt'
      | 'failedSignIns'
      | 'lockedUntil'
      | 'institutionId'
      | 'reviewerProfile'
    >
  >;
  addRole?: Role;
  history: AccountHistoryEntry;
  events: readonly PendingEvent[];
}

/** Fields administration never reads back: secrets stay in the database. */
const WITHOUT_SECRETS = { passwordHash: 0, totpSecretSealed: 0, outbox: 0 } as const;

@Injectable()
export class AccountRepository {
  constructor(@InjectModel(ACCOUNT_MODEL) private readonly model: Model<Account>) {}

  /** Stores the account with its pending events; one write. */
  async insert(account: NewAccount, session?: ClientSession): Promise<Account> {
    try {
      const document = new this.model(account);
      await document.save({ session });
      return document.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new UserIdTakenError(account.userId);
      throw error;
    }
  }

  /** Stores several accounts in the caller's transaction; a taken user id fails them all. */
  async insertAll(accounts: readonly NewAccount[], session: ClientSession): Promise<void> {
    try {
      await this.model.insertMany(accounts, { session, ordered: true });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new UserIdTakenError('');
      throw error;
    }
  }

  async findById(accountId: string): Promise<Account | null> {
    return this.model.findById(accountId, WITHOUT_SECRETS).lean<Account>().exec();
  }

  /** The user ids among `userIds` that exist already. */
  async existingUserIds(userIds: readonly string[]): Promise<string[]> {
    const found = await this.model
      .find({ userId: { $in: [...userIds] } }, { userId: 1 })
      .lean<Pick<Account, 'userId'>[]>()
      .exec();
    return found.map((account) => account.userId);
  }

  /**
   * Applies the change only while the account still matches `expected` (e.g. still
   * active), so two admins acting at once cannot both succeed; false when it did not match.
   */
  async applyChange(
    accountId: string,
    expected: QueryFilter<Account>,
    change: AccountChange,
  ): Promise<Account | null> {
    const update: UpdateQuery<Account> = {
      $push: { history: change.history, ...pushToOutbox(change.events) },
    };
    if (change.set) update.$set = change.set;
    if (change.addRole) update.$addToSet = { roles: change.addRole };
    return this.model
      .findOneAndUpdate({ ...expected, _id: accountId }, update, {
        returnDocument: 'after',
        projection: WITHOUT_SECRETS,
      })
      .lean<Account>()
      .exec();
  }

  async list(
    filter: AccountListFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: Account[]; total: number }> {
    const query: QueryFilter<Account> = {};
    if (filter.institutionId !== undefined) query.institutionId = filter.institutionId;
    if (filter.role !== undefined) query.roles = filter.role;
    if (filter.status !== undefined) query.status = filter.status;
    if (filter.q !== undefined) {
      const prefix = new RegExp(`^${escapeRegExp(filter.q)}`, 'i');
      query.$or = [{ userId: prefix }, { name: prefix }, { email: prefix }];
    }
    const [items, total] = await Promise.all([
      this.model
        .find(query, { ...WITHOUT_SECRETS, history: 0 })
        .sort({ userId: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<Account[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items, total };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
