import type { Datum } from '../../../ui/charts/chart-figure';
import type { DeskResult, StageEntry } from './evaluation-api';

/** Scores closer than this are equal (the services round to 6 decimals). */
const EPSILON = 1e-6;

export interface ScoreBin {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/**
 * Equal-width bins over a rubric scale (the last one closed), labelled "from–to" with the
 * given number format.
 */
export function scoreBins(
  scale: { min: number; max: number },
  count: number,
  format: (value: number) => string = String,
): ScoreBin[] {
  const width = (scale.max - scale.min) / count;
  return Array.from({ length: count }, (_, i) => {
    const from = scale.min + i * width;
    const to = i === count - 1 ? scale.max : scale.min + (i + 1) * width;
    return { from, to, label: `${format(from)}–${format(to)}` };
  });
}

/** How many values fall into each bin; values outside the scale are clamped into the end bins. */
export function histogram(values: readonly number[], bins: readonly ScoreBin[]): number[] {
  const counts = bins.map(() => 0);
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return counts;
  const width = (last.to - first.from) / bins.length;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    const index = width <= 0 ? 0 : Math.floor((value - first.from) / width);
    const bin = Math.min(bins.length - 1, Math.max(0, index));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

/**
 * The distribution of proposals' desk scores before and after calibration, as two series
 * over the same bins: what normalisation did to the spread.
 */
export function scoreDistribution(
  results: readonly DeskResult[],
  bins: readonly ScoreBin[],
): { raw: number[]; normalized: number[] } {
  const raw = results.map((r) => r.rawMean).filter((v): v is number => v !== null);
  const normalized = results.map((r) => r.normalizedMean).filter((v): v is number => v !== null);
  return { raw: histogram(raw, bins), normalized: histogram(normalized, bins) };
}

export interface RankedRow extends StageEntry {
  /** How many entries share this score (1 when none); a tie the tie-break decided. */
  readonly tiedWith: number;
}

/** The entries in rank order, each with the number of entries that share its score. */
export function withTies(entries: readonly StageEntry[]): RankedRow[] {
  const sorted = [...entries].sort((a, b) => a.rank - b.rank);
  // Runs of equal scores: each entry joins the run of the one before it when the scores match.
  const runs: StageEntry[][] = [];
  let previous: StageEntry | null = null;
  for (const entry of sorted) {
    const current = runs[runs.length - 1];
    const tied =
      current !== undefined &&
      previous !== null &&
      previous.score !== null &&
      entry.score !== null &&
      Math.abs(entry.score - previous.score) < EPSILON;
    if (tied) current.push(entry);
    else runs.push([entry]);
    previous = entry;
  }
  return runs.flatMap((run) => run.map((entry) => ({ ...entry, tiedWith: run.length })));
}

/** Counts of items per label, largest first (then by label), for a bar or ring chart. */
export function countBy<T>(items: readonly T[], label: (item: T) => string): Datum[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(label(item), (counts.get(label(item)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, value]) => ({ label: key, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** What the composition report needs to know of an institution (from the registry). */
export interface InstitutionFacts {
  readonly institutionId: string;
  readonly name: string;
  readonly type: string;
  readonly provinceCode: string | null;
}

export interface Composition {
  readonly byProvince: Datum[];
  readonly byType: Datum[];
  readonly byGroup: Datum[];
  readonly byCategory: Datum[];
}

/**
 * The finalists (advanced entries) counted by province, institution type, group and
 * category, each label read through `names` (a province by its province institution's name).
 */
export function finalistComposition(
  entries: readonly StageEntry[],
  institutions: ReadonlyMap<string, InstitutionFacts>,
  names: {
    readonly unknown: string;
    readonly type: (type: string) => string;
    readonly group: (groupId: string) => string;
    readonly category: (categoryId: string) => string;
  },
): Composition {
  const finalists = entries.filter((e) => e.advanced);
  const provinceNames = new Map<string, string>();
  for (const institution of institutions.values()) {
    if (institution.type === 'province' && institution.provinceCode) {
      provinceNames.set(institution.provinceCode, institution.name);
    }
  }
  const institutionOf = (e: StageEntry) => institutions.get(e.institutionId);
  return {
    byProvince: countBy(finalists, (e) => {
      const code = institutionOf(e)?.provinceCode;
      return code ? (provinceNames.get(code) ?? code) : names.unknown;
    }),
    byType: countBy(finalists, (e) => {
      const type = institutionOf(e)?.type;
      return type ? names.type(type) : names.unknown;
    }),
    byGroup: countBy(finalists, (e) => names.group(e.groupId)),
    byCategory: countBy(finalists, (e) => names.category(e.categoryId)),
  };
}
