import { AuthError } from '@kipp/auth';
import {
  FormMismatchError,
  GroupByInvitationError,
  SubmissionClosedError,
} from '../proposal.errors';
import {
  CLOSES_AT,
  edition,
  InMemorySubmissions,
  nationalAdmin,
  OPEN,
  operator,
} from '../testing/in-memory-submissions';

const input = {
  editionId: 'ed_2027',
  groupId: 'general',
  categoryId: 'health',
  title: 'Posyandu Digital',
} as const;

describe('CreateProposalUseCase', () => {
  it('should start a draft of the caller’s unit at revision 1 with its failing checks when created', async () => {
    const db = new InMemorySubmissions();
    const draft = await db.useCases().create.execute(input, operator, undefined, OPEN);

    expect(db.proposal(draft._id)).toMatchObject({
      status: 'draft',
      revision: 1,
      institutionId: 'inst_a',
      unitId: 'unit_a',
      createdBy: 'op.a',
      transitions: [{ from: null, to: 'draft', by: 'op.a' }],
    });
    const failing = draft.eligibility.filter((c) => c.outcome === 'fail').map((c) => c.check);
    expect(failing).toEqual(
      expect.arrayContaining(['required-sections', 'required-evidence', 'integrity-declaration']),
    );
    expect(db.events).toEqual([]);
  });

  it('should refuse when the group or category is not in the form, the caller has no unit or the window is closed', async () => {
    const db = new InMemorySubmissions();
    const { create } = db.useCases();

    await expect(
      create.execute({ ...input, categoryId: 'space' }, operator, undefined, OPEN),
    ).rejects.toBeInstanceOf(FormMismatchError);
    await expect(create.execute(input, nationalAdmin, undefined, OPEN)).rejects.toBeInstanceOf(
      AuthError,
    );
    await expect(create.execute(input, operator, undefined, CLOSES_AT)).rejects.toBeInstanceOf(
      SubmissionClosedError,
    );
    expect(await db.useCases().list.execute({}, operator)).toEqual([]);
  });

  it('should accept an invited institution and refuse any other when the group is invitation-only', async () => {
    const db = new InMemorySubmissions();
    const configuration = edition.configuration;
    db.editions.set(edition._id, {
      ...edition,
      configuration: {
        ...configuration,
        groups: [
          ...configuration.groups,
          {
            groupId: 'special',
            name: { id: 'Khusus', en: 'Special' },
            quotaPerInstitution: 1,
            eligibility: {
              invitationOnly: true,
              requiresSourceInnovation: false,
              maxPriorTop99: null,
              excludesPastWinners: false,
            },
            invitedInstitutionIds: ['inst_a'],
          },
        ],
      },
    });
    const { create } = db.useCases();
    const special = { ...input, groupId: 'special' } as const;

    const draft = await create.execute(special, operator, undefined, OPEN);
    expect(draft).toMatchObject({ groupId: 'special', institutionId: 'inst_a' });
    await expect(
      create.execute(special, { ...operator, institutionId: 'inst_z' }, undefined, OPEN),
    ).rejects.toBeInstanceOf(GroupByInvitationError);
  });
});
