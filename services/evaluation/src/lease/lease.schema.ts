import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

/**
 * A named, time-limited lease: while one instance holds it, no other instance runs the
 * recomputation it guards. `token` grows with every grant (a fencing token): a write that
 * publishes a result checks that its token still holds the lease.
 */
export interface Lease {
  /** What the lease guards, e.g. `assignment:ed_2027`. */
  _id: string;
  holder: string;
  token: number;
  expiresAt: Date;
}

export const LEASE_MODEL = 'Lease';

export const leaseSchema = new Schema<Lease>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    token: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...schemaOptions('leases'), timestamps: false },
);
