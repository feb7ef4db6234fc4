import { ConflictError } from '@kipp/service-kit';

/** The official outputs and certificates wait for the edition's `final` stage publication. */
export class FinalResultsNotPublishedError extends ConflictError {
  constructor(editionId: string) {
    super(
      'RESULTS_NOT_PUBLISHED',
      `edition ${editionId} has no published final results; exports and certificates follow them`,
      { editionId },
    );
  }
}
