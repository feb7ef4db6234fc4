import { NotFoundError } from '@kipp/service-kit';

export class ImportNotFoundError extends NotFoundError {
  constructor(importId: string) {
    super('IMPORT_NOT_FOUND', `import ${importId} does not exist`, { importId });
  }
}

/** The code of a job whose applying process stopped before it committed. */
export const IMPORT_INTERRUPTED = 'IMPORT_INTERRUPTED';
/** The code of a job that failed for a reason without a code of its own (it is logged). */
export const IMPORT_FAILED = 'IMPORT_FAILED';
