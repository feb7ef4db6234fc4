import { mongo, type ClientSession, type Connection } from 'mongoose';

/**
 * Snapshot reads and majority writes: the transaction sees one consistent state, and a
 * commit survives a primary failover.
 */
export const TRANSACTION_OPTIONS: mongo.TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: new mongo.WriteConcern('majority'),
  readPreference: 'primary',
};

/**
 * Runs `fn` in a transaction and returns its result. The driver retries the whole of `fn`
 * on TransientTransactionError (e.g. a write conflict) and the commit on
 * UnknownTransactionCommitResult, for up to 120 s, so `fn` must do nothing but database
 * work with `session` (no HTTP calls, no publishing: write to the outbox instead). Pass
 * `session` to every query; an operation without it runs outside the transaction.
 */
export function runInTransaction<T>(
  connection: Connection,
  fn: (session: ClientSession) => Promise<T>,
): Promise<T> {
  return connection.transaction(fn, TRANSACTION_OPTIONS);
}
