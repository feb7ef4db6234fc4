import { authenticatedUser } from '@kipp/testing';
import { editionConfigurationExample, type EvaluationSettings } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import { FinalistDisqualifiedError } from '../interview.errors';
import type { Booking, InterviewRepository, SlotView } from '../interview.repository';
import type { SlotAccess } from '../slot-access';
import { BookSlotUseCase } from './book-slot.use-case';
import { ConfirmSlotUseCase } from './confirm-slot.use-case';

const HOUR = 3_600_000;
const settings = editionConfigurationExample.evaluation as EvaluationSettings;

function slot(startsInHours: number, booked: Partial<SlotView> = {}): SlotView {
  const startsAt = new Date(Date.now() + startsInHours * HOUR);
  return {
    _id: 'slot_1',
    editionId: 'ed_2027',
    room: 1,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 20 * 60_000),
    presentationMinutes: 7,
    interviewMinutes: 13,
    proposalId: null,
    institutionId: null,
    bookedBy: null,
    bookedAt: null,
    confirmBy: null,
    confirmedBy: null,
    confirmedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...booked,
  };
}

function setup(current: SlotView, bookResult: 'free' | 'taken' = 'free', disqualified = false) {
  const writes: { booking?: Booking; event: PendingEvent }[] = [];
  const repository = {
    book: jest.fn((_id: string, booking: Booking, event: PendingEvent) => {
      writes.push({ booking, event });
      return Promise.resolve(bookResult === 'free' ? { ...current, ...booking } : null);
    }),
    confirm: jest.fn((_id: string, _p: string, by: string, at: Date, event: PendingEvent) => {
      writes.push({ event });
      return Promise.resolve({ ...current, confirmedBy: by, confirmedAt: at });
    }),
  };
  const access = {
    slot: jest.fn().mockResolvedValue({ slot: current, settings }),
    finalist: jest.fn().mockResolvedValue({ _id: 'p1', institutionId: 'inst_a' }),
    assertNotDisqualified: jest.fn(() =>
      disqualified ? Promise.reject(new FinalistDisqualifiedError('p1')) : Promise.resolve(),
    ),
  };
  const notifier = new OutboxNotifier();
  const nudge = jest.fn();
  notifier.attach(nudge);
  const deps = [
    access as unknown as SlotAccess,
    repository as unknown as InterviewRepository,
    notifier,
  ] as const;
  return {
    book: new BookSlotUseCase(...deps),
    confirm: new ConfirmSlotUseCase(...deps),
    writes,
    nudge,
  };
}

const localAdmin = (institutionId: string) => authenticatedUser(['local_admin'], { institutionId });

describe('BookSlotUseCase', () => {
  it('should book with confirmBy lead hours before the start and a booked event when the slot is free', async () => {
    const current = slot(72);
    const { book, writes, nudge } = setup(current);
    const booked = await book.execute(localAdmin('inst_a'), 'slot_1', 'p1');
    expect(booked.proposalId).toBe('p1');
    expect(writes[0]?.booking?.confirmBy).toEqual(new Date(current.startsAt.getTime() - 24 * HOUR));
    expect(writes[0]?.event.key).toBe('p1');
    expect(JSON.parse(writes[0]?.event.value ?? '{}')).toMatchObject({
      payload: { change: 'booked' },
    });
    expect(nudge).toHaveBeenCalled();
  });

  it('should answer SLOT_TAKEN when another booking won the conditional write', async () => {
    const { book } = setup(slot(72), 'taken');
    await expect(book.execute(localAdmin('inst_a'), 'slot_1', 'p1')).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
  });

  it('should forbid a local admin of another institution and write nothing', async () => {
    const { book, writes } = setup(slot(72));
    await expect(book.execute(localAdmin('inst_b'), 'slot_1', 'p1')).rejects.toMatchObject({
      code: 'AUTH_FORBIDDEN',
    });
    expect(writes).toHaveLength(0);
  });

  it('should refuse a slot that has already started', async () => {
    const { book } = setup(slot(-1));
    await expect(
      book.execute(authenticatedUser(['national_admin']), 'slot_1', 'p1'),
    ).rejects.toMatchObject({
      code: 'SLOT_IN_THE_PAST',
    });
  });
});

describe('ConfirmSlotUseCase', () => {
  const booked = { proposalId: 'p1', institutionId: 'inst_a' };

  it('should confirm when the lead time is still ahead', async () => {
    const { confirm, writes } = setup(slot(25, booked));
    const result = await confirm.execute(localAdmin('inst_a'), 'slot_1');
    expect(result.confirmedAt).not.toBeNull();
    expect(JSON.parse(writes[0]?.event.value ?? '{}')).toMatchObject({
      payload: { change: 'confirmed' },
    });
  });

  it('should answer CONFIRMATION_TOO_LATE when less than the lead hours remain', async () => {
    const { confirm, writes } = setup(slot(23, booked));
    await expect(confirm.execute(localAdmin('inst_a'), 'slot_1')).rejects.toMatchObject({
      code: 'CONFIRMATION_TOO_LATE',
    });
    expect(writes).toHaveLength(0);
  });

  it('should answer FINALIST_DISQUALIFIED and write nothing when the booked finalist was disqualified', async () => {
    const { confirm, writes } = setup(slot(48, booked), 'free', true);
    await expect(confirm.execute(localAdmin('inst_a'), 'slot_1')).rejects.toMatchObject({
      code: 'FINALIST_DISQUALIFIED',
    });
    expect(writes).toHaveLength(0);
  });

  it('should refuse a free slot and another institution', async () => {
    await expect(
      setup(slot(48)).confirm.execute(localAdmin('inst_a'), 'slot_1'),
    ).rejects.toMatchObject({
      code: 'SLOT_NOT_BOOKED',
    });
    await expect(
      setup(slot(48, booked)).confirm.execute(localAdmin('inst_b'), 'slot_1'),
    ).rejects.toMatchObject({
      code: 'AUTH_FORBIDDEN',
    });
  });
});
