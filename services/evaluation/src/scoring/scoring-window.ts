import type { EditionConfiguration, EditionPhase } from '@kipp/contracts';

export interface ScoringWindow {
  readonly opensAt: Date | null;
  readonly closesAt: Date | null;
}

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

/** Panel scores are accepted from the start of the interviews to the end of the plenary. */
export function panelScoringWindow(configuration: EditionConfiguration): ScoringWindow {
  const phases = configuration.calendar.filter((p) =>
    (['interview', 'plenary'] as EditionPhase[]).includes(p.phase),
  );
  if (phases.length === 0) return { opensAt: null, closesAt: null };
  const starts = phases.map((p) => new Date(p.startsAt).getTime());
  const ends = phases.map((p) => new Date(p.endsAt).getTime());
  return { opensAt: new Date(Math.min(...starts)), closesAt: new Date(Math.max(...ends)) };
}

export function isOpen(window: ScoringWindow, now: Date): boolean {
  if (!window.closesAt) return false;
  if (window.opensAt && now < window.opensAt) return false;
  return now <= window.closesAt;
}
