import type { CheckInOutcome, CheckInStatus } from './check-in.schema';

/** `months` calendar months after `from` (UTC), on the last day of a shorter month. */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export interface NextCheckIn {
  /** When the schedule opens it (the next one counts from here). */
  scheduledAt: Date;
  /** The year it is about. */
  period: number;
}

const DAY_MS = 86_400_000;

/**
 * The check-in to open at `now`, if one is due: `intervalMonths` after `anchor` (the latest
 * award, or the previous check-in's schedule); the first one (no previous period) comes
 * `firstAfterDays` after the award instead when that is set. After a long gap only the
 * latest missed check-in opens (asking for years nobody was asked about helps no one).
 * Periods increase strictly, so a short interval never reuses an id.
 */
export function nextCheckIn(
  anchor: Date,
  previousPeriod: number | null,
  now: Date,
  intervalMonths: number,
  firstAfterDays: number | null = null,
): NextCheckIn | null {
  let scheduledAt =
    previousPeriod === null && firstAfterDays !== null
      ? new Date(anchor.getTime() + firstAfterDays * DAY_MS)
      : addMonths(anchor, intervalMonths);
  if (scheduledAt > now) return null;
  for (let next = addMonths(scheduledAt, intervalMonths); next <= now;) {
    scheduledAt = next;
    next = addMonths(scheduledAt, intervalMonths);
  }
  const period = Math.max(scheduledAt.getUTCFullYear(), (previousPeriod ?? 0) + 1);
  return { scheduledAt, period };
}

export interface CheckInAnswers {
  running: boolean;
  scaled?: boolean | undefined;
}

/** What the answers make of the innovation: stopped when it no longer runs. */
export function checkInOutcome(answers: CheckInAnswers): CheckInOutcome {
  if (!answers.running) return 'stopped';
  return answers.scaled ? 'scaled' : 'active';
}

/**
 * Whether the latest check-ins (newest first) are `lapseAfter` unanswered ones in a row; an
 * answer, even a late one, breaks the run.
 */
export function hasLapsed(latestFirst: readonly CheckInStatus[], lapseAfter: number): boolean {
  return (
    latestFirst.length >= lapseAfter &&
    latestFirst.slice(0, lapseAfter).every((status) => status === 'overdue')
  );
}
