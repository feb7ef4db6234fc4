import { z } from 'zod';
import { AWARD_TIERS, GROUP_IDS, INNOVATION_STATUSES, INSTITUTION_TYPES } from '@kipp/contracts';
import type { StoredInnovation } from './innovation.repository';

const awardView = z.object({
  editionId: z.string(),
  year: z.number().int(),
  groupId: z.enum(GROUP_IDS),
  tier: z.enum(AWARD_TIERS),
});

/** One innovation as the public list, the JSON export and (flattened) the CSV show it. */
export const innovationRowView = z.object({
  innovationId: z.string(),
  title: z.string(),
  year: z.number().int().describe('the latest award year, or the publication year'),
  awards: z.array(awardView),
  institutionId: z.string(),
  institutionName: z.string(),
  institutionType: z.enum(INSTITUTION_TYPES),
  provinceCode: z.string().nullable().describe('BPS code of the province'),
  categoryId: z.string(),
  sdgTargets: z.array(z.string()),
  status: z.enum(INNOVATION_STATUSES),
  publishedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type InnovationRow = z.infer<typeof innovationRowView>;

export const innovationPageView = z.object({
  items: z.array(innovationRowView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InnovationPage = z.infer<typeof innovationPageView>;

export const innovationDetailView = innovationRowView.extend({
  revision: z.number().int(),
  unitId: z.string().nullable(),
  sections: z.array(z.object({ sectionId: z.string(), text: z.string() })),
  proposalIds: z.array(z.string()),
});
export type InnovationDetail = z.infer<typeof innovationDetailView>;

export function toRow(innovation: StoredInnovation): InnovationRow {
  return {
    innovationId: innovation._id,
    title: innovation.title,
    year: innovation.search?.latestYear ?? innovation.publishedAt.getUTCFullYear(),
    awards: innovation.awards.map((a) => ({
      editionId: a.editionId,
      year: a.year,
      groupId: a.groupId,
      tier: a.tier,
    })),
    institutionId: innovation.institutionId,
    institutionName: innovation.institutionName,
    institutionType: innovation.institutionType,
    provinceCode: innovation.provinceCode,
    categoryId: innovation.categoryId,
    sdgTargets: [...innovation.sdgTargets],
    status: innovation.status,
    publishedAt: new Date(innovation.publishedAt).toISOString(),
    updatedAt: new Date(innovation.updatedAt).toISOString(),
  };
}

export function toDetail(innovation: StoredInnovation): InnovationDetail {
  return {
    ...toRow(innovation),
    revision: innovation.revision,
    unitId: innovation.unitId,
    sections: innovation.sections.map((s) => ({ sectionId: s.sectionId, text: s.text })),
    proposalIds: [...innovation.proposalIds],
  };
}
