import { Injectable } from '@nestjs/common';
import type { MessageStatus } from '../../notification/message.schema';
import { DeliveryRepository } from '../delivery.repository';
import { deliveryFilterOf, type DeliveryFilter } from './list-deliveries.use-case';

export interface DeliverySummary {
  total: number;
  byStatus: Record<MessageStatus, number>;
}

/** How many messages are in each status (under the log's filters). */
@Injectable()
export class SummarizeDeliveriesUseCase {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async execute(input: DeliveryFilter): Promise<DeliverySummary> {
    const { status, ...rest } = input;
    const byStatus = await this.deliveries.countByStatus(deliveryFilterOf(rest));
    if (status) {
      for (const key of Object.keys(byStatus) as MessageStatus[]) {
        if (key !== status) byStatus[key] = 0;
      }
    }
    const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
    return { total, byStatus };
  }
}
