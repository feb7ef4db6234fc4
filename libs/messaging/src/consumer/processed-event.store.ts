import type { ClientSession, Connection, mongo } from 'mongoose';
import { isDuplicateKeyError, runInTransaction } from '@kipp/mongo';

export const PROCESSED_EVENTS_COLLECTION = 'processed_events';
/** Long past any redelivery or replay window of the event topics (7 days retention). */
const PROCESSED_EVENT_TTL_SECONDS = 90 * 24 * 3600;

interface ProcessedEventDocument {
  _id: string;
  handler: string;
  eventId: string;
  topic: string;
  processedAt: Date;
}

class AlreadyProcessed extends Error {}

/**
 * Records which events each handler has applied. The record and the handler's own writes
 * commit in one transaction, so an event redelivered after a crash at any instant has
 * exactly one effect.
 */
export class ProcessedEventStore {
  constructor(private readonly connection: Connection) {}

  private get collection(): mongo.Collection<ProcessedEventDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('the database connection is not open yet');
    return db.collection<ProcessedEventDocument>(PROCESSED_EVENTS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    // Serves the expiry of old records; lookups go by _id.
    await this.collection.createIndex(
      { processedAt: 1 },
      { expireAfterSeconds: PROCESSED_EVENT_TTL_SECONDS, name: 'processed_events_ttl' },
      undefined,
    );
  }

  async hasProcessed(handler: string, eventId: string): Promise<boolean> {
    const found = await this.collection.findOne(
      { _id: `${handler}:${eventId}` },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  /** Runs `apply` and records the event in one transaction; returns false for a duplicate. */
  async applyOnce(
    record: { handler: string; eventId: string; topic: string },
    apply: (session: ClientSession) => Promise<void>,
  ): Promise<boolean> {
    try {
      await runInTransaction(this.connection, async (session) => {
        try {
          await this.collection.insertOne(
            { _id: `${record.handler}:${record.eventId}`, ...record, processedAt: new Date() },
            { session },
          );
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new AlreadyProcessed();
          throw error;
        }
        await apply(session);
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyProcessed) return false;
      throw error;
    }
  }
}
