import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ReviewerConsumer } from './reviewer.consumer';
import { ReviewerRepository } from './reviewer.repository';
import { REVIEWER_MODEL, reviewerSchema } from './reviewer.schema';
import { RecordReviewerUseCase } from './use-cases/record-reviewer.use-case';

/** Evaluators and panelists; other features import it for `ReviewerRepository`. */
@Module({
  imports: [MongooseModule.forFeature([{ name: REVIEWER_MODEL, schema: reviewerSchema }])],
  providers: [ReviewerRepository, RecordReviewerUseCase, ReviewerConsumer],
  exports: [ReviewerRepository],
})
export class ReviewerModule {}
