import type { AssignmentChangedV1, PayloadOf } from '@kipp/contracts';

/**
 * What evaluation has said about one caller and one proposal: whether the caller may read
 * the proposal's forwarded snapshots as its evaluator, and whether any panelist may.
 */
export interface ReaderGrant {
  /** An assignment of the proposal to the caller exists and has not ended. */
  readonly assigned: boolean;
  /** The latest finalists publication that names the proposal advanced it. */
  readonly finalist: boolean;
}

export const NO_READER_GRANT: ReaderGrant = Object.freeze({ assigned: false, finalist: false });

export type AssignmentChange = PayloadOf<typeof AssignmentChangedV1>['change'];
export type AssignmentEnding = Exclude<AssignmentChange, 'completed'>;

/**
 * Declined, recused (a declared conflict) and revoked take the evaluator off the proposal;
 * a completed assignment was scored and may still be read.
 */
export function endsAssignment(change: AssignmentChange): change is AssignmentEnding {
  return change !== 'completed';
}

/** One proposal's place in a finalists publication. */
export interface FinalistsPublication {
  readonly publicationId: string;
  readonly publishedAt: Date;
}

// Publication ids end in their version (`pub_<edition>_finalists_<n>`): version 10 follows 9.
const publicationIdOrder = new Intl.Collator('en', { numeric: true });

/**
 * Whether `incoming` supersedes `stored`: the later `publishedAt` wins, and on the same
 * instant the higher publication id. Redelivering the stored publication changes nothing,
 * and an older one delivered late never undoes a newer one.
 */
export function supersedes(incoming: FinalistsPublication, stored: FinalistsPublication): boolean {
  const byTime = incoming.publishedAt.getTime() - stored.publishedAt.getTime();
  if (byTime !== 0) return byTime > 0;
  const byId = publicationIdOrder.compare(incoming.publicationId, stored.publicationId);
  if (byId !== 0) return byId > 0;
  return incoming.publicationId > stored.publicationId;
}
