import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { mongo, type ClientSession, type Model, type QueryFilter } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { InstitutionCodeTakenError } from './institution.errors';
import {
  INSTITUTION_MODEL,
  PEMDA_TYPES,
  type EditableField,
  type Institution,
  type InstitutionHistoryEntry,
  type InstitutionType,
} from './institution.schema';

export type NewInstitution = Omit<Institution, 'outbox' | 'createdAt' | 'updatedAt'>;

export interface InstitutionFilter {
  /** Part of the name (any case) or the start of the code. */
  q?: string;
  type?: InstitutionType;
  provinceCode?: string;
  disadvantaged?: boolean;
  /** Restricts the result to these institutions (callers who may see only their own). */
  onlyIds?: readonly string[];
}

export interface InstitutionPage {
  items: Institution[];
  total: number;
}

export type InstitutionChanges = Partial<Pick<Institution, EditableField>>;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

@Injectable()
export class InstitutionRepository {
  constructor(@InjectModel(INSTITUTION_MODEL) private readonly model: Model<Institution>) {}

  /** Stores the institution together with the events its registration causes. */
  async insert(institution: NewInstitution, events: readonly PendingEvent[]): Promise<Institution> {
    try {
      const created = await this.model.create({ ...institution, outbox: [...events] });
      return created.toObject();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new InstitutionCodeTakenError(institution.code);
      throw error;
    }
  }

  /**
   * Inserts each institution with its own events, skipping those whose code or id another
   * writer (a second replica seeding at the same time) stored first. Returns how many it
   * inserted.
   */
  async insertSkippingExisting(
    institutions: readonly { institution: NewInstitution; events: readonly PendingEvent[] }[],
  ): Promise<number> {
    if (institutions.length === 0) return 0;
    const docs = institutions.map(({ institution, events }) => ({
      ...institution,
      outbox: [...events],
    }));
    try {
      const inserted = await this.model.insertMany(docs, { ordered: false });
      return inserted.length;
    } catch (error) {
      if (error instanceof mongo.MongoBulkWriteError && isOnlyDuplicateKeys(error)) {
        return error.result.insertedCount;
      }
      throw error;
    }
  }

  /** Inserts all institutions with their events inside the caller's transaction. */
  async insertAll(
    institutions: readonly { institution: NewInstitution; events: readonly PendingEvent[] }[],
    session: ClientSession,
  ): Promise<void> {
    if (institutions.length === 0) return;
    const docs = institutions.map(({ institution, events }) => ({
      ...institution,
      outbox: [...events],
    }));
    await this.model.insertMany(docs, { session, ordered: true });
  }

  async exists(institutionId: string): Promise<boolean> {
    return (await this.model.exists({ _id: institutionId }).exec()) !== null;
  }

  async findById(institutionId: string): Promise<Institution | null> {
    return this.model.findById(institutionId).lean<Institution>().exec();
  }

  /** Which of `codes` are registered already. */
  async findExistingCodes(codes: readonly string[], session?: ClientSession): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const found = await this.model
      .find({ code: { $in: [...codes] } }, { code: 1 }, { session })
      .lean<{ code: string }[]>()
      .exec();
    return new Set(found.map((doc) => doc.code));
  }

  async hasPemda(): Promise<boolean> {
    const found = await this.model
      .findOne({ type: { $in: [...PEMDA_TYPES] } }, { _id: 1 })
      .lean()
      .exec();
    return found !== null;
  }

  /** One page of the institutions matching `filter`, sorted by name, and how many match. */
  async findPage(
    filter: InstitutionFilter,
    page: { skip: number; limit: number },
  ): Promise<InstitutionPage> {
    const query: QueryFilter<Institution> = {};
    if (filter.type) query.type = filter.type;
    if (filter.provinceCode) query.provinceCode = filter.provinceCode;
    if (filter.disadvantaged !== undefined) query.disadvantaged = filter.disadvantaged;
    if (filter.onlyIds) query._id = { $in: [...filter.onlyIds] };
    if (filter.q) {
      const text = escapeRegex(filter.q);
      query.$or = [
        { name: { $regex: text, $options: 'i' } },
        { code: { $regex: `^${text}`, $options: 'i' } },
      ];
    }
    const [items, total] = await Promise.all([
      this.model
        .find(query, { outbox: 0, history: 0 })
        .sort({ name: 1, _id: 1 })
        .skip(page.skip)
        .limit(page.limit)
        .lean<Institution[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items, total };
  }

  /**
   * Applies `changes` if the institution is still at `expectedRevision`, recording the
   * change and queueing its events in the same single-document write. Returns the updated
   * institution, or null when it is absent or at another revision.
   */
  async updateAtRevision(
    institutionId: string,
    expectedRevision: number,
    changes: InstitutionChanges,
    entry: InstitutionHistoryEntry,
    events: readonly PendingEvent[],
  ): Promise<Institution | null> {
    return this.model
      .findOneAndUpdate(
        { _id: institutionId, revision: expectedRevision },
        {
          $set: { ...changes, revision: expectedRevision + 1 },
          $push: { ...pushToOutbox(events), history: entry },
        },
        { returnDocument: 'after' },
      )
      .lean<Institution>()
      .exec();
  }
}

function isOnlyDuplicateKeys(error: mongo.MongoBulkWriteError): boolean {
  const writeErrors = [error.writeErrors].flat();
  return (
    writeErrors.length > 0 && writeErrors.every((writeError) => isDuplicateKeyCode(writeError.code))
  );
}

function isDuplicateKeyCode(code: number): boolean {
  return code === 11000 || code === 11001;
}
