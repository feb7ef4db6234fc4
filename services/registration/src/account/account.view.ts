import { z } from 'zod';
import { LOCALES, ROLES } from '@kipp/contracts';
import { ACCOUNT_STATUSES, type Account } from './account.schema';

export const reviewerProfileView = z.object({
  affiliation: z.string(),
  homeProvinceCode: z.string().nullable(),
  pastEngagementInstitutionIds: z.array(z.string()),
  declaredConflictInstitutionIds: z.array(z.string()),
  expertiseCategoryIds: z.array(z.string()),
});

/** What administration shows of an account: never password or TOTP material. */
export const accountView = z.object({
  accountId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.enum(LOCALES),
  roles: z.array(z.enum(ROLES)),
  institutionId: z.string().nullable(),
  unitId: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  mustChangePassword: z.boolean(),
  reviewerProfile: reviewerProfileView.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountView = z.infer<typeof accountView>;

/** An account just provisioned, with its generated first password, shown this once only. */
export const provisionedAccountView = z.object({
  account: accountView,
  initialPassword: z.string(),
});
export type ProvisionedAccountView = z.infer<typeof provisionedAccountView>;

export function toAccountView(account: Account): AccountView {
  const profile = account.reviewerProfile;
  return {
    accountId: account._id,
    userId: account.userId,
    name: account.name,
    email: account.email,
    locale: account.locale,
    roles: [...account.roles],
    institutionId: account.institutionId,
    unitId: account.unitId,
    status: account.status,
    mustChangePassword: account.mustChangePassword,
    reviewerProfile: profile
      ? {
          affiliation: profile.affiliation,
          homeProvinceCode: profile.homeProvinceCode,
          pastEngagementInstitutionIds: [...profile.pastEngagementInstitutionIds],
          declaredConflictInstitutionIds: [...profile.declaredConflictInstitutionIds],
          expertiseCategoryIds: [...profile.expertiseCategoryIds],
        }
      : null,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}
