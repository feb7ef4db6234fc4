import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import type { OutboxNotifier } from '@kipp/messaging';
import type { ObjectionRepository } from '../objection.repository';
import { ResolveObjectionUseCase } from './resolve-objection.use-case';

const actor: AuthenticatedUser = {
  accountId: 'acct_admin',
  roles: ['national_admin'],
  institutionId: null,
  unitId: null,
  locale: 'id',
};
const session = { id: 'session' };
const connection = {
  transaction: (fn: (s: unknown) => Promise<unknown>) => fn(session),
} as unknown as Connection;
const reason = 'The decree in the evidence shows the service started in 2026.';

function setUp(resolution: unknown = null) {
  const objections = {
    findById: jest.fn(() =>
      Promise.resolve({
        _id: 'obj_1',
        editionId: 'ed_1',
        proposalId: 'p1',
        institutionId: 'inst_1',
        resolution,
      }),
    ),
    resolve: jest.fn(() => Promise.resolve(true)),
    disqualify: jest.fn(() => Promise.resolve()),
  };
  const outbox = { nudge: jest.fn() };
  const useCase = new ResolveObjectionUseCase(
    objections as unknown as ObjectionRepository,
    outbox as unknown as OutboxNotifier,
    connection,
  );
  return { useCase, objections, outbox };
}

describe('ResolveObjectionUseCase', () => {
  it('should disqualify the finalist in the same transaction when the objection is upheld', async () => {
    const { useCase, objections, outbox } = setUp();
    const now = new Date('2027-06-09T03:00:00Z');
    await useCase.execute(actor, 'obj_1', { outcome: 'upheld', reason }, now);
    expect(objections.resolve).toHaveBeenCalledWith(
      'obj_1',
      { outcome: 'upheld', reason, resolvedBy: 'acct_admin', resolvedAt: now },
      [expect.objectContaining({ key: 'p1' })],
      session,
    );
    expect(objections.disqualify).toHaveBeenCalledWith(
      'p1',
      { reason, objectionId: 'obj_1', at: now },
      session,
    );
    expect(outbox.nudge).toHaveBeenCalled();
  });

  it('should leave the finalist in when the objection is dismissed', async () => {
    const { useCase, objections } = setUp();
    await useCase.execute(actor, 'obj_1', { outcome: 'dismissed', reason });
    expect(objections.disqualify).not.toHaveBeenCalled();
  });

  it('should answer OBJECTION_ALREADY_RESOLVED when resolved before or by a racing request', async () => {
    const resolvedBefore = setUp({ outcome: 'dismissed' });
    await expect(
      resolvedBefore.useCase.execute(actor, 'obj_1', { outcome: 'upheld', reason }),
    ).rejects.toMatchObject({ code: 'OBJECTION_ALREADY_RESOLVED' });

    const racing = setUp();
    racing.objections.resolve.mockResolvedValueOnce(false);
    await expect(
      racing.useCase.execute(actor, 'obj_1', { outcome: 'upheld', reason }),
    ).rejects.toMatchObject({ code: 'OBJECTION_ALREADY_RESOLVED' });
    expect(racing.objections.disqualify).not.toHaveBeenCalled();
  });

  it('should answer OBJECTION_NOT_FOUND when there is no such objection', async () => {
    const { useCase, objections } = setUp();
    objections.findById.mockResolvedValueOnce(null as never);
    await expect(
      useCase.execute(actor, 'obj_x', { outcome: 'upheld', reason }),
    ).rejects.toMatchObject({ code: 'OBJECTION_NOT_FOUND' });
  });
});
