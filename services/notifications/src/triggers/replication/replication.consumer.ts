import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CheckInDueV1, CheckInOverdueV1, CountersignRequestedV1 } from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { ReplicationTriggers } from './replication.triggers';

/** The one handler per replication topic this service reads. */
@Injectable()
export class ReplicationConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly triggers: ReplicationTriggers,
  ) {}

  onModuleInit(): void {
    this.consumer
      .on(CountersignRequestedV1, (event, { session }) =>
        this.triggers.countersignRequested(event, session),
      )
      .on(CheckInDueV1, (event, { session }) => this.triggers.checkInDue(event, session))
      .on(CheckInOverdueV1, (event, { session }) => this.triggers.checkInOverdue(event, session));
  }
}
