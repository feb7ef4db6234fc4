import type { ClientSession } from 'mongoose';
import { ProposalNudgedV1 } from '@kipp/contracts';
import type { Directory } from '../../../directory/directory';
import {
  NotifyProposalNudgedUseCase,
  type ProposalNudged,
} from './notify-proposal-nudged.use-case';
import { recordingNotifier } from '../testing/recording-notifier';

const session = {} as ClientSession;
const operator = {
  accountId: 'operator',
  email: 'operator@example.go.id',
  name: 'Operator',
  locale: 'id',
  timeZone: 'WITA',
} as const;

function nudgedEvent(message: string | null): ProposalNudged {
  return {
    eventId: 'evt_1',
    type: ProposalNudgedV1.type,
    version: 1,
    occurredAt: '2027-03-20T02:00:00.000Z',
    producer: 'submissions',
    correlationId: 'corr_1',
    causationId: null,
    payload: { ...ProposalNudgedV1.example, message },
  };
}

function setUp() {
  const directory = {
    recordProposal: jest.fn(() => Promise.resolve()),
    unitOperatorsOf: jest.fn(() => Promise.resolve([operator])),
  };
  const { notifier, notices } = recordingNotifier();
  const useCase = new NotifyProposalNudgedUseCase(directory as unknown as Directory, notifier);
  return { useCase, directory, notices };
}

describe('NotifyProposalNudgedUseCase', () => {
  it("should send the local admin's message to the unit's operators when a proposal is nudged by hand", async () => {
    const { useCase, directory, notices } = setUp();
    const example = ProposalNudgedV1.example;

    await useCase.execute(nudgedEvent('Mohon dilengkapi.'), session);

    expect(directory.recordProposal).toHaveBeenCalledWith(
      {
        proposalId: example.proposalId,
        editionId: example.editionId,
        institutionId: example.institutionId,
        unitId: example.unitId,
        title: example.title,
      },
      session,
    );
    expect(directory.unitOperatorsOf).toHaveBeenCalledWith(
      example.institutionId,
      example.unitId,
      session,
    );
    expect(notices).toEqual([
      {
        noticeId: 'evt_1',
        template: 'proposal.nudged',
        params: {
          proposalId: example.proposalId,
          title: example.title,
          message: 'Mohon dilengkapi.',
          closesAt: example.closesAt,
        },
        recipients: [operator],
        refs: {
          editionId: example.editionId,
          proposalId: example.proposalId,
          institutionId: example.institutionId,
        },
        sentBy: example.nudgedBy,
      },
    ]);
  });

  it('should pass no message on when the local admin wrote none', async () => {
    const { useCase, notices } = setUp();

    await useCase.execute(nudgedEvent(null), session);

    expect(notices[0]?.params).toMatchObject({ message: null });
  });
});
