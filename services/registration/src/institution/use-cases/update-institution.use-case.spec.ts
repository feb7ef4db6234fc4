import { InstitutionUpdatedV1 } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { InstitutionChanges, InstitutionRepository } from '../institution.repository';
import type { Institution, InstitutionHistoryEntry } from '../institution.schema';
import { RegionCatalogue } from '../region-catalogue';
import { updateInstitutionSchema, UpdateInstitutionUseCase } from './update-institution.use-case';
import { authenticatedUser } from '@kipp/testing';

const admin = authenticatedUser(['national_admin'], { accountId: 'acct_admin' });

class OneInstitution {
  events: PendingEvent[] = [];
  constructor(public institution: Institution) {}

  findById(): Promise<Institution | null> {
    return Promise.resolve(this.institution);
  }

  updateAtRevision(
    _id: string,
    expected: number,
    changes: InstitutionChanges,
    entry: InstitutionHistoryEntry,
    events: readonly PendingEvent[],
  ): Promise<Institution | null> {
    if (this.institution.revision !== expected) return Promise.resolve(null);
    this.institution = {
      ...this.institution,
      ...changes,
      revision: expected + 1,
      history: [...this.institution.history, entry],
    };
    this.events.push(...events);
    return Promise.resolve(this.institution);
  }
}

function jayapura(): Institution {
  const at = new Date('2027-01-01T00:00:00Z');
  return {
    _id: 'inst_9171',
    code: '91.71',
    name: 'Pemerintah Kota Jayapura',
    type: 'city',
    provinceCode: '91',
    disadvantaged: false,
    registeredBy: 'system:region-seed',
    revision: 1,
    history: [],
    outbox: [],
    createdAt: at,
    updatedAt: at,
  };
}

describe('UpdateInstitutionUseCase', () => {
  function setUp() {
    const store = new OneInstitution(jayapura());
    const notifier = new OutboxNotifier();
    const nudge = jest.fn();
    notifier.attach(nudge);
    const useCase = new UpdateInstitutionUseCase(
      store as unknown as InstitutionRepository,
      new RegionCatalogue(),
      notifier,
    );
    return { store, nudge, useCase };
  }

  it('should record who changed what and queue one full-record update event with the next revision', async () => {
    const { store, nudge, useCase } = setUp();

    const updated = await useCase.execute(
      'inst_9171',
      updateInstitutionSchema.parse({
        revision: 1,
        disadvantaged: true,
        name: store.institution.name,
      }),
      admin,
    );

    expect(updated).toMatchObject({ disadvantaged: true, revision: 2 });
    expect(updated.history).toEqual([
      expect.objectContaining({
        by: 'acct_admin',
        action: 'updated',
        revision: 2,
        changes: [{ field: 'disadvantaged', from: false, to: true }],
      }),
    ]);
    expect(store.events).toHaveLength(1);
    expect(store.events[0]?.topic).toBe(InstitutionUpdatedV1.topic);
    const envelope = JSON.parse(store.events[0]!.value) as { payload: unknown };
    expect(envelope.payload).toMatchObject({
      code: '91.71',
      disadvantaged: true,
      changed: ['disadvantaged'],
      revision: 2,
      updatedBy: { kind: 'account', accountId: 'acct_admin' },
    });
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should refuse a stale revision with INSTITUTION_REVISION_STALE and change nothing', async () => {
    const { store, useCase } = setUp();
    store.institution = { ...store.institution, revision: 3 };

    await expect(
      useCase.execute('inst_9171', { revision: 2, name: 'Kota Baru' }, admin),
    ).rejects.toMatchObject({ code: 'INSTITUTION_REVISION_STALE', status: 409 });
    expect(store.events).toHaveLength(0);
  });

  it('should neither bump the revision nor emit when nothing differs', async () => {
    const { store, useCase } = setUp();
    const same = await useCase.execute('inst_9171', { revision: 1, disadvantaged: false }, admin);
    expect(same.revision).toBe(1);
    expect(store.events).toHaveLength(0);
  });

  it('should refuse a province that does not exist', async () => {
    const { useCase } = setUp();
    await expect(
      useCase.execute('inst_9171', { revision: 1, provinceCode: '99' }, admin),
    ).rejects.toMatchObject({ code: 'INSTITUTION_PROVINCE_UNKNOWN' });
  });

  it('should require at least one field to change besides the revision', () => {
    expect(updateInstitutionSchema.safeParse({ revision: 1 }).success).toBe(false);
  });
});
