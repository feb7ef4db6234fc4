import { idList, institutionInput, isReviewer, needsInstitution } from './registry-api';
import { newAccountOf } from './accounts-page';

describe('registry forms', () => {
  it('should send an institution trimmed, without a province when none is given', () => {
    expect(
      institutionInput({
        code: ' 32.73 ',
        name: ' Kota Bandung ',
        type: 'city',
        provinceCode: '32',
        disadvantaged: false,
      }),
    ).toEqual({
      code: '32.73',
      name: 'Kota Bandung',
      type: 'city',
      provinceCode: '32',
      disadvantaged: false,
    });
    expect(
      institutionInput({
        code: 'KEMENKES',
        name: 'Kementerian Kesehatan',
        type: 'ministry',
        provinceCode: ' ',
        disadvantaged: false,
      }).provinceCode,
    ).toBeNull();
  });

  it('should give a reviewer a profile and a local admin an institution, and nobody else either', () => {
    const base = {
      userId: ' eva ',
      name: 'Eva',
      email: 'eva@univ.ac.id',
      locale: 'id' as const,
      institutionId: 'inst_3273',
      affiliation: 'Universitas Padjadjaran',
      homeProvinceCode: '32',
      pastEngagements: 'inst_3273, inst_3578',
      conflicts: 'inst_3273;inst_3273',
      expertise: 'health governance',
    };
    expect(newAccountOf({ ...base, role: 'evaluator' })).toEqual({
      role: 'evaluator',
      userId: 'eva',
      name: 'Eva',
      email: 'eva@univ.ac.id',
      locale: 'id',
      reviewerProfile: {
        affiliation: 'Universitas Padjadjaran',
        homeProvinceCode: '32',
        pastEngagementInstitutionIds: ['inst_3273', 'inst_3578'],
        declaredConflictInstitutionIds: ['inst_3273'],
        expertiseCategoryIds: ['health', 'governance'],
      },
    });
    expect(newAccountOf({ ...base, role: 'local_admin' })).toMatchObject({
      institutionId: 'inst_3273',
    });
    expect(newAccountOf({ ...base, role: 'local_admin' })).not.toHaveProperty('reviewerProfile');
    expect(newAccountOf({ ...base, role: 'national_admin' })).not.toHaveProperty('institutionId');
    expect(needsInstitution('unit_operator')).toBe(true);
    expect(isReviewer('panelist')).toBe(true);
    expect(idList(' a, b ;a ')).toEqual(['a', 'b']);
  });
});
