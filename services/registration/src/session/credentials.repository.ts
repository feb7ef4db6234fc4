import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import type { Role } from '@kipp/auth';
import type { PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { ACCOUNT_MODEL, type Account } from '../account/account.schema';
import { USED_TOTP_STEP_MODEL, type UsedTotpStep } from './session.schema';

/** What sign-in reads of an account. */
export type Credentials = Pick<
  Account,
  | '_id'
  | 'userId'
  | 'name'
  | 'email'
  | 'locale'
  | 'roles'
  | 'institutionId'
  | 'unitId'
  | 'status'
  | 'passwordHash'
  | 'mustChangePassword'
  | 'failedSignIns'
  | 'lockedUntil'
  | 'totpSecretSealed'
  | 'totpEnabledAt'
>;

const CREDENTIAL_FIELDS = Object.keys({
  _id: 1,
  userId: 1,
  name: 1,
  email: 1,
  locale: 1,
  roles: 1,
  institutionId: 1,
  unitId: 1,
  status: 1,
  passwordHash: 1,
  mustChangePassword: 1,
  failedSignIns: 1,
  lockedUntil: 1,
  totpSecretSealed: 1,
  totpEnabledAt: 1,
} satisfies Record<keyof Credentials, 1>).join(' ');

/** Where a person turned TOTP on: the sign-in flow, or their account settings. */
export type TotpChangeSource = 'sign_in' | 'account_settings';

export type NewAccount = Omit<Account, 'outbox' | 'createdAt' | 'updatedAt'>;

/** Sign-in's queries on the accounts collection (owned by account administration). */
@Injectable()
export class CredentialsRepository {
  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<Account>,
    @InjectModel(USED_TOTP_STEP_MODEL) private readonly usedSteps: Model<UsedTotpStep>,
  ) {}

  async findByUserId(userId: string): Promise<Credentials | null> {
    return this.accounts
      .findOne({ userId: userId.trim().toLowerCase() })
      .select(CREDENTIAL_FIELDS)
      .lean<Credentials>()
      .exec();
  }

  async findById(accountId: string): Promise<Credentials | null> {
    return this.accounts.findById(accountId).select(CREDENTIAL_FIELDS).lean<Credentials>().exec();
  }

  /**
   * Counts one more consecutive failure and, from `maxFailures` on, locks the account for
   * `base · 2^(failures − maxFailures)` seconds, capped. Both in one atomic update, so
   * concurrent failures cannot undercount.
   */
  async recordFailedSignIn(
    accountId: string,
    policy: { maxFailures: number; baseSeconds: number; maxSeconds: number },
    now: Date,
  ): Promise<void> {
    const failures = { $add: [{ $ifNull: ['$failedSignIns', 0] }, 1] };
    const lockSeconds = {
      $min: [
        policy.maxSeconds,
        {
          $multiply: [
            policy.baseSeconds,
            { $pow: [2, { $max: [0, { $subtract: [failures, policy.maxFailures] }] }] },
          ],
        },
      ],
    };
    await this.accounts
      .updateOne(
        { _id: accountId },
        [
          {
            $set: {
              failedSignIns: failures,
              lockedUntil: {
                $cond: [
                  { $gte: [failures, policy.maxFailures] },
                  { $add: [now, { $multiply: [lockSeconds, 1000] }] },
                  '$lockedUntil',
                ],
              },
            },
          },
        ],
        { updatePipeline: true },
      )
      .exec();
  }

  async recordSuccessfulSignIn(accountId: string): Promise<void> {
    await this.accounts
      .updateOne({ _id: accountId }, { $set: { failedSignIns: 0, lockedUntil: null } })
      .exec();
  }

  async recordSignedIn(accountId: string, now: Date): Promise<void> {
    await this.accounts.updateOne({ _id: accountId }, { $set: { lastSignInAt: now } }).exec();
  }

  /** Sets a new password, ends any lockout and records who changed it and why. */
  async setPassword(
    accountId: string,
    change: {
      passwordHash: string;
      action: string;
      by: string;
      detail?: Record<string, unknown>;
    },
    now: Date,
    session?: ClientSession,
  ): Promise<boolean> {
    const result = await this.accounts
      .updateOne(
        { _id: accountId, status: 'active' },
        {
          $set: {
            passwordHash: change.passwordHash,
            mustChangePassword: false,
            passwordChangedAt: now,
            failedSignIns: 0,
            lockedUntil: null,
          },
          $push: {
            history: { at: now, by: change.by, action: change.action, detail: change.detail ?? {} },
          },
        },
        { session },
      )
      .exec();
    return result.matchedCount === 1;
  }

  /**
   * Stores the sealed TOTP secret and records the change in the same write; false when the
   * account enrolled meanwhile. `via` says where: the sign-in flow or the account settings.
   */
  async enableTotp(
    accountId: string,
    totpSecretSealed: string,
    via: TotpChangeSource,
    now: Date,
  ): Promise<boolean> {
    const result = await this.accounts
      .updateOne(
        { _id: accountId, status: 'active', totpEnabledAt: null },
        {
          $set: { totpSecretSealed, totpEnabledAt: now },
          $push: { history: { at: now, by: accountId, action: 'totp_enrolled', detail: { via } } },
        },
      )
      .exec();
    return result.matchedCount === 1;
  }

  /**
   * Forgets the TOTP secret and records it in the same write, unless the account meanwhile
   * gained a role that requires TOTP (or already had it off): then false.
   */
  async disableTotp(
    accountId: string,
    rolesRequiringTotp: readonly Role[],
    now: Date,
  ): Promise<boolean> {
    const result = await this.accounts
      .updateOne(
        {
          _id: accountId,
          status: 'active',
          totpEnabledAt: { $ne: null },
          roles: { $nin: [...rolesRequiringTotp] },
        },
        {
          $set: { totpSecretSealed: null, totpEnabledAt: null },
          $push: {
            history: {
              at: now,
              by: accountId,
              action: 'totp_disabled',
              detail: { via: 'account_settings' },
            },
          },
        },
      )
      .exec();
    return result.matchedCount === 1;
  }

  /** Records that a TOTP step was used; false when it already was (a replayed code). */
  async claimTotpStep(accountId: string, step: number, expiresAt: Date): Promise<boolean> {
    try {
      await this.usedSteps.create({ _id: `${accountId}:${step}`, expiresAt });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async anyActiveNationalAdmin(): Promise<boolean> {
    return (
      (await this.accounts.exists({ roles: 'national_admin', status: 'active' }).exec()) !== null
    );
  }

  /** Inserts an account with its events; false when the user id is taken already. */
  async insertAccount(account: NewAccount, events: readonly PendingEvent[]): Promise<boolean> {
    try {
      await this.accounts.create({ ...account, outbox: [...events] });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
