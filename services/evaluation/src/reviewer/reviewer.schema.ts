import { Schema } from 'mongoose';
import type { Locale, ReviewerProfilePayload } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';

/**
 * An evaluator or panelist as this service knows them, kept from registration's account
 * events (created, role-granted with the reviewer profile, deactivated, reactivated).
 * Assignment reads the profile for conflicts of interest and expertise.
 */
export interface Reviewer {
  /** The account id. */
  _id: string;
  name: string;
  email: string;
  locale: Locale;
  /** Of `evaluator` and `panelist`, the roles the account holds. */
  roles: ('evaluator' | 'panelist')[];
  profile: ReviewerProfilePayload | null;
  /** False while the account is deactivated: no new assignments. */
  active: boolean;
  /** When `active` last changed; older deactivation/reactivation events are ignored. */
  activeChangedAt?: Date | null;
  updatedAt: Date;
  createdAt: Date;
}

export const REVIEWER_MODEL = 'Reviewer';

const profileSchema = new Schema<ReviewerProfilePayload>(
  {
    affiliation: { type: String, required: true },
    homeProvinceCode: { type: String, default: null },
    pastEngagementInstitutionIds: { type: [String], default: [] },
    declaredConflictInstitutionIds: { type: [String], default: [] },
    expertiseCategoryIds: { type: [String], default: [] },
  },
  { _id: false },
);

export const reviewerSchema = new Schema<Reviewer>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    email: { type: String, required: true },
    locale: { type: String, required: true },
    roles: { type: [String], default: [] },
    profile: { type: profileSchema, default: null },
    active: { type: Boolean, required: true, default: true },
    activeChangedAt: { type: Date, default: null },
  },
  schemaOptions('reviewers'),
);
// Assignment loads the active evaluators; the panel lists active panelists.
reviewerSchema.index({ roles: 1, active: 1 });
