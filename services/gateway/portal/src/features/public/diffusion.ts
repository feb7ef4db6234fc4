import type { AwardTier } from '@kipp/contracts';
import type {
  GraphEdge,
  GraphNode,
  InnovationDiffusion,
  NationalDiffusion,
  ProvinceDiffusion,
  PublicResult,
} from './public-api';
import { provinceName } from './provinces';

/** One step of an innovation's spread: who adopted what, `step` replications away. */
export interface SpreadStep {
  readonly step: number;
  readonly links: readonly {
    readonly from: string;
    readonly adopter: string;
    readonly adopterProvince: string | null;
    readonly status: string | null;
  }[];
}

/**
 * The diffusion graph as steps (1 = adopters of the innovation itself, 2 = adopters of
 * their innovations, up to 3), each replication edge read as "innovation → adopter".
 */
export function spreadSteps(graph: {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}): SpreadStep[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const byStep = new Map<number, SpreadStep['links'][number][]>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'replicates') continue;
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!from || !to) continue;
    const step = Math.max(1, to.depth);
    const links = byStep.get(step) ?? [];
    links.push({
      from: from.label,
      adopter: to.label,
      adopterProvince: provinceName(to.provinceCode),
      status: edge.status,
    });
    byStep.set(step, links);
  }
  return [...byStep.entries()]
    .filter(([step]) => step <= 3)
    .sort(([a], [b]) => a - b)
    .map(([step, links]) => ({ step, links }));
}

/** The national series as the line chart draws it: one label per year, two series. */
export function nationalSeries(national: NationalDiffusion): {
  years: string[];
  published: number[];
  replications: number[];
  provinces: number[];
} {
  return {
    years: national.years.map((y) => String(y.year)),
    published: national.years.map((y) => y.innovationsPublished),
    replications: national.years.map((y) => y.confirmedReplications),
    provinces: national.years.map((y) => y.provincesReachedCumulative),
  };
}

/** Provinces by a figure, largest first, zeros left out, at most `limit`. */
export function topProvinces(
  provinces: readonly ProvinceDiffusion[],
  figure: 'innovations' | 'replicationsIn' | 'replicationsOut',
  limit: number,
): { label: string; value: number }[] {
  return provinces
    .filter((p) => p[figure] > 0)
    .sort((a, b) => b[figure] - a[figure] || a.provinceCode.localeCompare(b.provinceCode))
    .slice(0, limit)
    .map((p) => ({ label: provinceName(p.provinceCode) ?? p.provinceCode, value: p[figure] }));
}

/** Adopters per year of an innovation (by the year the replication was recorded). */
export function adoptionsPerYear(
  diffusion: InnovationDiffusion,
): { year: string; count: number }[] {
  const counts = new Map<number, number>();
  for (const adopter of diffusion.adopters) {
    const year = new Date(adopter.recordedAt).getUTCFullYear();
    if (!Number.isNaN(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const years = [...counts.keys()].sort((a, b) => a - b);
  if (years.length === 0) return [];
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  return Array.from({ length: last - first + 1 }, (_, i) => ({
    year: String(first + i),
    count: counts.get(first + i) ?? 0,
  }));
}

/** Tiers from the highest down: how a result is ranked and shown. */
export const TIER_ORDER: readonly AwardTier[] = [
  'outstanding',
  'top',
  'replication-top',
  'finalist',
];

/** A result's highest tier. */
export function highestTier(tiers: readonly AwardTier[]): AwardTier {
  return TIER_ORDER.find((tier) => tiers.includes(tier)) ?? 'finalist';
}

export interface ResultGroup {
  readonly groupId: string;
  readonly categories: readonly {
    readonly categoryId: string;
    readonly results: readonly PublicResult[];
  }[];
}

/**
 * Results per group (general, replication, special), then per category, each list highest
 * tier first, then by title.
 */
export function groupResults(results: readonly PublicResult[]): ResultGroup[] {
  const groupOrder = ['general', 'replication', 'special'];
  const groups = new Map<string, Map<string, PublicResult[]>>();
  for (const result of results) {
    const categories = groups.get(result.groupId) ?? new Map<string, PublicResult[]>();
    const list = categories.get(result.categoryId) ?? [];
    list.push(result);
    categories.set(result.categoryId, list);
    groups.set(result.groupId, categories);
  }
  const rank = (r: PublicResult) => TIER_ORDER.indexOf(highestTier(r.tiers));
  const groupRank = (id: string) => {
    const index = groupOrder.indexOf(id);
    return index === -1 ? groupOrder.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b))
    .map(([groupId, categories]) => ({
      groupId,
      categories: [...categories.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([categoryId, list]) => ({
          categoryId,
          results: [...list].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title)),
        })),
    }));
}

/** How many results reached each tier (a result counts once, at its highest tier). */
export function tierCounts(results: readonly PublicResult[]): { tier: AwardTier; count: number }[] {
  return TIER_ORDER.map((tier) => ({
    tier,
    count: results.filter((r) => highestTier(r.tiers) === tier).length,
  }));
}
