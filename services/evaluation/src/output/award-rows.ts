import type { AwardTier, EditionConfiguration, ProposalSnapshot } from '@kipp/contracts';
import type { Award } from '../award/award.schema';
import type { InstitutionProjection } from '../institution/institution.schema';
import type { ProposalInstitution } from '../proposal/proposal.schema';
import { highestTier, TIER_PRIORITY } from './award-tiers';

/** An award with everything the exports print about it. */
export interface AwardRow {
  proposalId: string;
  tiers: AwardTier[];
  /** The tier it is listed under: its highest. */
  tier: AwardTier;
  rank: number;
  title: string;
  institutionId: string;
  /** Empty until the institution projection has the institution. */
  institutionCode: string;
  institutionName: string;
  institutionType: string | null;
  provinceCode: string | null;
  groupId: string;
  groupName: string;
  categoryId: string;
  categoryName: string;
  snapshot: ProposalSnapshot | null;
}

export interface AwardSources {
  awards: readonly Award[];
  institutions: ReadonlyMap<string, InstitutionProjection>;
  /** The proposal's snapshot and the institution as it stood at the forward. */
  proposals: ReadonlyMap<
    string,
    { snapshot: ProposalSnapshot; institution: ProposalInstitution | null }
  >;
}

/**
 * Joins awards with the institution registry (current names and codes win; the institution
 * as forwarded is the fallback) and the edition's names, ordered the way a decree lists
 * them: by tier, then the edition's group order, rank and proposal id.
 */
export function buildAwardRows(
  configuration: EditionConfiguration,
  sources: AwardSources,
): AwardRow[] {
  const groupOrder = configuration.groups.map((group) => group.groupId as string);
  const rows: AwardRow[] = [];
  for (const award of sources.awards) {
    const tier = highestTier(award.tiers);
    if (tier === null) continue;
    const registry = sources.institutions.get(award.institutionId);
    const proposal = sources.proposals.get(award._id);
    const forwarded = proposal?.institution ?? null;
    rows.push({
      proposalId: award._id,
      tiers: [...award.tiers],
      tier,
      rank: award.rank,
      title: award.title,
      institutionId: award.institutionId,
      institutionCode: registry?.code ?? '',
      institutionName: registry?.name ?? forwarded?.name ?? award.institutionId,
      institutionType: registry?.type ?? forwarded?.type ?? null,
      provinceCode: registry?.provinceCode ?? forwarded?.provinceCode ?? null,
      groupId: award.groupId,
      groupName:
        configuration.groups.find((group) => group.groupId === award.groupId)?.name.id ??
        award.groupId,
      categoryId: award.categoryId,
      categoryName:
        configuration.categories.find((category) => category.categoryId === award.categoryId)?.name
          .id ?? award.categoryId,
      snapshot: proposal?.snapshot ?? null,
    });
  }
  return rows.sort(
    (a, b) =>
      TIER_PRIORITY.indexOf(a.tier) - TIER_PRIORITY.indexOf(b.tier) ||
      orderOf(groupOrder, a.groupId) - orderOf(groupOrder, b.groupId) ||
      a.rank - b.rank ||
      compareIds(a.proposalId, b.proposalId),
  );
}

function orderOf(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

/** Code-unit order, independent of the process locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
