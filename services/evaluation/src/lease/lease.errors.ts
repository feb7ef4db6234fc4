import { ConflictError } from '@kipp/service-kit';

/** Another instance is computing the same thing right now. */
export class RecomputationInProgressError extends ConflictError {
  constructor(name: string) {
    super('RECOMPUTATION_IN_PROGRESS', `another instance is computing ${name}; try again shortly`, {
      lease: name,
    });
  }
}

/** The lease expired or passed to another instance before the result was published. */
export class LeaseLostError extends ConflictError {
  constructor(name: string) {
    super('LEASE_LOST', `the lease on ${name} was lost before the result was published`, {
      lease: name,
    });
  }
}
