import { ConflictError, NotFoundError, ValidationError } from '@kipp/service-kit';

export class SlotNotFoundError extends NotFoundError {
  constructor(slotId: string) {
    super('SLOT_NOT_FOUND', `interview slot ${slotId} does not exist`, { slotId });
  }
}

export class NotAFinalistError extends NotFoundError {
  constructor(proposalId: string) {
    super('FINALIST_NOT_FOUND', `proposal ${proposalId} is not a finalist of this edition`, {
      proposalId,
    });
  }
}

export class FinalistDisqualifiedError extends ConflictError {
  constructor(proposalId: string) {
    super('FINALIST_DISQUALIFIED', `finalist ${proposalId} was disqualified`, { proposalId });
  }
}

export class SlotTakenError extends ConflictError {
  constructor(slotId: string) {
    super('SLOT_TAKEN', `interview slot ${slotId} is already booked`, { slotId });
  }
}

export class FinalistAlreadyBookedError extends ConflictError {
  constructor(proposalId: string) {
    super('FINALIST_ALREADY_BOOKED', `finalist ${proposalId} already has a slot`, { proposalId });
  }
}

export class SlotNotBookedError extends ConflictError {
  constructor(slotId: string) {
    super('SLOT_NOT_BOOKED', `interview slot ${slotId} has no booking`, { slotId });
  }
}

export class SlotChangedError extends ConflictError {
  constructor(slotId: string) {
    super('SLOT_CHANGED', `interview slot ${slotId} changed meanwhile; reload and retry`, {
      slotId,
    });
  }
}

export class ConfirmationTooLateError extends ConflictError {
  constructor(slotId: string, confirmBy: Date) {
    super(
      'CONFIRMATION_TOO_LATE',
      `slot ${slotId} had to be confirmed before ${confirmBy.toISOString()}`,
      { slotId, confirmBy: confirmBy.toISOString() },
    );
  }
}

export class SlotStartedError extends ConflictError {
  constructor(slotId: string) {
    super('SLOT_IN_THE_PAST', `interview slot ${slotId} has already started`, { slotId });
  }
}

export class SlotsOutsideInterviewPhaseError extends ConflictError {
  constructor(editionId: string) {
    super(
      'SLOTS_OUTSIDE_INTERVIEW_PHASE',
      `slots of edition ${editionId} must lie inside its interview phase`,
      { editionId },
    );
  }
}

export class InvalidSlotDayError extends ValidationError {
  constructor(index: number, message: string) {
    super([{ path: `days.${index}`, message }], message);
  }
}
