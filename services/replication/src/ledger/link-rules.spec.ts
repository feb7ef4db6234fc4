import type { AuthenticatedUser } from '@kipp/auth';
import { canCountersign, canDispute, canMoveStatus, canRead, sideOf } from './link-rules';

const link = { adopterInstitutionId: 'inst_adopter', originInstitutionId: 'inst_origin' };

function user(roles: AuthenticatedUser['roles'], institutionId: string | null): AuthenticatedUser {
  return { accountId: 'acct_1', roles, institutionId, unitId: null, locale: 'id' };
}

describe('replication link rules', () => {
  it('should move the status one step forward, or to stopped from any other status', () => {
    expect(canMoveStatus('plan', 'in-progress')).toBe(true);
    expect(canMoveStatus('in-progress', 'implemented')).toBe(true);
    expect(canMoveStatus('implemented', 'sustained')).toBe(true);
    expect(canMoveStatus('sustained', 'stopped')).toBe(true);
    expect(canMoveStatus('plan', 'stopped')).toBe(true);
  });

  it('should refuse skipping, going back, staying and leaving stopped', () => {
    expect(canMoveStatus('plan', 'implemented')).toBe(false);
    expect(canMoveStatus('implemented', 'plan')).toBe(false);
    expect(canMoveStatus('plan', 'plan')).toBe(false);
    expect(canMoveStatus('stopped', 'stopped')).toBe(false);
    expect(canMoveStatus('stopped', 'plan')).toBe(false);
  });

  it('should let the origin countersign pending or disputed links and dispute pending or confirmed ones', () => {
    expect([canCountersign('pending'), canCountersign('disputed')]).toEqual([true, true]);
    expect(canCountersign('confirmed')).toBe(false);
    expect([canDispute('pending'), canDispute('confirmed')]).toEqual([true, true]);
    expect(canDispute('disputed')).toBe(false);
  });

  it('should tell the side only for institution roles of the two institutions', () => {
    expect(sideOf(user(['local_admin'], 'inst_adopter'), link)).toBe('adopter');
    expect(sideOf(user(['unit_operator'], 'inst_origin'), link)).toBe('origin');
    expect(sideOf(user(['local_admin'], 'inst_third'), link)).toBeNull();
    expect(sideOf(user(['evaluator'], 'inst_origin'), link)).toBeNull();
    expect(sideOf(user(['national_admin'], null), link)).toBeNull();
  });

  it('should let the two sides and the ministry read a link, and nobody else', () => {
    expect(canRead(user(['national_admin'], null), link)).toBe(true);
    expect(canRead(user(['local_admin'], 'inst_adopter'), link)).toBe(true);
    expect(canRead(user(['unit_operator'], 'inst_origin'), link)).toBe(true);
    expect(canRead(user(['local_admin'], 'inst_third'), link)).toBe(false);
  });
});
