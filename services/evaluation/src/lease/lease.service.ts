import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { isDuplicateKeyError } from '@kipp/mongo';
import { LEASE_MODEL, type Lease } from './lease.schema';
import { LeaseLostError } from './lease.errors';

/** A lease held by one computation of this instance. */
export interface HeldLease {
  readonly name: string;
  /** Unique per acquisition: two computations in one process never share a lease. */
  readonly holder: string;
  readonly token: number;
}

export const DEFAULT_LEASE_TTL_MS = 60_000;

/**
 * Leases over recomputations (assignment, normalisation, ranking) so that with several
 * instances in one consumer group only one computes and publishes at a time. The
 * publishing write calls `assertHeld` in its transaction: an instance whose lease expired
 * mid-computation (a long GC pause, a partition) cannot publish a stale answer.
 */
@Injectable()
export class LeaseService {
  /** This process's identity; each acquisition adds a suffix of its own. */
  private readonly instance = `evaluation-${randomUUID()}`;

  constructor(@InjectModel(LEASE_MODEL) private readonly leases: Model<Lease>) {}

  /**
   * Takes the lease if it is free or expired; null while anyone else holds it, including
   * another computation in this same process.
   */
  async acquire(name: string, ttlMs = DEFAULT_LEASE_TTL_MS): Promise<HeldLease | null> {
    const now = new Date();
    const holder = `${this.instance}/${randomUUID()}`;
    try {
      const lease = await this.leases
        .findOneAndUpdate(
          { _id: name, expiresAt: { $lte: now } },
          {
            $set: { holder, expiresAt: new Date(now.getTime() + ttlMs) },
            $inc: { token: 1 },
          },
          { upsert: true, returnDocument: 'after' },
        )
        .lean()
        .exec();
      return { name, holder, token: lease.token };
    } catch (error) {
      // The upsert collided with a live lease held by another instance.
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  /** Fails (inside the caller's transaction) unless the lease is still ours with this token. */
  async assertHeld(lease: HeldLease, session?: ClientSession): Promise<void> {
    const current = await this.leases
      .findOne({
        _id: lease.name,
        holder: lease.holder,
        token: lease.token,
        expiresAt: { $gt: new Date() },
      })
      .session(session ?? null)
      .lean()
      .exec();
    if (!current) throw new LeaseLostError(lease.name);
  }

  async release(lease: HeldLease): Promise<void> {
    await this.leases
      .updateOne(
        { _id: lease.name, holder: lease.holder, token: lease.token },
        { $set: { expiresAt: new Date(0) } },
      )
      .exec();
  }

  /**
   * Runs `work` while holding the lease; `{ ran: false }` when another instance holds it
   * (that instance is computing the same thing).
   */
  async runExclusive<T>(
    name: string,
    work: (lease: HeldLease) => Promise<T>,
    ttlMs = DEFAULT_LEASE_TTL_MS,
  ): Promise<{ ran: true; result: T } | { ran: false }> {
    const lease = await this.acquire(name, ttlMs);
    if (!lease) return { ran: false };
    try {
      return { ran: true, result: await work(lease) };
    } finally {
      await this.release(lease);
    }
  }
}
