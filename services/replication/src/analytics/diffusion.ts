import type { InnovationStatus } from '../catalogue/innovation.schema';
import { PROVINCE_CODES, provinceOf, type ProvinceCode } from '@kipp/contracts';

/*
 * Diffusion figures computed from facts the repository reads. Only confirmed links reach
 * these functions: the repository filters on `confirmation: 'confirmed'` everywhere.
 */

const DAY_MS = 86_400_000;

/** What the figures need of an innovation. */
export interface InnovationFacts {
  innovationId: string;
  title: string;
  institutionId: string;
  institutionName: string;
  provinceCode: string | null;
  status: InnovationStatus;
  awardYears: number[];
  publishedAt: Date;
}

/** What the figures need of a confirmed replication link. */
export interface ConfirmedLinkFacts {
  replicationId: string;
  innovationId: string;
  adopterInstitutionId: string;
  adopterProvinceCode: string | null;
  status: string;
  recordedAt: Date;
  confirmedAt: Date | null;
}

export interface GraphNode {
  /** `innovation:<id>` or `institution:<id>`, unique within the graph. */
  id: string;
  kind: 'innovation' | 'institution';
  /** The innovation or institution id. */
  refId: string;
  label: string;
  provinceCode: string | null;
  /** Steps of replication from the innovation asked about (0 for it and its owner). */
  depth: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** `owns`: an institution's innovation; `replicates`: an innovation adopted by an institution. */
  kind: 'owns' | 'replicates';
  replicationId: string | null;
  status: string | null;
}

export interface InnovationDiffusion {
  innovationId: string;
  replications: number;
  adopters: {
    replicationId: string;
    institutionId: string;
    name: string | null;
    provinceCode: string | null;
    status: string;
    recordedAt: string;
    confirmedAt: string | null;
  }[];
  provincesReached: { count: number; provinceCodes: string[] };
  timeToFirstReplicationDays: number | null;
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
}

/** Everything reached from one innovation, as the use case collected it breadth first. */
export interface DiffusionReach {
  root: InnovationFacts;
  /** Innovations in the graph (the root included), with their depth. */
  innovations: { innovation: InnovationFacts; depth: number }[];
  /** Confirmed links of those innovations. */
  links: ConfirmedLinkFacts[];
  /** Institution names and provinces, by id (from the registry projection). */
  institutions: ReadonlyMap<string, { name: string; provinceCode: string | null }>;
}

export function innovationDiffusion(reach: DiffusionReach): InnovationDiffusion {
  const { root, institutions } = reach;
  const direct = reach.links
    .filter((link) => link.innovationId === root.innovationId)
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  const adopterProvince = (link: ConfirmedLinkFacts) =>
    link.adopterProvinceCode ?? institutions.get(link.adopterInstitutionId)?.provinceCode ?? null;

  const provinces = [
    ...new Set(direct.map((link) => provinceOf(adopterProvince(link))).filter(isProvince)),
  ].sort();
  const first = direct[0];

  return {
    innovationId: root.innovationId,
    replications: direct.length,
    adopters: direct.map((link) => ({
      replicationId: link.replicationId,
      institutionId: link.adopterInstitutionId,
      name: institutions.get(link.adopterInstitutionId)?.name ?? null,
      provinceCode: adopterProvince(link),
      status: link.status,
      recordedAt: link.recordedAt.toISOString(),
      confirmedAt: link.confirmedAt?.toISOString() ?? null,
    })),
    provincesReached: { count: provinces.length, provinceCodes: provinces },
    timeToFirstReplicationDays: first
      ? Math.max(0, Math.floor((first.recordedAt.getTime() - root.publishedAt.getTime()) / DAY_MS))
      : null,
    graph: diffusionGraph(reach, adopterProvince),
  };
}

function diffusionGraph(
  reach: DiffusionReach,
  adopterProvince: (link: ConfirmedLinkFacts) => string | null,
): InnovationDiffusion['graph'] {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const depthOf = new Map<string, number>();
  const addInstitution = (id: string, fallbackName: string, province: string | null, d: number) => {
    const key = `institution:${id}`;
    if (nodes.has(key)) return key;
    const known = reach.institutions.get(id);
    nodes.set(key, {
      id: key,
      kind: 'institution',
      refId: id,
      label: known?.name ?? fallbackName,
      provinceCode: known?.provinceCode ?? province,
      depth: d,
    });
    return key;
  };

  for (const { innovation, depth } of reach.innovations) {
    const key = `innovation:${innovation.innovationId}`;
    depthOf.set(innovation.innovationId, depth);
    nodes.set(key, {
      id: key,
      kind: 'innovation',
      refId: innovation.innovationId,
      label: innovation.title,
      provinceCode: innovation.provinceCode,
      depth,
    });
    const owner = addInstitution(
      innovation.institutionId,
      innovation.institutionName,
      innovation.provinceCode,
      depth,
    );
    edges.push({ from: owner, to: key, kind: 'owns', replicationId: null, status: null });
  }
  for (const link of reach.links) {
    const from = `innovation:${link.innovationId}`;
    if (!nodes.has(from)) continue;
    const to = addInstitution(
      link.adopterInstitutionId,
      link.adopterInstitutionId,
      adopterProvince(link),
      (depthOf.get(link.innovationId) ?? 0) + 1,
    );
    edges.push({
      from,
      to,
      kind: 'replicates',
      replicationId: link.replicationId,
      status: link.status,
    });
  }
  return { nodes: [...nodes.values()], edges };
}

/** Confirmed links counted by innovation, adopter province and year recorded (UTC). */
export interface LinkGroup {
  innovationId: string;
  adopterProvinceCode: string | null;
  year: number;
  count: number;
}

/** What the province and national figures need of an innovation. */
export type InnovationSummary = Pick<
  InnovationFacts,
  'innovationId' | 'provinceCode' | 'status' | 'awardYears' | 'publishedAt'
>;

export interface ProvinceDiffusion {
  provinceCode: ProvinceCode;
  /** Innovations in the database by institutions in the province. */
  innovations: number;
  /** Confirmed links adopted by institutions in the province. */
  replicationsIn: number;
  /** Confirmed links whose origin innovation is in the province. */
  replicationsOut: number;
  byStatus: Record<InnovationStatus, number>;
}

export function provinceDiffusion(
  innovations: readonly InnovationSummary[],
  links: readonly LinkGroup[],
): ProvinceDiffusion[] {
  const figures = new Map<ProvinceCode, ProvinceDiffusion>(
    PROVINCE_CODES.map((provinceCode) => [
      provinceCode,
      {
        provinceCode,
        innovations: 0,
        replicationsIn: 0,
        replicationsOut: 0,
        byStatus: { active: 0, scaled: 0, stopped: 0, lapsed: 0 },
      },
    ]),
  );
  const originProvince = new Map<string, ProvinceCode | null>();
  for (const innovation of innovations) {
    const province = provinceOf(innovation.provinceCode);
    originProvince.set(innovation.innovationId, province);
    const entry = province && figures.get(province);
    if (!entry) continue;
    entry.innovations += 1;
    entry.byStatus[innovation.status] += 1;
  }
  for (const group of links) {
    const adopterProvince = provinceOf(group.adopterProvinceCode);
    const originProvinceCode = originProvince.get(group.innovationId);
    const adopter = adopterProvince && figures.get(adopterProvince);
    const origin = originProvinceCode && figures.get(originProvinceCode);
    if (adopter) adopter.replicationsIn += group.count;
    if (origin) origin.replicationsOut += group.count;
  }
  return [...figures.values()];
}

export interface NationalYear {
  year: number;
  /** Innovations by the year of their first award (publication year without one). */
  innovationsPublished: number;
  confirmedReplications: number;
  /** Distinct adopter provinces of the confirmed links recorded up to the year's end. */
  provincesReachedCumulative: number;
  /**
   * Of the innovations published up to the year's end, the share whose current status is
   * active or scaled (statuses are not kept per year); null without innovations.
   */
  activeShare: number | null;
}

export interface NationalDiffusion {
  from: number;
  to: number;
  years: NationalYear[];
  totals: {
    innovations: number;
    confirmedReplications: number;
    innovationsReplicated: number;
    provincesReached: number;
    activeShare: number | null;
  };
}

export function publicationYear(innovation: InnovationSummary): number {
  return innovation.awardYears.length > 0
    ? Math.min(...innovation.awardYears)
    : innovation.publishedAt.getUTCFullYear();
}

/** The years with data, to default a range: [first, last], null when there is none. */
export function yearsWithData(
  innovations: readonly InnovationSummary[],
  links: readonly LinkGroup[],
): [number, number] | null {
  const years = [...innovations.map(publicationYear), ...links.map((group) => group.year)];
  return years.length === 0 ? null : [Math.min(...years), Math.max(...years)];
}

export function nationalDiffusion(
  innovations: readonly InnovationSummary[],
  links: readonly LinkGroup[],
  from: number,
  to: number,
): NationalDiffusion {
  const isActive = (status: InnovationStatus) => status === 'active' || status === 'scaled';
  const years: NationalYear[] = [];
  for (let year = from; year <= to; year += 1) {
    const upTo = innovations.filter((innovation) => publicationYear(innovation) <= year);
    const linksUpTo = links.filter((group) => group.year <= year);
    years.push({
      year,
      innovationsPublished: upTo.filter((innovation) => publicationYear(innovation) === year)
        .length,
      confirmedReplications: sum(links.filter((group) => group.year === year)),
      provincesReachedCumulative: distinctProvinces(linksUpTo),
      activeShare: share(
        upTo.filter((innovation) => isActive(innovation.status)).length,
        upTo.length,
      ),
    });
  }
  const replicated = new Set(links.filter((group) => group.count > 0).map((g) => g.innovationId));
  return {
    from,
    to,
    years,
    totals: {
      innovations: innovations.length,
      confirmedReplications: sum(links),
      innovationsReplicated: [...replicated].length,
      provincesReached: distinctProvinces(links),
      activeShare: share(
        innovations.filter((innovation) => isActive(innovation.status)).length,
        innovations.length,
      ),
    },
  };
}

function sum(groups: readonly LinkGroup[]): number {
  return groups.reduce((total, group) => total + group.count, 0);
}

function distinctProvinces(groups: readonly LinkGroup[]): number {
  return new Set(groups.map((group) => provinceOf(group.adopterProvinceCode)).filter(isProvince))
    .size;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function isProvince(code: ProvinceCode | null): code is ProvinceCode {
  return code !== null;
}
