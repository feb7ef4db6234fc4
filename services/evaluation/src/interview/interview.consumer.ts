import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ObjectionResolvedV1 } from '@kipp/contracts';
import { EventConsumer, OutboxNotifier } from '@kipp/messaging';
import { ReleaseDisqualifiedBookingUseCase } from './use-cases/release-disqualified-booking.use-case';

/**
 * The service's only handler of `objection.resolved`: an upheld objection frees the
 * disqualified finalist's interview slot. The release commits with the processed-event
 * record, so a redelivered event has no second effect.
 */
@Injectable()
export class InterviewConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly releaseDisqualifiedBooking: ReleaseDisqualifiedBookingUseCase,
    private readonly notifier: OutboxNotifier,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ObjectionResolvedV1, async (event, { session }) => {
      if (await this.releaseDisqualifiedBooking.execute(event.payload, session)) {
        // Should the nudge come before the commit, the relay's poll finds the event.
        this.notifier.nudge();
      }
    });
  }
}
