import type { EditionPhase, EvaluationSettings } from '@kipp/contracts';
import type { EditionProjection } from '../edition/edition.schema';
import { EditionNotConfiguredError, EditionNotFoundError } from './plenary.errors';

/** The edition's evaluation settings, or the 404/409 a caller gets without them. */
export function evaluationSettingsOf(
  editionId: string,
  edition: EditionProjection | null,
): EvaluationSettings {
  if (!edition) throw new EditionNotFoundError(editionId);
  const settings = edition.configuration.evaluation;
  if (!settings) throw new EditionNotConfiguredError(editionId);
  return settings;
}

/** The calendar window of a phase, or null when the edition's calendar has none. */
export function phaseWindow(
  edition: EditionProjection,
  phase: EditionPhase,
): { startsAt: Date; endsAt: Date } | null {
  const entry = edition.configuration.calendar.find((e) => e.phase === phase);
  return entry ? { startsAt: new Date(entry.startsAt), endsAt: new Date(entry.endsAt) } : null;
}
