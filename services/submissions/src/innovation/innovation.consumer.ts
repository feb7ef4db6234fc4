import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AwardGrantedV1, InnovationPublishedV1, InnovationUpdatedV1 } from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { RecordInnovationUseCase } from './use-cases/record-innovation.use-case';
import { RecordPriorAwardUseCase } from './use-cases/record-prior-award.use-case';

@Injectable()
export class InnovationConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordInnovation: RecordInnovationUseCase,
    private readonly recordPriorAward: RecordPriorAwardUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(InnovationPublishedV1, (event, { session }) =>
      this.recordInnovation.execute(event, session),
    );
    this.consumer.on(InnovationUpdatedV1, (event, { session }) =>
      this.recordInnovation.execute(event, session),
    );
    this.consumer.on(AwardGrantedV1, (event, { session }) =>
      this.recordPriorAward.execute(event, session),
    );
  }
}
