import { EditionUpdatedV1 } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import { everyInstitutionRegistered, InMemoryEditions, payloadsOf } from './in-memory-editions';
import { UpdateEditionUseCase } from './update-edition.use-case';
import { authenticatedUser } from '@kipp/testing';

const admin = authenticatedUser(['national_admin'], { accountId: 'acct_admin' });

function setUp() {
  const editions = new InMemoryEditions();
  const edition = editions.add({ revision: 3 });
  const useCase = new UpdateEditionUseCase(
    editions.asRepository(),
    new OutboxNotifier(),
    everyInstitutionRegistered,
  );
  return { editions, settings: structuredClone(edition.settings), useCase };
}

describe('UpdateEditionUseCase', () => {
  it('should publish the full configuration with the changed fields and the next revision', async () => {
    const { editions, settings, useCase } = setUp();

    const updated = await useCase.execute(
      'ed_test',
      { ...settings, passingGrade: 80, evaluatorsPerProposal: 4, expectedRevision: 3 },
      admin,
    );

    expect(updated.revision).toBe(4);
    expect(editions.events.map((event) => event.topic)).toEqual([EditionUpdatedV1.topic]);
    expect(payloadsOf(editions.events)[0]).toMatchObject({
      revision: 4,
      changed: ['passingGrade', 'evaluatorsPerProposal'],
      edition: { editionId: 'ed_test', passingGrade: 80, evaluatorsPerProposal: 4 },
    });
  });

  it('should refuse a change from a stale revision and publish nothing', async () => {
    const { editions, settings, useCase } = setUp();

    await expect(
      useCase.execute('ed_test', { ...settings, passingGrade: 80, expectedRevision: 2 }, admin),
    ).rejects.toMatchObject({
      code: 'EDITION_REVISION_CONFLICT',
      details: { expectedRevision: 2, currentRevision: 3 },
    });
    expect(editions.events).toHaveLength(0);
  });

  it('should require the revision read to change a published edition', async () => {
    const { settings, useCase } = setUp();

    await expect(useCase.execute('ed_test', settings, admin)).rejects.toMatchObject({
      code: 'EDITION_INVALID',
      details: { issues: [expect.objectContaining({ path: 'expectedRevision' })] },
    });
  });

  it('should neither bump the revision nor publish when nothing changed', async () => {
    const { editions, settings, useCase } = setUp();

    const same = await useCase.execute('ed_test', { ...settings, expectedRevision: 3 }, admin);

    expect(same.revision).toBe(3);
    expect(editions.events).toHaveLength(0);
  });

  it('should change a draft without an event', async () => {
    const editions = new InMemoryEditions();
    const draft = editions.add({ _id: 'ed_draft', status: 'draft', revision: 0 });
    const useCase = new UpdateEditionUseCase(
      editions.asRepository(),
      new OutboxNotifier(),
      everyInstitutionRegistered,
    );

    const updated = await useCase.execute(
      'ed_draft',
      { ...draft.settings, passingGrade: 70 },
      admin,
    );

    expect(updated).toMatchObject({ revision: 0, settings: { passingGrade: 70 } });
    expect(editions.events).toHaveLength(0);
  });
});
