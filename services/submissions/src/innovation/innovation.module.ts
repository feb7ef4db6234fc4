import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InnovationConsumer } from './innovation.consumer';
import { InnovationLookup } from './innovation-lookup';
import { InnovationRepository } from './innovation.repository';
import {
  INNOVATION_PROJECTION_MODEL,
  PRIOR_AWARD_MODEL,
  innovationProjectionSchema,
  priorAwardSchema,
} from './innovation.schema';
import { RecordInnovationUseCase } from './use-cases/record-innovation.use-case';
import { RecordPriorAwardUseCase } from './use-cases/record-prior-award.use-case';

/** The innovation database and award history as this service sees them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: INNOVATION_PROJECTION_MODEL, schema: innovationProjectionSchema },
      { name: PRIOR_AWARD_MODEL, schema: priorAwardSchema },
    ]),
  ],
  providers: [
    InnovationRepository,
    { provide: InnovationLookup, useExisting: InnovationRepository },
    RecordInnovationUseCase,
    RecordPriorAwardUseCase,
    InnovationConsumer,
  ],
  exports: [InnovationLookup],
})
export class InnovationModule {}
