import { Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { InnovationUpdatedV1 } from '@kipp/contracts';
import { createEvent, pushToOutbox } from '@kipp/messaging';
import {
  INNOVATION_MODEL,
  toInnovationRecord,
  type InnovationDocument,
  type InnovationStatus,
} from './innovation.schema';
import { SearchCache } from './search/search-cache';

/**
 * Changes an innovation's sustainability status (from check-ins: active, scaled, stopped,
 * or lapsed when they go unanswered), with a new revision and
 * `replication.innovation.updated.v1` in the same single-document update.
 */
@Injectable()
export class InnovationStatusWriter {
  constructor(
    @InjectModel(INNOVATION_MODEL) private readonly innovations: Model<InnovationDocument>,
    /** Drops cached search answers once the change commits (status is a search filter). */
    @Optional() private readonly searchCache?: SearchCache,
  ) {}

  /** Returns false when the innovation is unknown or already has that status. */
  async changeStatus(
    innovationId: string,
    status: InnovationStatus,
    session: ClientSession,
    now = new Date(),
  ): Promise<boolean> {
    const current = await this.innovations
      .findById(innovationId, { outbox: 0 })
      .session(session)
      .lean<InnovationDocument>()
      .exec();
    if (!current || current.status === status) return false;
    const next: InnovationDocument = {
      ...current,
      status,
      revision: current.revision + 1,
      updatedAt: now,
    };
    const event = createEvent(InnovationUpdatedV1, { innovation: toInnovationRecord(next) });
    const updated = await this.innovations
      .updateOne(
        { _id: innovationId, revision: current.revision },
        {
          $set: { status, revision: next.revision, updatedAt: now },
          $push: pushToOutbox([event]),
        },
        { session },
      )
      .exec();
    if (updated.modifiedCount !== 1) return false;
    this.searchCache?.invalidateAfter(session);
    return true;
  }
}
