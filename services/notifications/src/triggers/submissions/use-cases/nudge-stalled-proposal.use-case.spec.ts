import type { ClientSession } from 'mongoose';
import type { Directory } from '../../../directory/directory';
import type { EditionEntry } from '../../../directory/directory.schema';
import type { Recipient } from '../../../notification/recipient';
import {
  deadlineNoticeId,
  NudgeStalledProposalUseCase,
  type ProposalStalled,
} from './nudge-stalled-proposal.use-case';
import { recordingNotifier } from '../testing/recording-notifier';

const session = {} as ClientSession;

function recipient(accountId: string): Recipient {
  return {
    accountId,
    email: `${accountId}@example.go.id`,
    name: accountId,
    locale: 'id',
    timeZone: 'WITA',
  };
}

function stalledEvent(
  overrides: Partial<ProposalStalled['payload']> = {},
  eventId = 'evt_1',
): ProposalStalled {
  return {
    eventId,
    type: 'proposal.stalled',
    version: 1,
    occurredAt: '2027-03-24T00:00:00.000Z',
    producer: 'submissions',
    correlationId: 'corr_1',
    causationId: null,
    payload: {
      proposalId: 'prop_1',
      editionId: 'ed_2027',
      institutionId: 'inst_1',
      unitId: 'unit_1',
      title: 'Posyandu Digital',
      sittingWith: 'unit',
      threshold: '7d',
      since: '2027-03-10T03:00:00.000Z',
      closesAt: '2027-03-31T16:59:59.000Z',
      detectedAt: '2027-03-24T00:00:00.000Z',
      ...overrides,
    },
  };
}

function setUp() {
  const directory = {
    recordProposal: jest.fn(() => Promise.resolve()),
    localAdminsOf: jest.fn(() => Promise.resolve([recipient('admin')])),
    unitOperatorsOf: jest.fn(() => Promise.resolve([recipient('operator')])),
    edition: jest.fn(() => Promise.resolve({ name: 'KIPP 2027' } as EditionEntry)),
  };
  const { notifier, notices } = recordingNotifier();
  const useCase = new NudgeStalledProposalUseCase(directory as unknown as Directory, notifier);
  return { useCase, directory, notices };
}

describe('NudgeStalledProposalUseCase', () => {
  it("should nudge the unit's operators when the proposal sits with the unit", async () => {
    const { useCase, directory, notices } = setUp();

    await useCase.execute(stalledEvent(), session);

    expect(directory.unitOperatorsOf).toHaveBeenCalledWith('inst_1', 'unit_1', session);
    expect(notices[0]).toMatchObject({
      noticeId: 'evt_1',
      template: 'proposal.stalled',
      recipients: [{ accountId: 'operator' }],
      refs: { editionId: 'ed_2027', proposalId: 'prop_1', institutionId: 'inst_1' },
    });
  });

  it('should nudge the local admins when the proposal sits with them', async () => {
    const { useCase, directory, notices } = setUp();

    await useCase.execute(stalledEvent({ sittingWith: 'local_admin' }), session);

    expect(directory.unitOperatorsOf).not.toHaveBeenCalled();
    expect(notices[0]?.recipients).toEqual([recipient('admin')]);
  });

  it('should remind the local admins under one notice per edition, institution and threshold', async () => {
    const { useCase, notices } = setUp();

    await useCase.execute(stalledEvent({}, 'evt_1'), session);
    await useCase.execute(stalledEvent({ proposalId: 'prop_2' }, 'evt_2'), session);

    const reminders = notices.filter((notice) => notice.template === 'deadline.reminder');
    expect(reminders.map((notice) => notice.noticeId)).toEqual([
      'deadline:ed_2027:inst_1:7d',
      'deadline:ed_2027:inst_1:7d',
    ]);
    expect(reminders[0]).toMatchObject({
      recipients: [{ accountId: 'admin' }],
      params: {
        editionId: 'ed_2027',
        editionName: 'KIPP 2027',
        closesAt: '2027-03-31T16:59:59.000Z',
        threshold: '7d',
      },
      refs: { editionId: 'ed_2027', institutionId: 'inst_1' },
    });
  });

  it('should name the deadline notice by edition, institution and threshold', () => {
    expect(deadlineNoticeId('ed', 'inst', '3h')).toBe('deadline:ed:inst:3h');
  });
});
