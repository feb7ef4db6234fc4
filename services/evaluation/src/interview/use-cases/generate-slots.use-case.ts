import { Injectable } from '@nestjs/common';
import { phaseWindow, requireEvaluatedEdition } from '../../edition/evaluated-edition';
import { FinalistsRepository } from '../../plenary/finalists.repository';
import { InvalidSlotDayError, SlotsOutsideInterviewPhaseError } from '../interview.errors';
import { InterviewRepository, type SlotView } from '../interview.repository';
import { generateSlots, toInstant, type SlotDay } from '../slot-generation';

export interface GenerateSlotsInput {
  days: SlotDay[];
  rooms: number;
}

/**
 * The secretariat lays out the interview days: back-to-back slots of the edition's
 * presentation + interview minutes, every one inside the edition's interview phase.
 * Generating a day again adds nothing twice.
 */
@Injectable()
export class GenerateSlotsUseCase {
  constructor(
    private readonly finalists: FinalistsRepository,
    private readonly repository: InterviewRepository,
  ) {}

  async execute(editionId: string, input: GenerateSlotsInput): Promise<SlotView[]> {
    const edition = await this.finalists.findEdition(editionId);
    const { configuration, evaluation: settings } = requireEvaluatedEdition(editionId, edition);
    input.days.forEach((day, index) => {
      if (
        toInstant(day.date, day.start, day.timeZone) >= toInstant(day.date, day.end, day.timeZone)
      ) {
        throw new InvalidSlotDayError(index, 'the day must end after it starts');
      }
    });
    const { presentationMinutes, interviewMinutes } = settings.interview;
    const slots = generateSlots(
      editionId,
      input.days,
      presentationMinutes + interviewMinutes,
      input.rooms,
    );
    const window = phaseWindow(configuration, 'interview');
    const inside =
      window !== null &&
      slots.every((s) => s.startsAt >= window.startsAt && s.endsAt <= window.endsAt);
    if (!inside) {
      throw new SlotsOutsideInterviewPhaseError(editionId);
    }
    await this.repository.insertMissing(
      slots.map((s) => ({
        _id: s.slotId,
        editionId,
        room: s.room,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        presentationMinutes,
        interviewMinutes,
      })),
    );
    return this.repository.findByIds(slots.map((s) => s.slotId));
  }
}
