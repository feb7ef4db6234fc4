import type { ClientSession, Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { AssignmentSourcesRepository } from '../assignment-sources.repository';
import type { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';
import type { AssignExtraEvaluatorUseCase } from './assign-extra-evaluator.use-case';
import { EndAssignmentUseCase } from './end-assignment.use-case';

const evaluator: AuthenticatedUser = {
  accountId: 'acct_eval_1',
  roles: ['evaluator'],
  institutionId: null,
  unitId: null,
  locale: 'id',
};
const admin: AuthenticatedUser = {
  ...evaluator,
  accountId: 'acct_admin',
  roles: ['national_admin'],
};

function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    _id: 'asg_1',
    editionId: 'ed_2027',
    proposalId: 'prop_1',
    evaluatorId: 'acct_eval_1',
    status: 'active',
    reason: 'initial',
    explanation: { cost: 10, factors: [] },
    runId: 'run_1',
    dueAt: null,
    endedAt: null,
    endReason: null,
    replacedBy: null,
    outbox: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

function setup(options: {
  current: Assignment | null;
  scored?: boolean;
  replacement?: Assignment | null;
}) {
  const ended: { status: string; replacedBy: string | null; events: readonly PendingEvent[] }[] =
    [];
  const extraCalls: unknown[] = [];
  const assignments = {
    findById: () => Promise.resolve(options.current),
    end: (
      _id: string,
      change: { status: string },
      replacedBy: string | null,
      events: readonly PendingEvent[],
    ) => {
      ended.push({ status: change.status, replacedBy, events });
      return Promise.resolve(true);
    },
  } as unknown as AssignmentRepository;
  const sources = {
    hasSubmittedDeskScore: () => Promise.resolve(options.scored ?? false),
  } as unknown as AssignmentSourcesRepository;
  const extra = {
    execute: (input: unknown) => {
      extraCalls.push(input);
      return Promise.resolve(options.replacement ?? null);
    },
  } as unknown as AssignExtraEvaluatorUseCase;
  const connection = {
    transaction: <T>(fn: (session: ClientSession) => Promise<T>) => fn({} as ClientSession),
  } as unknown as Connection;
  const useCase = new EndAssignmentUseCase(
    assignments,
    sources,
    extra,
    new OutboxNotifier(),
    connection,
  );
  return { useCase, ended, extraCalls };
}

describe('EndAssignmentUseCase', () => {
  it('should end the assignment with a replacement and one changed event when the evaluator declines', async () => {
    const { useCase, ended, extraCalls } = setup({
      current: assignment(),
      replacement: assignment({ _id: 'asg_2', evaluatorId: 'acct_eval_2', reason: 'reassignment' }),
    });

    const result = await useCase.execute('asg_1', 'declined', 'on leave', evaluator);

    expect(result.replacement?._id).toBe('asg_2');
    expect(extraCalls).toEqual([
      { editionId: 'ed_2027', proposalId: 'prop_1', reason: 'reassignment' },
    ]);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ status: 'declined', replacedBy: 'asg_2' });
    const payload = (JSON.parse(ended[0]!.events[0]!.value) as { payload: Record<string, unknown> })
      .payload;
    expect(payload).toMatchObject({ change: 'declined', replacedBy: 'asg_2', reason: 'on leave' });
  });

  it('should refuse with NOT_YOUR_ASSIGNMENT when another evaluator recuses', async () => {
    const { useCase, ended } = setup({ current: assignment({ evaluatorId: 'acct_eval_9' }) });

    await expect(useCase.execute('asg_1', 'recused', 'conflict', evaluator)).rejects.toMatchObject({
      code: 'NOT_YOUR_ASSIGNMENT',
    });
    expect(ended).toEqual([]);
  });

  it('should refuse with ASSIGNMENT_ALREADY_SCORED when a desk score was submitted', async () => {
    const { useCase, ended } = setup({ current: assignment(), scored: true });

    await expect(useCase.execute('asg_1', 'declined', 'too late', evaluator)).rejects.toMatchObject(
      {
        code: 'ASSIGNMENT_ALREADY_SCORED',
      },
    );
    expect(ended).toEqual([]);
  });

  it('should refuse with ASSIGNMENT_NOT_ACTIVE when it already ended', async () => {
    const { useCase } = setup({ current: assignment({ status: 'declined' }) });

    await expect(useCase.execute('asg_1', 'revoked', 'again', admin)).rejects.toMatchObject({
      code: 'ASSIGNMENT_NOT_ACTIVE',
    });
  });

  it("should let the national admin revoke someone else's assignment when it is active", async () => {
    const { useCase, ended } = setup({ current: assignment() });

    const result = await useCase.execute('asg_1', 'revoked', 'evaluator left the panel', admin);

    expect(result.replacement).toBeNull();
    expect(ended[0]).toMatchObject({ status: 'revoked', replacedBy: null });
  });
});
