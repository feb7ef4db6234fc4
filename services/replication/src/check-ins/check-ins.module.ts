import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { ReplicationConfig } from '../config/replication.config';
import { CheckInRepository } from './check-in.repository';
import { CheckInScanner } from './check-in.scanner';
import { CHECK_IN_MODEL, checkInSchema } from './check-in.schema';
import { CheckInsController } from './check-ins.controller';
import { CHECK_INS_OPTIONS, type CheckInsOptions } from './check-ins.options';
import { ListCheckInsUseCase } from './use-cases/list-check-ins.use-case';
import { ScanCheckInsUseCase } from './use-cases/scan-check-ins.use-case';
import { SubmitCheckInUseCase } from './use-cases/submit-check-in.use-case';

const OVERDUE_BATCH_SIZE = 200;

/** Yearly sustainability check-ins of awarded innovations: the scan, answers, lists. */
@Module({})
export class CheckInsModule {
  static register(config: Readonly<ReplicationConfig>): DynamicModule {
    const options: CheckInsOptions = {
      scanEnabled: config.CHECK_IN_ENABLED,
      scanIntervalMs: config.CHECK_IN_SCAN_INTERVAL_MS,
      intervalMonths: config.CHECK_IN_INTERVAL_MONTHS,
      firstAfterDays: config.CHECK_IN_FIRST_AFTER_DAYS ?? null,
      windowDays: config.CHECK_IN_WINDOW_DAYS,
      lapseAfter: config.CHECK_IN_LAPSE_AFTER,
      batchSize: OVERDUE_BATCH_SIZE,
    };
    return {
      module: CheckInsModule,
      imports: [MongooseModule.forFeature([{ name: CHECK_IN_MODEL, schema: checkInSchema }])],
      controllers: [CheckInsController],
      providers: [
        { provide: CHECK_INS_OPTIONS, useValue: options },
        CheckInRepository,
        ScanCheckInsUseCase,
        SubmitCheckInUseCase,
        ListCheckInsUseCase,
        CheckInScanner,
      ],
    };
  }
}
