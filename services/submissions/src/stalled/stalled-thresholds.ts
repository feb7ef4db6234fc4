import { z } from 'zod';

/** A nudge point before an edition's close, e.g. `3d` = three days before. */
export interface StalledThreshold {
  readonly name: string;
  readonly beforeCloseMs: number;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const THRESHOLD_PATTERN = /^(\d{1,4})([mhd])$/;

/**
 * Parses `7d,3d,1d,3h` (minutes `m`, hours `h`, days `d`) into thresholds, largest first.
 * Returns the problems instead of throwing so the config can list them with the others.
 */
export function parseStalledThresholds(
  value: string,
): { ok: true; thresholds: StalledThreshold[] } | { ok: false; problem: string } {
  const names = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (names.length === 0) return { ok: false, problem: 'must name at least one threshold' };
  const thresholds: StalledThreshold[] = [];
  for (const name of names) {
    const match = THRESHOLD_PATTERN.exec(name);
    if (!match) return { ok: false, problem: `"${name}" is not like 7d, 3h or 30m` };
    const amount = Number(match[1]);
    if (amount === 0) return { ok: false, problem: `"${name}" must be more than zero` };
    const beforeCloseMs = amount * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    if (thresholds.some((known) => known.beforeCloseMs === beforeCloseMs)) {
      return { ok: false, problem: `"${name}" repeats another threshold` };
    }
    thresholds.push({ name, beforeCloseMs });
  }
  return { ok: true, thresholds: thresholds.sort((a, b) => b.beforeCloseMs - a.beforeCloseMs) };
}

/** The env field of `STALLED_THRESHOLDS`: a list like `7d,3d,1d,3h`, parsed. */
export function envStalledThresholds(defaultValue: string) {
  return z
    .string()
    .default(defaultValue)
    .transform((value, context): StalledThreshold[] => {
      const parsed = parseStalledThresholds(value);
      if (parsed.ok) return parsed.thresholds;
      context.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    });
}

/**
 * The thresholds an edition closing at `closesAt` has crossed at `now`: those whose point
 * before the close has been reached. None once the close has passed — nothing can move then.
 */
export function crossedThresholds(
  thresholds: readonly StalledThreshold[],
  closesAt: Date,
  now: Date,
): StalledThreshold[] {
  const untilClose = closesAt.getTime() - now.getTime();
  if (untilClose <= 0) return [];
  return thresholds.filter((threshold) => untilClose <= threshold.beforeCloseMs);
}

/** The largest threshold: editions closing further away than this need no scan yet. */
export function largestThresholdMs(thresholds: readonly StalledThreshold[]): number {
  return Math.max(0, ...thresholds.map((threshold) => threshold.beforeCloseMs));
}
