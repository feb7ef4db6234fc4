import type { EditionConfiguration, EvaluationSettings } from '@kipp/contracts';
import type { EditionProjection } from '../edition/edition.schema';
import { EditionNotConfiguredForEvaluationError, EditionNotFoundError } from './stage.errors';

export interface EvaluatedEdition {
  editionId: string;
  configuration: EditionConfiguration;
  evaluation: EvaluationSettings;
  currentPhase: EditionProjection['currentPhase'];
}

/** The edition as the stages need it: known, and with its `evaluation` settings. */
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
