import { randomUUID } from 'node:crypto';
import { context as otelContext, ROOT_CONTEXT } from '@opentelemetry/api';
import type { mongo } from 'mongoose';
import { runOutsideContext } from '@kipp/observability';
import type { Logger } from 'pino';
import type { PendingEvent } from '../pending-event';
import type { EventPublisher } from '../publisher/event-publisher';
import { settledWithin } from '../settled-within';
import { unsetOrBefore } from '@kipp/mongo';

export interface OutboxRelayOptions {
  /** How often the relay looks for pending events when nobody nudges it. */
  readonly pollIntervalMs?: number;
  /** Documents claimed per round. */
  readonly batchSize?: number;
  /** How long a claim protects documents from other relay instances. */
  readonly claimMs?: number;
}

interface OutboxDocument {
  _id: mongo.ObjectId | string;
  outbox: StoredPendingEvent[];
  outboxLockedUntil: Date | null;
  outboxClaim: string | null;
}

/** Mongoose stores the headers Map as a plain object. */
type StoredPendingEvent = Omit<PendingEvent, 'headers'> & { headers?: Record<string, string> };

/** Documents no relay holds a live claim on: never claimed, released (null) or expired. */
function unclaimedAt(now: Date): { outboxLockedUntil: ReturnType<typeof unsetOrBefore> } {
  return { outboxLockedUntil: unsetOrBefore(now) };
}

/**
 * Publishes events kept in documents' outboxes, in order per document, and removes them
 * once the broker has acknowledged them. Several relay instances may run side by side: a
 * claim (lease) keeps them off each other's documents, and a crash between publish and
 * removal only means the event is published again, which consumers absorb by event id.
 */
export class OutboxRelay {
  private readonly relayId = randomUUID();
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly claimMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private nudged = false;
  private stopped = true;
  private consecutiveFailures = 0;

  constructor(
    private readonly collections: readonly mongo.Collection[],
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.claimMs = options.claimMs ?? 30_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a round soon; called after a write that added events. */
  nudge(): void {
    this.nudged = true;
    if (!this.stopped && this.timer && !this.running) {
      clearTimeout(this.timer);
      this.schedule(0);
    }
  }

  /**
   * Stops polling after publishing what is pending, giving up at the deadline even in the
   * middle of a round: what is left stays claimed until the lease runs out, then this or
   * another instance publishes it (consumers absorb a repeat by event id).
   */
  async drain(timeoutMs: number): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const deadline = Date.now() + timeoutMs;
    // Resolves true once a round finds nothing left to publish.
    const emptied = (async () => {
      await this.running;
      while (Date.now() < deadline) {
        const published = await this.publishRound().catch((error: unknown) => {
          this.logger.warn({ err: error }, 'outbox drain round failed');
          return 0;
        });
        if (published === 0) return true;
      }
      return false;
    })();
    const inTime = await settledWithin(emptied, deadline - Date.now());
    if (!inTime || !(await emptied)) {
      this.logger.warn({ timeoutMs }, 'outbox drain stopped at its deadline');
    }
  }

  /** Publishes everything pending now; returns how many events went out. For tests and tools. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishRound();
      total += published;
      if (published === 0) return total;
    }
  }

  private schedule(delayMs: number): void {
    // A nudge comes from inside a request: the relay's rounds must not join its trace or
    // carry its correlation id (each event carries its own).
    this.timer = runOutsideContext(() =>
      otelContext.with(ROOT_CONTEXT, () =>
        setTimeout(() => {
          this.running = this.loop().finally(() => {
            this.running = undefined;
          });
        }, delayMs),
      ),
    );
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    this.nudged = false;
    let published = 0;
    try {
      published = await this.publishRound();
      this.consecutiveFailures = 0;
    } catch (error) {
      this.consecutiveFailures += 1;
      this.logger.warn(
        { err: error, consecutiveFailures: this.consecutiveFailures },
        'outbox relay round failed; will retry',
      );
    }
    if (this.stopped) return;
    const backoff = Math.min(5_000, this.pollIntervalMs * 2 ** this.consecutiveFailures);
    const busy = published > 0 || this.nudged;
    this.schedule(this.consecutiveFailures > 0 ? backoff : busy ? 0 : this.pollIntervalMs);
  }

  /** One pass over every outbox collection. */
  private async publishRound(): Promise<number> {
    let published = 0;
    for (const collection of this.collections) {
      published += await this.publishFrom(
        collection as unknown as mongo.Collection<OutboxDocument>,
      );
    }
    return published;
  }

  private async publishFrom(collection: mongo.Collection<OutboxDocument>): Promise<number> {
    const now = new Date();
    const candidates = await collection
      .find(
        { 'outbox.eventId': { $exists: true }, ...unclaimedAt(now) },
        { projection: { _id: 1 }, limit: this.batchSize },
      )
      .toArray();
    if (candidates.length === 0) return 0;

    const claim = `${this.relayId}:${randomUUID()}`;
    // One single-document update per candidate (in one round trip), never a multi-document
    // one: a claim that meets a transaction's uncommitted write then waits for that one
    // document. SecantusDB retries a multi-document update's write conflicts while holding
    // the whole collection's lock, which the transaction's next statement waits for: a
    // deadlock that never resolves.
    const lease = {
      $set: { outboxLockedUntil: new Date(now.getTime() + this.claimMs), outboxClaim: claim },
    };
    await collection.bulkWrite(
      candidates.map((candidate) => ({
        updateOne: {
          filter: { _id: candidate._id, ...unclaimedAt(now) },
          update: lease,
        },
      })),
      { ordered: false },
    );
    const claimed = await collection
      .find(
        { _id: { $in: candidates.map((candidate) => candidate._id) }, outboxClaim: claim },
        { projection: { _id: 1, outbox: 1 } },
      )
      .toArray();
    if (claimed.length === 0) return 0;

    const events = claimed.flatMap((document) =>
      document.outbox.map((event): PendingEvent => ({ ...event, headers: event.headers ?? {} })),
    );
    try {
      // One batch keeps per-key order: the events of one document go to one partition in
      // the order they were appended.
      await this.publisher.publishPending(events);
    } catch (error) {
      // Release the claim so that this or another relay retries without waiting it out.
      await collection
        .bulkWrite(
          claimed.map((document) => ({
            updateOne: {
              filter: { _id: document._id, outboxClaim: claim },
              update: { $set: { outboxLockedUntil: null, outboxClaim: null } },
            },
          })),
          { ordered: false },
        )
        .catch(() => undefined);
      throw error;
    }

    await collection.bulkWrite(
      claimed.map((document) => ({
        updateOne: {
          filter: { _id: document._id, outboxClaim: claim },
          update: {
            $pull: { outbox: { eventId: { $in: document.outbox.map((e) => e.eventId) } } },
            $set: { outboxLockedUntil: null, outboxClaim: null },
          },
        },
      })),
      { ordered: false },
    );
    this.logger.debug(
      { collection: collection.collectionName, count: events.length },
      'outbox events published',
    );
    return events.length;
  }
}
