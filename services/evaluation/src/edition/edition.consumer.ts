import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EditionPhaseChangedV1, EditionPublishedV1, EditionUpdatedV1 } from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { RecordEditionUseCase } from './use-cases/record-edition.use-case';

@Injectable()
export class EditionConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordEdition: RecordEditionUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(EditionPublishedV1, (event, { session }) =>
      this.recordEdition.configure(event, session),
    );
    this.consumer.on(EditionUpdatedV1, (event, { session }) =>
      this.recordEdition.configure(event, session),
    );
    this.consumer.on(EditionPhaseChangedV1, (event, { session }) =>
      this.recordEdition.changePhase(event, session),
    );
  }
}
