import type { EditionConfiguration, EvaluationSettings } from '@kipp/contracts';
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
