import { Injectable } from '@nestjs/common';
import { DeliveryNotFoundError } from '../delivery.errors';
import { DeliveryRepository } from '../delivery.repository';
import { toDeliveryDetail, type DeliveryDetail } from '../delivery.views';

/** One message with its full log. */
@Injectable()
export class GetDeliveryUseCase {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async execute(messageId: string): Promise<DeliveryDetail> {
    const message = await this.deliveries.findById(messageId);
    if (!message) throw new DeliveryNotFoundError(messageId);
    return toDeliveryDetail(message);
  }
}
