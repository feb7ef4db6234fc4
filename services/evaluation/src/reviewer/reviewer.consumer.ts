import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  AccountRoleGrantedV1,
} from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { RecordReviewerUseCase } from './use-cases/record-reviewer.use-case';

@Injectable()
export class ReviewerConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordReviewer: RecordReviewerUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(AccountCreatedV1, (event, { session }) =>
      this.recordReviewer.created(event.payload, session),
    );
    this.consumer.on(AccountRoleGrantedV1, (event, { session }) =>
      this.recordReviewer.roleGranted(event.payload, session),
    );
    this.consumer.on(AccountDeactivatedV1, (event, { session }) =>
      this.recordReviewer.statusChanged(event.payload, false, session),
    );
    this.consumer.on(AccountReactivatedV1, (event, { session }) =>
      this.recordReviewer.statusChanged(event.payload, true, session),
    );
  }
}
