import { Schema } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';
import type { PublicSigningJwk, SigningAlgorithm } from '@kipp/auth';

/** The slot of the key that signs new tokens; retired keys keep their kid as slot. */
export const CURRENT_SLOT = 'current';

export interface SigningKey extends OutboxFields {
  _id: string;
  slot: string;
  alg: SigningAlgorithm;
  /** PKCS8 PEM. Never leaves this service: not in events, logs or responses. */
  privateKeyPem: string;
  publicJwk: PublicSigningJwk;
  retiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const SIGNING_KEY_MODEL = 'SigningKey';

export const signingKeySchema = new Schema<SigningKey>(
  {
    _id: { type: String, required: true },
    slot: { type: String, required: true },
    alg: { type: String, required: true },
    privateKeyPem: { type: String, required: true },
    publicJwk: { type: Schema.Types.Mixed, required: true },
    retiresAt: { type: Date, default: null },
  },
  schemaOptions('signing_keys'),
);
signingKeySchema.plugin(outboxPlugin);
// One current key even when several replicas start at once: the loser of the insert race
// loads the winner's key.
signingKeySchema.index({ slot: 1 }, { unique: true });
