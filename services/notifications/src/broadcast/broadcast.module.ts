import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryModule } from '../directory/directory.module';
import { BroadcastController } from './broadcast.controller';
import {
  BROADCAST_RECOVERY_OPTIONS,
  BroadcastRecoveryScheduler,
} from './broadcast-recovery.scheduler';
import { BroadcastRepository } from './broadcast.repository';
import { BROADCAST_MODEL, broadcastSchema } from './broadcast.schema';
import {
  BROADCAST_FAN_OUT_OPTIONS,
  FanOutBroadcastUseCase,
  type BroadcastFanOutOptions,
} from './use-cases/fan-out-broadcast.use-case';
import { GetBroadcastUseCase } from './use-cases/get-broadcast.use-case';
import { ListBroadcastsUseCase } from './use-cases/list-broadcasts.use-case';
import { SendBroadcastUseCase } from './use-cases/send-broadcast.use-case';

/** Recipients per transaction: small enough to keep each transaction short. */
const FAN_OUT: BroadcastFanOutOptions = { chunkSize: 200, claimMs: 60_000 };
const RECOVERY_INTERVAL_MS = 30_000;

/** Broadcasts by the national admin to a selection of people. */
@Module({
  imports: [
    DirectoryModule,
    MongooseModule.forFeature([{ name: BROADCAST_MODEL, schema: broadcastSchema }]),
  ],
  controllers: [BroadcastController],
  providers: [
    BroadcastRepository,
    SendBroadcastUseCase,
    FanOutBroadcastUseCase,
    ListBroadcastsUseCase,
    GetBroadcastUseCase,
    BroadcastRecoveryScheduler,
    { provide: BROADCAST_FAN_OUT_OPTIONS, useValue: FAN_OUT },
    { provide: BROADCAST_RECOVERY_OPTIONS, useValue: { intervalMs: RECOVERY_INTERVAL_MS } },
  ],
})
export class BroadcastModule {}
