import { authenticatedUser } from '@kipp/testing';
import { maySeeNotice } from './notice-access';

const about = (institutionId: string | null) => ({
  refs: { editionId: null, proposalId: null, institutionId },
});

describe('maySeeNotice', () => {
  it('should let a national admin see every notice', () => {
    expect(maySeeNotice(authenticatedUser(['national_admin']), about(null))).toBe(true);
  });

  it('should let a local admin see the notices about their own institution only', () => {
    const admin = authenticatedUser(['local_admin'], { institutionId: 'inst_1' });
    expect(maySeeNotice(admin, about('inst_1'))).toBe(true);
    expect(maySeeNotice(admin, about('inst_2'))).toBe(false);
    expect(maySeeNotice(admin, about(null))).toBe(false);
  });

  it('should let nobody else see a notice', () => {
    const operator = authenticatedUser(['unit_operator'], { institutionId: 'inst_1' });
    expect(maySeeNotice(operator, about('inst_1'))).toBe(false);
  });
});
