import { Schema } from 'mongoose';
import type { Locale, Role } from '@kipp/auth';
import { LOCALES, ROLES } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export const ACCOUNT_STATUSES = ['active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** What conflict-of-interest detection needs to know about an evaluator or panelist. */
export interface ReviewerProfile {
  affiliation: string;
  homeProvinceCode: string | null;
  /** Institutions the person coached or consulted for. */
  pastEngagementInstitutionIds: string[];
  /** Institutions the person declared a conflict with. */
  declaredConflictInstitutionIds: string[];
  expertiseCategoryIds: string[];
}

/** One entry of an account's record of changes: who, when, what. */
export interface AccountHistoryEntry {
  at: Date;
  by: string;
  action: string;
  detail: Record<string, unknown>;
}

export interface Account extends OutboxFields {
  _id: string;
  /** Signs in with this; lowercase, unique. */
  userId: string;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
  institutionId: string | null;
  unitId: string | null;
  status: AccountStatus;
  /** argon2id PHC string. Never leaves this service: not in events, logs or responses. */
  passwordHash: string;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  /** When the person last completed a sign-in (refreshes do not count); absent until then. */
  lastSignInAt?: Date | null;
  /** Consecutive failed sign-ins and the lockout they caused. */
  failedSignIns: number;
  lockedUntil: Date | null;
  /** Base32 TOTP secret, sealed at rest; null until the person enrols. */
  totpSecretSealed: string | null;
  totpEnabledAt: Date | null;
  reviewerProfile: ReviewerProfile | null;
  history: AccountHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export const ACCOUNT_MODEL = 'Account';

const reviewerProfileSchema = new Schema<ReviewerProfile>(
  {
    affiliation: { type: String, required: true },
    homeProvinceCode: { type: String, default: null },
    pastEngagementInstitutionIds: { type: [String], default: [] },
    declaredConflictInstitutionIds: { type: [String], default: [] },
    expertiseCategoryIds: { type: [String], default: [] },
  },
  { _id: false },
);

const historyEntrySchema = new Schema<AccountHistoryEntry>(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    action: { type: String, required: true },
    detail: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false },
);

export const accountSchema = new Schema<Account>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    email: { type: String, required: true, lowercase: true, trim: true },
    locale: { type: String, required: true, enum: LOCALES },
    roles: { type: [String], enum: ROLES, required: true },
    institutionId: { type: String, default: null },
    unitId: { type: String, default: null },
    status: { type: String, required: true, enum: ACCOUNT_STATUSES, default: 'active' },
    passwordHash: { type: String, required: true },
    mustChangePassword: { type: Boolean, required: true, default: true },
    passwordChangedAt: { type: Date, default: null },
    lastSignInAt: { type: Date, default: null },
    failedSignIns: { type: Number, required: true, default: 0 },
    lockedUntil: { type: Date, default: null },
    totpSecretSealed: { type: String, default: null },
    totpEnabledAt: { type: Date, default: null },
    reviewerProfile: { type: reviewerProfileSchema, default: null },
    history: { type: [historyEntrySchema], default: [] },
  },
  schemaOptions('accounts'),
);
accountSchema.plugin(outboxPlugin);
// Sign-in looks accounts up by user id.
accountSchema.index({ userId: 1 }, { unique: true });
// Password reset by e-mail address; local admins list their institution's accounts.
accountSchema.index({ email: 1 });
accountSchema.index({ institutionId: 1, roles: 1 });
