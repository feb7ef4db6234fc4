import { Error as MongooseError, mongo } from 'mongoose';

const DUPLICATE_KEY_CODES = new Set([11000, 11001]);

/**
 * Whether the error is a unique-index violation, from a single write or from any write of a
 * bulk write / insertMany. Use it to turn "already exists" into a domain answer or to
 * recognise an already-processed event.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (!(error instanceof mongo.MongoError)) return false;
  if (DUPLICATE_KEY_CODES.has(Number(error.code))) return true;
  if (error instanceof mongo.MongoBulkWriteError) {
    return [error.writeErrors]
      .flat()
      .some((writeError) => DUPLICATE_KEY_CODES.has(writeError.code));
  }
  return false;
}

/** Labels the server or driver attaches to errors worth retrying as a whole. */
const TRANSIENT_LABELS = [
  'TransientTransactionError',
  'UnknownTransactionCommitResult',
  'RetryableWriteError',
  'RetryableError',
  'SystemOverloadedError',
  'ResetPool',
  'PoolRequestedRetry',
  'InterruptInUseConnections',
] as const;

/**
 * Server codes of a node that is stepping down, shutting down, unreachable or too busy,
 * (the driver's retryable set) plus WriteConflict, which a fresh attempt usually resolves.
 */
const TRANSIENT_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  89, // NetworkTimeout
  91, // ShutdownInProgress
  112, // WriteConflict
  134, // ReadConcernMajorityNotAvailableYet
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/** Errors of the connection itself rather than of the operation. */
const TRANSIENT_CLASSES = [
  mongo.MongoNetworkError, // includes timeouts and cleared connection pools
  mongo.MongoServerSelectionError,
  mongo.MongoStalePrimaryError,
  // Seen while the process closes its connection under an in-flight handler: the event
  // must be redelivered to the next instance, not dead-lettered.
  mongo.MongoTopologyClosedError,
  mongo.MongoClientClosedError,
  mongo.MongoServerClosedError,
  mongo.MongoNotConnectedError,
  MongooseError.MongooseServerSelectionError,
];

/** Mongoose's own "not connected yet" timeouts carry no code or class of their own. */
const MONGOOSE_BUFFERING_TIMEOUT = /buffering timed out after/;

/**
 * Whether retrying the whole operation later may succeed: the database was unreachable,
 * was electing a primary, was shutting down, or the transaction hit a write conflict.
 * Callers (the messaging library, schedulers) retry with backoff on `true` and treat
 * `false` as a permanent failure of that input.
 */
export function isTransientMongoError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (isTransientItself(current)) return true;
    current = current.cause;
  }
  return false;
}

function isTransientItself(error: Error): boolean {
  if (TRANSIENT_CLASSES.some((transientClass) => error instanceof transientClass)) return true;
  if (error instanceof mongo.MongoError) {
    if (TRANSIENT_LABELS.some((label) => error.hasErrorLabel(label))) return true;
    // A write concern error carries the code of its writeConcernError here too.
    return TRANSIENT_CODES.has(Number(error.code));
  }
  return error instanceof MongooseError && MONGOOSE_BUFFERING_TIMEOUT.test(error.message);
}
