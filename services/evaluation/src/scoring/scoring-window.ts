import type { EditionConfiguration, EditionPhase } from '@kipp/contracts';

export interface ScoringWindow {
  readonly opensAt: Date | null;
  readonly closesAt: Date | null;
  /**
   * Set when the edition's current phase decides instead of the calendar instants (the
   * national admin may move phases by hand; the calendar is the plan).
   */
  readonly openByPhase?: boolean;
}

/** The phases in which panelists score finalists. */
export const PANEL_SCORING_PHASES: readonly EditionPhase[] = [
  'interview',
  'field-verification',
  'plenary',
];

/** Desk scores are accepted until the desk-evaluation phase ends plus the grace minutes. */
export function deskScoringWindow(
  configuration: EditionConfiguration,
  graceMinutes: number,
): ScoringWindow {
  const phase = configuration.calendar.find((p) => p.phase === 'desk-evaluation');
  if (!phase) return { opensAt: null, closesAt: null };
  return {
    // Assignments may be made before the phase starts; evaluators may start at once.
    opensAt: null,
    closesAt: new Date(new Date(phase.endsAt).getTime() + graceMinutes * 60_000),
  };
}

/**
 * Panel scores are accepted while the edition is in the interview, field-verification or
 * plenary phase; the calendar's span of those phases is what the error names.
 */
export function panelScoringWindow(
  configuration: EditionConfiguration,
  currentPhase: EditionPhase | null,
): ScoringWindow {
  const openByPhase = currentPhase !== null && PANEL_SCORING_PHASES.includes(currentPhase);
  const phases = configuration.calendar.filter((p) => PANEL_SCORING_PHASES.includes(p.phase));
  if (phases.length === 0) return { opensAt: null, closesAt: null, openByPhase };
  const starts = phases.map((p) => new Date(p.startsAt).getTime());
  const ends = phases.map((p) => new Date(p.endsAt).getTime());
  return {
    opensAt: new Date(Math.min(...starts)),
    closesAt: new Date(Math.max(...ends)),
    openByPhase,
  };
}

export function isOpen(window: ScoringWindow, now: Date): boolean {
  if (window.openByPhase !== undefined) return window.openByPhase;
  if (!window.closesAt) return false;
  if (window.opensAt && now < window.opensAt) return false;
  return now <= window.closesAt;
}
