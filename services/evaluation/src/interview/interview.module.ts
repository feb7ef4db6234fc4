import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FinalistsRepository } from '../plenary/finalists.repository';
import { FINALIST_MODELS } from '../plenary/plenary.module';
import { InterviewConsumer } from './interview.consumer';
import { InterviewController } from './interview.controller';
import { INTERVIEW_SLOT_MODEL, interviewSlotSchema } from './interview-slot.schema';
import { InterviewRepository } from './interview.repository';
import { SlotAccess } from './slot-access';
import { BookSlotUseCase } from './use-cases/book-slot.use-case';
import { ConfirmSlotUseCase } from './use-cases/confirm-slot.use-case';
import { GenerateSlotsUseCase } from './use-cases/generate-slots.use-case';
import { ListSlotsUseCase } from './use-cases/list-slots.use-case';
import { ReleaseDisqualifiedBookingUseCase } from './use-cases/release-disqualified-booking.use-case';
import { ReleaseSlotUseCase } from './use-cases/release-slot.use-case';
import { SwapSlotsUseCase } from './use-cases/swap-slots.use-case';

/**
 * Presentation-and-interview slots of the finalists: generation, booking, swaps, confirmation,
 * and the release of a disqualified finalist's slot.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      ...FINALIST_MODELS,
      { name: INTERVIEW_SLOT_MODEL, schema: interviewSlotSchema },
    ]),
  ],
  controllers: [InterviewController],
  providers: [
    FinalistsRepository,
    InterviewRepository,
    SlotAccess,
    GenerateSlotsUseCase,
    ListSlotsUseCase,
    BookSlotUseCase,
    SwapSlotsUseCase,
    ConfirmSlotUseCase,
    ReleaseSlotUseCase,
    ReleaseDisqualifiedBookingUseCase,
    InterviewConsumer,
  ],
})
export class InterviewModule {}
