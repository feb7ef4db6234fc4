import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ReaderGrantConsumer } from './reader-grant.consumer';
import { ReaderGrantRepository } from './reader-grant.repository';
import {
  FINALIST_STANDING_MODEL,
  READER_ASSIGNMENT_MODEL,
  finalistStandingSchema,
  readerAssignmentSchema,
} from './reader-grant.schema';
import { ReaderGrants } from './reader-grants';
import { RecordAssignmentUseCase } from './use-cases/record-assignment.use-case';
import { RecordFinalistResultUseCase } from './use-cases/record-finalist-result.use-case';

/**
 * Who besides the proposal's own institution and the ministry may read a proposal's
 * forwarded snapshots, as evaluation decides it: assigned evaluators and, for finalists,
 * panelists.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: READER_ASSIGNMENT_MODEL, schema: readerAssignmentSchema },
      { name: FINALIST_STANDING_MODEL, schema: finalistStandingSchema },
    ]),
  ],
  providers: [
    ReaderGrantRepository,
    { provide: ReaderGrants, useExisting: ReaderGrantRepository },
    RecordAssignmentUseCase,
    RecordFinalistResultUseCase,
    ReaderGrantConsumer,
  ],
  exports: [ReaderGrants],
})
export class ReaderGrantModule {}
