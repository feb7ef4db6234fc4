import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InstitutionRegisteredV1, InstitutionUpdatedV1 } from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { RecordInstitutionUseCase } from './use-cases/record-institution.use-case';

@Injectable()
export class InstitutionConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordInstitution: RecordInstitutionUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(InstitutionRegisteredV1, (event, { session }) =>
      this.recordInstitution.execute({ ...event.payload, revision: 0 }, session),
    );
    this.consumer.on(InstitutionUpdatedV1, (event, { session }) =>
      this.recordInstitution.execute(event.payload, session),
    );
  }
}
