import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { Directory } from '../../directory/directory';
import { Notifier } from '../../notification/notifier';
import { BroadcastRepository } from '../broadcast.repository';

export const BROADCAST_FAN_OUT_OPTIONS = Symbol('BROADCAST_FAN_OUT_OPTIONS');

export interface BroadcastFanOutOptions {
  /** Recipients written per transaction. */
  readonly chunkSize: number;
  /** How long a replica holds a fan-out between chunks before recovery may take it over. */
  readonly claimMs: number;
}

/**
 * Writes a broadcast's messages chunk by chunk, each chunk with its progress in one
 * transaction. Message ids are deterministic, so a chunk repeated after a crash (or by a
 * replica that took over a lapsed claim) writes nothing twice. Answers whether it finished
 * the broadcast (false: another replica holds it, or it was already done).
 */
@Injectable()
export class FanOutBroadcastUseCase {
  constructor(
    private readonly broadcasts: BroadcastRepository,
    private readonly directory: Directory,
    private readonly notifier: Notifier,
    @InjectConnection() private readonly connection: Connection,
    @Inject(BROADCAST_FAN_OUT_OPTIONS) private readonly options: BroadcastFanOutOptions,
  ) {}

  async execute(broadcastId: string): Promise<boolean> {
    const broadcast = await this.broadcasts.claim(broadcastId, this.claimEnd(), new Date());
    if (!broadcast) return false;
    const { chunkSize } = this.options;
    const chunks = Math.ceil(broadcast.recipientIds.length / chunkSize);
    for (let chunk = broadcast.chunksDone; chunk < chunks; chunk++) {
      const ids = broadcast.recipientIds.slice(chunk * chunkSize, (chunk + 1) * chunkSize);
      await runInTransaction(this.connection, async (session) => {
        // Accounts deactivated since the broadcast was sent are skipped.
        const recipients = await this.directory.accountsById(ids, session);
        await this.notifier.notify(
          {
            noticeId: broadcast._id,
            template: 'broadcast',
            params: { subject: broadcast.subject, body: broadcast.body },
            recipients,
            sentBy: { kind: 'account', accountId: broadcast.sentBy },
            mandatory: broadcast.mandatory,
            requiresAck: broadcast.requiresAck,
          },
          session,
        );
        await this.broadcasts.recordChunk(broadcast._id, chunk + 1, this.claimEnd(), session);
      });
    }
    await this.broadcasts.complete(broadcast._id, new Date());
    return true;
  }

  private claimEnd(): Date {
    return new Date(Date.now() + this.options.claimMs);
  }
}
