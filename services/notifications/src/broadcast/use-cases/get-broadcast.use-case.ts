import { Injectable } from '@nestjs/common';
import { BroadcastNotFoundError } from '../broadcast.errors';
import { BroadcastRepository } from '../broadcast.repository';
import { toView, type BroadcastView } from './list-broadcasts.use-case';

/** One broadcast for the national admin, with where each of its messages stands. */
@Injectable()
export class GetBroadcastUseCase {
  constructor(private readonly broadcasts: BroadcastRepository) {}

  async execute(broadcastId: string): Promise<BroadcastView> {
    const broadcast = await this.broadcasts.find(broadcastId);
    if (!broadcast) throw new BroadcastNotFoundError(broadcastId);
    const delivery = await this.broadcasts.deliveryCounts([broadcastId]);
    return toView(broadcast, delivery.get(broadcastId) ?? {});
  }
}
