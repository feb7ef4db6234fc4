import { OutboxNotifier } from '@kipp/messaging';
import { InMemoryEditions, payloadsOf } from './in-memory-editions';
import { ChangeEditionPhaseUseCase } from './change-edition-phase.use-case';
import { authenticatedUser } from '@kipp/testing';

const admin = authenticatedUser(['national_admin'], { accountId: 'acct_admin' });

describe('ChangeEditionPhaseUseCase', () => {
  it('should move the phase by hand, name the admin and hold until the next phase start', async () => {
    const editions = new InMemoryEditions();
    editions.add({ currentPhase: 'registration' });
    const useCase = new ChangeEditionPhaseUseCase(editions.asRepository(), new OutboxNotifier());
    const now = new Date('2027-01-20T00:00:00.000Z');

    const edition = await useCase.execute(
      'ed_test',
      { phase: 'submission', reason: 'decree amended' },
      admin,
      now,
    );

    expect(edition.currentPhase).toBe('submission');
    expect(edition.phaseOverride).toEqual({
      until: new Date('2027-02-01T01:00:00.000Z'),
      reason: 'decree amended',
    });
    expect(payloadsOf(edition.outbox)).toEqual([
      {
        editionId: 'ed_test',
        previousPhase: 'registration',
        phase: 'submission',
        changedBy: { kind: 'account', accountId: 'acct_admin' },
        changedAt: now.toISOString(),
      },
    ]);
    expect(edition.history.at(-1)).toMatchObject({
      by: { kind: 'account', accountId: 'acct_admin' },
      action: 'phase-changed',
      reason: 'decree amended',
    });
  });

  it('should refuse a draft and a move into the phase the edition is in', async () => {
    const editions = new InMemoryEditions();
    editions.add({ _id: 'ed_draft', status: 'draft', revision: 0 });
    editions.add({ currentPhase: 'registration' });
    const useCase = new ChangeEditionPhaseUseCase(editions.asRepository(), new OutboxNotifier());
    const input = { phase: 'registration' as const, reason: 'again' };

    await expect(useCase.execute('ed_draft', input, admin)).rejects.toMatchObject({
      code: 'EDITION_NOT_PUBLISHED',
    });
    await expect(useCase.execute('ed_test', input, admin)).rejects.toMatchObject({
      code: 'EDITION_ALREADY_IN_PHASE',
    });
    expect(editions.events).toHaveLength(0);
  });
});
