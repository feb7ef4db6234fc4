import type { ClientSession } from 'mongoose';
import { AccountCreatedV1, AccountRoleGrantedV1, reviewerProfileExample } from '@kipp/contracts';
import type { ReviewerRepository } from '../reviewer.repository';
import { RecordReviewerUseCase } from './record-reviewer.use-case';

const session = {} as ClientSession;

function setUp() {
  const calls: [string, ...unknown[]][] = [];
  const repo = {
    upsertWithRoles: (account: unknown, roles: unknown) =>
      Promise.resolve(void calls.push(['upsert', account, roles])),
    rename: (id: string, name: string) => Promise.resolve(void calls.push(['rename', id, name])),
    setActive: (id: string, active: boolean) =>
      Promise.resolve(void calls.push(['active', id, active])),
  } as unknown as ReviewerRepository;
  return { useCase: new RecordReviewerUseCase(repo), calls };
}

describe('RecordReviewerUseCase', () => {
  it('should keep only the reviewer roles of a created account, with its profile', async () => {
    const { useCase, calls } = setUp();
    await useCase.created(
      {
        ...AccountCreatedV1.example,
        roles: ['evaluator', 'panelist', 'national_admin'],
        reviewerProfile: reviewerProfileExample,
      },
      session,
    );
    expect(calls).toEqual([
      [
        'upsert',
        expect.objectContaining({ name: 'Siti Rahmawati', profile: reviewerProfileExample }),
        ['evaluator', 'panelist'],
      ],
    ]);
  });

  it('should only name an already known reviewer when the created account has no reviewer role', async () => {
    const { useCase, calls } = setUp();
    await useCase.created(AccountCreatedV1.example, session);
    expect(calls).toEqual([['rename', 'acct_7f3a', 'Siti Rahmawati']]);
  });

  it('should add a granted reviewer role and ignore other roles', async () => {
    const { useCase, calls } = setUp();
    await useCase.roleGranted(AccountRoleGrantedV1.example, session);
    expect(calls).toEqual([]);
    await useCase.roleGranted(
      { ...AccountRoleGrantedV1.example, role: 'evaluator', institutionId: null },
      session,
    );
    expect(calls).toEqual([
      ['upsert', expect.objectContaining({ accountId: 'acct_9b21', name: null }), ['evaluator']],
    ]);
  });
});
