export const DELIVERY_OPTIONS = Symbol('DELIVERY_OPTIONS');

export interface DeliveryOptions {
  /** Whether this replica sends email and digests. */
  readonly enabled: boolean;
  readonly intervalMs: number;
  /** Mails one replica claims per pass. */
  readonly batchSize: number;
  /** Mails in the relay's hands at once (the SMTP pool's connections). */
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly claimTimeoutMs: number;
  /** The provider's limit, shared by every replica. */
  readonly ratePerSecond: number;
  /** `notifications:{MONGO_DB}:smtp-rate:`, so test databases never share a budget. */
  readonly rateKeyPrefix: string;
  /** Names this process in claims; unique per replica. */
  readonly replicaId: string;
}
