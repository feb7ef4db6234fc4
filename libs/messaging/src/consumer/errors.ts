/**
 * Thrown by a handler for an event it can never process (e.g. it refers to something that
 * cannot exist). The event goes to the dead-letter topic at once instead of being retried.
 */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

/** Why a message was dead-lettered; travels in the `x-dlq-reason` header. */
export type DeadLetterReason =
  'MALFORMED_MESSAGE' | 'CONTRACT_VIOLATION' | 'PERMANENT_FAILURE' | 'RETRIES_EXHAUSTED';
