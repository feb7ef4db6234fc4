import { authenticatedUser } from './authenticated-user';

describe('authenticatedUser', () => {
  it('should build a national user in Indonesian when no scope is given', () => {
    expect(authenticatedUser(['national_admin'])).toEqual({
      accountId: 'acct_national_admin',
      roles: ['national_admin'],
      institutionId: null,
      unitId: null,
      locale: 'id',
    });
  });

  it('should keep the scope when one is given', () => {
    expect(
      authenticatedUser(['unit_operator'], {
        accountId: 'acct_op',
        institutionId: 'inst_a',
        unitId: 'unit_b',
        locale: 'en',
      }),
    ).toEqual({
      accountId: 'acct_op',
      roles: ['unit_operator'],
      institutionId: 'inst_a',
      unitId: 'unit_b',
      locale: 'en',
    });
  });
});
