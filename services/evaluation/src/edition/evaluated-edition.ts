import type { EditionConfiguration, EditionPhase, EvaluationSettings } from '@kipp/contracts';
import { EditionNotConfiguredForEvaluationError, EditionNotFoundError } from './edition.errors';
import type { EditionProjection } from './edition.schema';

/** An edition known here, with the `evaluation` settings every judging step needs. */
export interface EvaluatedEdition {
  readonly editionId: string;
  readonly configuration: EditionConfiguration;
  readonly evaluation: EvaluationSettings;
  readonly currentPhase: EditionProjection['currentPhase'];
}

/** 404 `EDITION_NOT_FOUND` or 409 `EDITION_NOT_CONFIGURED_FOR_EVALUATION` unless usable. */
export function requireEvaluatedEdition(
  editionId: string,
  edition: EditionProjection | null,
): EvaluatedEdition {
  if (!edition) throw new EditionNotFoundError(editionId);
  const evaluation = edition.configuration.evaluation;
  if (!evaluation) throw new EditionNotConfiguredForEvaluationError(editionId);
  return {
    editionId,
    configuration: edition.configuration,
    evaluation,
    currentPhase: edition.currentPhase,
  };
}

/** A phase's planned window in the edition's calendar; null when the calendar has none. */
export interface PhaseWindow {
  startsAt: Date;
  endsAt: Date;
}

export function phaseWindow(
  configuration: EditionConfiguration,
  phase: EditionPhase,
): PhaseWindow | null {
  const entry = configuration.calendar.find((e) => e.phase === phase);
  return entry ? { startsAt: new Date(entry.startsAt), endsAt: new Date(entry.endsAt) } : null;
}
