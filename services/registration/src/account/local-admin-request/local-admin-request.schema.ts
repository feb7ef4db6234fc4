import { Schema } from 'mongoose';
import type { Locale } from '@kipp/auth';
import { LOCALES } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The appointment letter as stored in GridFS (bucket `appointment_letters`). */
export interface AppointmentLetter {
  fileId: string;
  filename: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, to prove later which letter was decided on. */
  sha256: string;
}

export interface RequestDecision {
  reason: string | null;
  decidedBy: string;
  decidedAt: Date;
  /** The local-admin account created on approval. */
  accountId: string | null;
}

/** An institution asks for a local admin, with its appointment letter. */
export interface LocalAdminRequest extends OutboxFields {
  _id: string;
  institutionId: string;
  candidateName: string;
  candidateEmail: string;
  candidateUserId: string;
  locale: Locale;
  status: RequestStatus;
  letter: AppointmentLetter;
  decision: RequestDecision | null;
  createdAt: Date;
  updatedAt: Date;
}

export const LOCAL_ADMIN_REQUEST_MODEL = 'LocalAdminRequest';

const letterSchema = new Schema<AppointmentLetter>(
  {
    fileId: { type: String, required: true },
    filename: { type: String, required: true },
    sizeBytes: { type: Number, required: true },
    sha256: { type: String, required: true },
  },
  { _id: false },
);

const decisionSchema = new Schema<RequestDecision>(
  {
    reason: { type: String, default: null },
    decidedBy: { type: String, required: true },
    decidedAt: { type: Date, required: true },
    accountId: { type: String, default: null },
  },
  { _id: false },
);

export const localAdminRequestSchema = new Schema<LocalAdminRequest>(
  {
    _id: { type: String, required: true },
    institutionId: { type: String, required: true },
    candidateName: { type: String, required: true },
    candidateEmail: { type: String, required: true },
    candidateUserId: { type: String, required: true },
    locale: { type: String, required: true, enum: LOCALES },
    status: { type: String, required: true, enum: REQUEST_STATUSES },
    letter: { type: letterSchema, required: true },
    decision: { type: decisionSchema, default: null },
  },
  schemaOptions('local_admin_requests'),
);
localAdminRequestSchema.plugin(outboxPlugin);
// The national admin's queue: requests by status, oldest first.
localAdminRequestSchema.index({ status: 1, createdAt: 1 });
