import type { AuthenticatedUser } from '@kipp/auth';
import type { OutboxNotifier, PendingEvent } from '@kipp/messaging';
import type {
  LinkChange,
  ReplicationLinkRepository,
  StoredReplicationLink,
} from '../replication-link.repository';
import type { LinkHistoryEntry } from '../replication-link.schema';
import { ChangeReplicationUseCase } from './change-replication.use-case';

const NOW = new Date('2028-03-02T03:00:00.000Z');

function storedLink(overrides: Partial<StoredReplicationLink> = {}): StoredReplicationLink {
  const at = new Date('2028-03-01T03:00:00.000Z');
  return {
    _id: 'rep_1',
    revision: 1,
    innovationId: 'inv_1',
    innovationTitle: 'Posyandu Digital',
    originInstitutionId: 'inst_origin',
    originUnitId: 'unit_dinkes',
    adopterInstitutionId: 'inst_adopter',
    adopterProvinceCode: '34',
    title: 'Posyandu Digital Yogyakarta',
    status: 'plan',
    confirmation: 'pending',
    disputeReason: null,
    source: 'registered',
    proposalId: null,
    visitId: null,
    evidence: [],
    history: [],
    active: true,
    withdrawnAt: null,
    recordedAt: at,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

const origin: AuthenticatedUser = {
  accountId: 'acct_origin',
  roles: ['local_admin'],
  institutionId: 'inst_origin',
  unitId: null,
  locale: 'id',
};
const adopter: AuthenticatedUser = {
  ...origin,
  accountId: 'acct_adopter',
  institutionId: 'inst_adopter',
};

function setup(link: StoredReplicationLink, applies = true) {
  const applied: {
    change: LinkChange;
    entry: LinkHistoryEntry;
    events: readonly PendingEvent[];
  }[] = [];
  const links = {
    findById: jest.fn(async () => Promise.resolve(link)),
    applyChange: jest.fn(
      async (
        _id: string,
        _revision: number,
        change: LinkChange,
        entry: LinkHistoryEntry,
        events: readonly PendingEvent[],
      ) => {
        applied.push({ change, entry, events });
        return Promise.resolve(applies);
      },
    ),
  };
  const notifier = { nudge: jest.fn() };
  const useCase = new ChangeReplicationUseCase(
    links as unknown as ReplicationLinkRepository,
    notifier as unknown as OutboxNotifier,
  );
  return { useCase, links, applied, notifier };
}

describe('ChangeReplicationUseCase', () => {
  it('should confirm a pending link on the revision it read, with a history entry and the event', async () => {
    const { useCase, links, applied, notifier } = setup(storedLink());
    const next = await useCase.countersign(origin, 'rep_1', {}, NOW);
    expect(next).toMatchObject({ revision: 2, confirmation: 'confirmed' });
    expect(links.applyChange).toHaveBeenCalledWith(
      'rep_1',
      1,
      { confirmation: 'confirmed', disputeReason: null },
      expect.anything(),
      expect.anything(),
      NOW,
    );
    expect(applied[0]?.entry).toEqual({
      revision: 2,
      action: 'countersigned',
      by: { kind: 'account', accountId: 'acct_origin' },
      at: NOW,
      status: 'plan',
      confirmation: 'confirmed',
      note: null,
    });
    expect(applied[0]?.events.map((e) => e.topic)).toEqual(['replication.link.countersigned.v1']);
    expect(notifier.nudge).toHaveBeenCalledTimes(1);
  });

  it('should answer REPLICATION_CHANGED when another change won meanwhile', async () => {
    const { useCase, notifier } = setup(storedLink(), false);
    await expect(
      useCase.dispute(origin, 'rep_1', { reason: 'Tidak pernah ada pendampingan.' }, NOW),
    ).rejects.toMatchObject({
      code: 'REPLICATION_CHANGED',
      status: 409,
    });
    expect(notifier.nudge).not.toHaveBeenCalled();
  });

  it('should answer REPLICATION_CHANGED when the caller decided on an older revision', async () => {
    const { useCase, links } = setup(storedLink({ revision: 2, confirmation: 'confirmed' }));
    await expect(
      useCase.dispute(origin, 'rep_1', {
        reason: 'Tidak pernah ada pendampingan.',
        expectedRevision: 1,
      }),
    ).rejects.toMatchObject({ code: 'REPLICATION_CHANGED', details: { revision: 2 } });
    expect(links.applyChange).not.toHaveBeenCalled();
  });

  it('should refuse the adopter countersigning and the origin moving the status', async () => {
    const { useCase, links } = setup(storedLink());
    await expect(useCase.countersign(adopter, 'rep_1')).rejects.toMatchObject({
      code: 'REPLICATION_FORBIDDEN',
    });
    await expect(
      useCase.changeStatus(origin, 'rep_1', { status: 'in-progress' }),
    ).rejects.toMatchObject({ code: 'REPLICATION_FORBIDDEN' });
    expect(links.applyChange).not.toHaveBeenCalled();
  });

  it('should deactivate a stopped link so the adopter may record the innovation again', async () => {
    const { useCase, applied } = setup(storedLink({ status: 'implemented' }));
    await useCase.changeStatus(
      adopter,
      'rep_1',
      { status: 'stopped', note: 'Anggaran dihentikan' },
      NOW,
    );
    expect(applied[0]?.change).toEqual({ status: 'stopped', active: false });
    expect(applied[0]?.entry.note).toBe('Anggaran dihentikan');
  });

  it('should answer STATUS_TRANSITION_INVALID for a skipped step', async () => {
    const { useCase } = setup(storedLink());
    await expect(
      useCase.changeStatus(adopter, 'rep_1', { status: 'sustained' }),
    ).rejects.toMatchObject({ code: 'STATUS_TRANSITION_INVALID', status: 409 });
  });
});
