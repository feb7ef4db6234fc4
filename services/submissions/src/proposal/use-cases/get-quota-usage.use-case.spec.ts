import type { EditionDirectory } from '../../edition/edition-directory';
import type { QuotaUsageRepository } from '../quota-usage.repository';
import { edition, localAdmin, nationalAdmin, operator } from '../testing/in-memory-submissions';
import { GetQuotaUsageUseCase } from './get-quota-usage.use-case';

const special = {
  ...edition.configuration.groups[0]!,
  groupId: 'special' as const,
  quotaPerInstitution: 1,
  eligibility: { ...edition.configuration.groups[0]!.eligibility, invitationOnly: true },
  invitedInstitutionIds: ['inst_invited'],
};
const withSpecial = {
  ...edition,
  configuration: { ...edition.configuration, groups: [...edition.configuration.groups, special] },
};

/** Counters as submissions keeps them: `<edition>:<institution>:<group>` → used. */
function useCase(used: Record<string, number>) {
  const editions = { get: () => Promise.resolve(withSpecial) } as unknown as EditionDirectory;
  const quotas = {
    usedPerGroup: (editionId: string, institutionId: string, groupIds: readonly string[]) =>
      Promise.resolve(
        new Map(groupIds.map((g) => [g, used[`${editionId}:${institutionId}:${g}`] ?? 0])),
      ),
  } as unknown as QuotaUsageRepository;
  return new GetQuotaUsageUseCase(editions, quotas);
}

describe('GetQuotaUsageUseCase', () => {
  it("should count the local admin's own institution, never below zero left", async () => {
    const general = edition.configuration.groups.find((g) => g.groupId === 'general')!;
    const view = await useCase({
      [`${edition._id}:inst_a:general`]: general.quotaPerInstitution + 1,
    }).execute(localAdmin, edition._id, undefined);
    expect(view.institutionId).toBe('inst_a');
    expect(view.groups.find((g) => g.groupId === 'general')).toEqual({
      groupId: 'general',
      quota: general.quotaPerInstitution,
      used: general.quotaPerInstitution + 1,
      left: 0,
    });
  });

  it('should list an invitation-only group only for the institutions invited to it', async () => {
    const outsider = await useCase({}).execute(nationalAdmin, edition._id, 'inst_a');
    expect(outsider.groups.map((g) => g.groupId)).not.toContain('special');
    const invited = await useCase({}).execute(nationalAdmin, edition._id, 'inst_invited');
    expect(invited.groups.map((g) => g.groupId)).toContain('special');
  });

  it('should want the national admin to name an institution, and keep others to their own', async () => {
    await expect(useCase({}).execute(nationalAdmin, edition._id, undefined)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(useCase({}).execute(localAdmin, edition._id, 'inst_z')).rejects.toMatchObject({
      code: 'AUTH_FORBIDDEN',
    });
    await expect(useCase({}).execute(operator, edition._id, 'inst_z')).rejects.toMatchObject({
      code: 'AUTH_FORBIDDEN',
    });
  });
});
