import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { ReplicationConfig } from '../config/replication.config';
import { ConfirmVisitUseCase } from './use-cases/confirm-visit.use-case';
import { ListVisitsUseCase } from './use-cases/list-visits.use-case';
import { RecordVisitUseCase } from './use-cases/record-visit.use-case';
import { VisitAnnotator } from './visit-annotator';
import { VisitRepository } from './visit.repository';
import { VISIT_MODEL, visitSchema } from './visit.schema';
import { VisitsController } from './visits.controller';

/** Visits (studi tiru): recorded by the origin, confirmed by the visitor, public once confirmed. */
@Module({})
export class VisitsModule {
  static register(_config: Readonly<ReplicationConfig>): DynamicModule {
    return {
      module: VisitsModule,
      imports: [MongooseModule.forFeature([{ name: VISIT_MODEL, schema: visitSchema }])],
      controllers: [VisitsController],
      providers: [
        VisitRepository,
        VisitAnnotator,
        RecordVisitUseCase,
        ConfirmVisitUseCase,
        ListVisitsUseCase,
      ],
    };
  }
}
