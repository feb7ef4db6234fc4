import type { ClientSession } from 'mongoose';
import { ObjectionResolvedV1, type PayloadOf } from '@kipp/contracts';
import type { PendingEvent } from '@kipp/messaging';
import type { InterviewRepository, SlotView } from '../interview.repository';
import { ReleaseDisqualifiedBookingUseCase } from './release-disqualified-booking.use-case';

const HOUR = 3_600_000;
const session = {} as ClientSession;

function bookedSlot(): SlotView {
  const startsAt = new Date(Date.now() + 72 * HOUR);
  return {
    _id: 'slot_1',
    editionId: 'ed_2027',
    room: 1,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 20 * 60_000),
    presentationMinutes: 7,
    interviewMinutes: 13,
    proposalId: 'prop_8d1e',
    institutionId: 'inst_3273',
    bookedBy: 'acct_local',
    bookedAt: new Date(),
    confirmBy: new Date(startsAt.getTime() - 24 * HOUR),
    confirmedBy: null,
    confirmedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

/** An in-memory slot store with the repository's conditional release. */
function setup(initial: SlotView | null) {
  let stored = initial;
  const events: PendingEvent[] = [];
  const repository = {
    findBooked: jest.fn((editionId: string, proposalId: string) =>
      Promise.resolve(
        stored && stored.editionId === editionId && stored.proposalId === proposalId
          ? stored
          : null,
      ),
    ),
    release: jest.fn((slotId: string, proposalId: string, event: PendingEvent) => {
      if (!stored || stored._id !== slotId || stored.proposalId !== proposalId) {
        return Promise.resolve(false);
      }
      stored = { ...stored, proposalId: null, institutionId: null, confirmBy: null };
      events.push(event);
      return Promise.resolve(true);
    }),
  };
  return {
    useCase: new ReleaseDisqualifiedBookingUseCase(repository as unknown as InterviewRepository),
    events,
    repository,
    slot: () => stored,
  };
}

const resolution = (outcome: 'upheld' | 'dismissed'): PayloadOf<typeof ObjectionResolvedV1> => ({
  ...ObjectionResolvedV1.example,
  outcome,
});

describe('ReleaseDisqualifiedBookingUseCase', () => {
  it('should release the slot once with a released event by the system when the objection is upheld', async () => {
    const { useCase, events, slot } = setup(bookedSlot());
    await expect(useCase.execute(resolution('upheld'), session)).resolves.toBe(true);
    await expect(useCase.execute(resolution('upheld'), session)).resolves.toBe(false);
    expect(slot()?.proposalId).toBeNull();
    expect(events).toHaveLength(1);
    expect(events[0]?.key).toBe('prop_8d1e');
    expect(JSON.parse(events[0]?.value ?? '{}')).toMatchObject({
      payload: {
        change: 'released',
        slotId: 'slot_1',
        proposalId: 'prop_8d1e',
        institutionId: 'inst_3273',
        changedBy: { kind: 'system', process: 'objection-upheld' },
      },
    });
  });

  it('should change nothing when the objection is dismissed', async () => {
    const { useCase, events, repository, slot } = setup(bookedSlot());
    await expect(useCase.execute(resolution('dismissed'), session)).resolves.toBe(false);
    expect(slot()?.proposalId).toBe('prop_8d1e');
    expect(events).toHaveLength(0);
    expect(repository.release).not.toHaveBeenCalled();
  });

  it('should change nothing when the disqualified finalist has no booking', async () => {
    const { useCase, events, repository } = setup(null);
    await expect(useCase.execute(resolution('upheld'), session)).resolves.toBe(false);
    expect(events).toHaveLength(0);
    expect(repository.release).not.toHaveBeenCalled();
  });
});
