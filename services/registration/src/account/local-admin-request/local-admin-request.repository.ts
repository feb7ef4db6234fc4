import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import {
  LOCAL_ADMIN_REQUEST_MODEL,
  type LocalAdminRequest,
  type RequestDecision,
  type RequestStatus,
} from './local-admin-request.schema';

@Injectable()
export class LocalAdminRequestRepository {
  constructor(
    @InjectModel(LOCAL_ADMIN_REQUEST_MODEL) private readonly model: Model<LocalAdminRequest>,
  ) {}

  async insert(
    request: Omit<LocalAdminRequest, 'createdAt' | 'updatedAt' | 'outbox'>,
  ): Promise<LocalAdminRequest> {
    const created = await this.model.create({ ...request, outbox: [] });
    return created.toObject();
  }

  async findById(requestId: string): Promise<LocalAdminRequest | null> {
    return this.model.findById(requestId, { outbox: 0 }).lean<LocalAdminRequest>().exec();
  }

  async list(
    status: RequestStatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: LocalAdminRequest[]; total: number }> {
    const query = status ? { status } : {};
    const [items, total] = await Promise.all([
      this.model
        .find(query, { outbox: 0 })
        .sort({ createdAt: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<LocalAdminRequest[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items, total };
  }

  /** Records the decision with its event, only while still pending; false otherwise. */
  async decide(
    requestId: string,
    status: Exclude<RequestStatus, 'pending'>,
    decision: RequestDecision,
    events: readonly PendingEvent[],
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: requestId, status: 'pending' },
        { $set: { status, decision }, $push: pushToOutbox(events) },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }
}
