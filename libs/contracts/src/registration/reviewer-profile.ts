import { z } from 'zod';

/**
 * What evaluation needs to know about an evaluator or panelist to keep conflicts of
 * interest out of assignments and to match expertise.
 */
export const reviewerProfileSchema = z.strictObject({
  /** The university or organisation the reviewer works for. */
  affiliation: z.string().min(1).max(300),
  /** BPS code of the reviewer's home province; same-province Pemda proposals conflict. */
  homeProvinceCode: z.string().min(2).max(13).nullable(),
  /** Institutions the reviewer coached or consulted for. */
  pastEngagementInstitutionIds: z.array(z.string().min(1).max(64)).max(500),
  /** Institutions the reviewer declared a conflict with. */
  declaredConflictInstitutionIds: z.array(z.string().min(1).max(64)).max(500),
  /** Category ids of the reviewer's expertise. */
  expertiseCategoryIds: z.array(z.string().min(1).max(48)).max(100),
});
export type ReviewerProfilePayload = z.infer<typeof reviewerProfileSchema>;

export const reviewerProfileExample: ReviewerProfilePayload = {
  affiliation: 'Universitas Gadjah Mada',
  homeProvinceCode: '34',
  pastEngagementInstitutionIds: ['inst_3471'],
  declaredConflictInstitutionIds: [],
  expertiseCategoryIds: ['health'],
};
