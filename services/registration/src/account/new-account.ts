import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { AccountCreatedV1, LOCALES } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import type { Account } from './account.schema';
import { generateInitialPassword } from './initial-password';
import { PasswordHasher } from './password-hasher';

export const userIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '3–64 letters, digits, dots, dashes or underscores');

const entityIdSchema = z.string().trim().min(1).max(64);

export const reviewerProfileSchema = z.strictObject({
  affiliation: z.string().trim().min(2).max(300),
  homeProvinceCode: z
    .string()
    .regex(/^\d{2}$/, 'two-digit province code')
    .nullable()
    .default(null),
  pastEngagementInstitutionIds: z.array(entityIdSchema).max(200).default([]),
  declaredConflictInstitutionIds: z.array(entityIdSchema).max(200).default([]),
  expertiseCategoryIds: z.array(entityIdSchema).max(50).default([]),
});

const person = {
  userId: userIdSchema,
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).toLowerCase(),
  locale: z.enum(LOCALES).default('id'),
};

const evaluatorAccount = z.strictObject({
  ...person,
  role: z.literal('evaluator'),
  reviewerProfile: reviewerProfileSchema,
});
const panelistAccount = z.strictObject({
  ...person,
  role: z.literal('panelist'),
  reviewerProfile: reviewerProfileSchema,
});

/** An evaluator or panelist account, as the evaluator import reads each row. */
export const reviewerAccountSchema = z.discriminatedUnion('role', [
  evaluatorAccount,
  panelistAccount,
]);

/**
 * One account to provision; what it needs depends on its role: an institution for local
 * admins, an institution and a unit for unit operators, a reviewer profile for evaluators
 * and panelists, nothing more for national admins.
 */
export const newAccountSchema = z.discriminatedUnion('role', [
  z.strictObject({ ...person, role: z.literal('national_admin') }),
  z.strictObject({ ...person, role: z.literal('local_admin'), institutionId: entityIdSchema }),
  z.strictObject({
    ...person,
    role: z.literal('unit_operator'),
    institutionId: entityIdSchema,
    unitId: entityIdSchema,
  }),
  evaluatorAccount,
  panelistAccount,
]);
export type NewAccountInput = z.infer<typeof newAccountSchema>;

export type NewAccount = Omit<Account, 'createdAt' | 'updatedAt'>;

export interface PreparedAccount {
  account: NewAccount;
  /** The generated first password in clear: for the creator's response only. */
  initialPassword: string;
}

/**
 * Builds a new account with a generated, hashed first password, its history entry and its
 * `account.created` event, ready to be stored in one write.
 */
@Injectable()
export class AccountFactory {
  constructor(private readonly hasher: PasswordHasher) {}

  async prepare(
    input: NewAccountInput,
    actor: AuthenticatedUser,
    at: Date,
  ): Promise<PreparedAccount> {
    const accountId = `acct_${randomUUID()}`;
    const initialPassword = generateInitialPassword();
    const institutionId = 'institutionId' in input ? input.institutionId : null;
    const unitId = 'unitId' in input ? input.unitId : null;
    const reviewerProfile = 'reviewerProfile' in input ? input.reviewerProfile : null;
    const created = createEvent(AccountCreatedV1, {
      accountId,
      userId: input.userId,
      name: input.name,
      email: input.email,
      locale: input.locale,
      roles: [input.role],
      institutionId,
      unitId,
      mustChangePassword: true,
      // Evaluation keeps conflicts of interest out of assignments with it; null for others.
      reviewerProfile: reviewerProfile ? { ...reviewerProfile } : null,
      createdBy: { kind: 'account', accountId: actor.accountId },
      createdAt: at.toISOString(),
    });
    return {
      initialPassword,
      account: {
        _id: accountId,
        userId: input.userId,
        name: input.name,
        email: input.email,
        locale: input.locale,
        roles: [input.role],
        institutionId,
        unitId,
        status: 'active',
        passwordHash: await this.hasher.hash(initialPassword),
        mustChangePassword: true,
        passwordChangedAt: null,
        failedSignIns: 0,
        lockedUntil: null,
        totpSecretSealed: null,
        totpEnabledAt: null,
        reviewerProfile,
        history: [
          {
            at,
            by: actor.accountId,
            action: 'created',
            detail: { role: input.role, institutionId, unitId },
          },
        ],
        outbox: [created],
      },
    };
  }
}
