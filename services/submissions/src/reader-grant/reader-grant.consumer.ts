import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AssignmentChangedV1, AssignmentCreatedV1, StageResultPublishedV1 } from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { RecordAssignmentUseCase } from './use-cases/record-assignment.use-case';
import { RecordFinalistResultUseCase } from './use-cases/record-finalist-result.use-case';

@Injectable()
export class ReaderGrantConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordAssignment: RecordAssignmentUseCase,
    private readonly recordFinalistResult: RecordFinalistResultUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(AssignmentCreatedV1, (event, { session }) =>
      this.recordAssignment.created(event, session),
    );
    this.consumer.on(AssignmentChangedV1, (event, { session }) =>
      this.recordAssignment.changed(event, session),
    );
    this.consumer.on(StageResultPublishedV1, (event, { session }) =>
      this.recordFinalistResult.execute(event, session),
    );
  }
}
