import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { INSTITUTION_TYPES, roleSchema } from '@kipp/contracts';
import { isDuplicateKeyError } from '@kipp/mongo';
import { Directory } from '../../directory/directory';
import { AudienceEmptyError, IdempotencyKeyReusedError } from '../broadcast.errors';
import { BroadcastRepository } from '../broadcast.repository';
import type { BroadcastDocument } from '../broadcast.schema';
import { FanOutBroadcastUseCase } from './fan-out-broadcast.use-case';

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export const sendBroadcastBodySchema = z.strictObject({
  subject: z.strictObject({ id: text(200), en: text(200) }),
  /** Plain text; templates escape it in the HTML part. */
  body: z.strictObject({ id: text(10_000), en: text(10_000) }),
  audience: z
    .strictObject({
      roles: z.array(roleSchema).max(10).optional(),
      institutionTypes: z.array(z.enum(INSTITUTION_TYPES)).max(20).optional(),
      provinceCodes: z
        .array(z.string().regex(/^\d{2}$/, 'must be a two-digit BPS province code'))
        .max(50)
        .optional(),
      finalistsOf: id.optional(),
      evaluatorsNotFinishedIn: id.optional(),
    })
    .refine(
      (audience) =>
        Boolean(
          audience.roles?.length ||
          audience.institutionTypes?.length ||
          audience.provinceCodes?.length ||
          audience.finalistsOf ||
          audience.evaluatorsNotFinishedIn,
        ),
      {
        message:
          'must select by at least one of roles, institutionTypes, provinceCodes, finalistsOf, evaluatorsNotFinishedIn',
      },
    ),
  mandatory: z.boolean().default(false),
  requiresAck: z.boolean().default(false),
});
export type SendBroadcastBody = z.infer<typeof sendBroadcastBodySchema>;

export interface SentBroadcast {
  readonly broadcastId: string;
  readonly recipientCount: number;
  /** false when the key named a broadcast already sent (the answer is then 200). */
  readonly created: boolean;
}

/**
 * Resolves the audience once, records the broadcast with that fixed list, then fans it out.
 * The same key with the same body answers the broadcast already sent (finishing its fan-out
 * if it was interrupted); with another body it is refused.
 */
@Injectable()
export class SendBroadcastUseCase {
  constructor(
    private readonly broadcasts: BroadcastRepository,
    private readonly directory: Directory,
    private readonly fanOut: FanOutBroadcastUseCase,
  ) {}

  async execute(
    sentBy: string,
    idempotencyKey: string,
    body: SendBroadcastBody,
    now = new Date(),
  ): Promise<SentBroadcast> {
    const requestHash = hashOf(body);
    const earlier = await this.broadcasts.findByKey(sentBy, idempotencyKey);
    if (earlier) return this.replay(earlier, requestHash);

    const recipients = await this.directory.audience(body.audience);
    if (recipients.length === 0) throw new AudienceEmptyError();
    const recipientIds = [
      ...new Set(recipients.flatMap((recipient) => recipient.accountId ?? [])),
    ].sort();
    const broadcast: BroadcastDocument = {
      _id: `broadcast-${randomUUID()}`,
      sentBy,
      idempotencyKey,
      requestHash,
      subject: body.subject,
      body: body.body,
      audience: body.audience,
      mandatory: body.mandatory,
      requiresAck: body.requiresAck,
      recipientIds,
      recipientCount: recipientIds.length,
      chunksDone: 0,
      status: 'fanning-out',
      claimedUntil: null,
      completedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.broadcasts.insert(broadcast);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // The same key raced in from a concurrent request.
      const winner = await this.broadcasts.findByKey(sentBy, idempotencyKey);
      if (!winner) throw error;
      return this.replay(winner, requestHash);
    }
    await this.fanOut.execute(broadcast._id);
    return { broadcastId: broadcast._id, recipientCount: broadcast.recipientCount, created: true };
  }

  private async replay(earlier: BroadcastDocument, requestHash: string): Promise<SentBroadcast> {
    if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReusedError(earlier._id);
    if (earlier.status === 'fanning-out') await this.fanOut.execute(earlier._id);
    return { broadcastId: earlier._id, recipientCount: earlier.recipientCount, created: false };
  }
}

/** The parsed body with audience lists in a fixed order, so a retry hashes the same. */
export function hashOf(body: SendBroadcastBody): string {
  const audience = Object.fromEntries(
    Object.entries(body.audience)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => [key, Array.isArray(value) ? [...value].sort() : value]),
  );
  const canonical = JSON.stringify([
    body.subject.id,
    body.subject.en,
    body.body.id,
    body.body.en,
    audience,
    body.mandatory,
    body.requiresAck,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
