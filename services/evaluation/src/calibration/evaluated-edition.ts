import type { EditionConfiguration, EvaluationSettings } from '@kipp/contracts';
import type { EditionProjection } from '../edition/edition.schema';
import { EditionNotConfiguredForEvaluationError, EditionNotFoundError } from './calibration.errors';

/** An edition with the `evaluation` settings every scoring and calibration step needs. */
export interface EvaluatedEdition {
  readonly editionId: string;
  readonly configuration: EditionConfiguration;
  readonly evaluation: EvaluationSettings;
}

export function requireEvaluatedEdition(
  editionId: string,
  edition: EditionProjection | null,
): EvaluatedEdition {
  if (!edition) throw new EditionNotFoundError(editionId);
  const evaluation = edition.configuration.evaluation;
  if (!evaluation) throw new EditionNotConfiguredForEvaluationError(editionId);
  return { editionId, configuration: edition.configuration, evaluation };
}
