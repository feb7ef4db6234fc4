import type { AwardTier } from '@kipp/contracts';
import type { AwardRow } from '../output/award-rows';
import { isSettled, planCertificates } from './certificate-plan';
import type { Certificate } from './certificate.schema';

const row = (proposalId: string, tier: AwardTier) => ({ proposalId, tier }) as AwardRow;
const active = (proposalId: string, tier: AwardTier) =>
  ({ _id: `cert_${proposalId}`, proposalId, tier, status: 'active' }) as Certificate;

describe('planCertificates', () => {
  it('should keep every certificate and do nothing when no award changed', () => {
    const plan = planCertificates(
      [row('p1', 'outstanding'), row('p2', 'finalist')],
      [active('p1', 'outstanding'), active('p2', 'finalist')],
    );
    expect(plan.unchanged.map((c) => c.proposalId)).toEqual(['p1', 'p2']);
    expect(isSettled(plan)).toBe(true);
  });

  it('should replace the certificate when the award highest tier changed', () => {
    const plan = planCertificates([row('p1', 'top')], [active('p1', 'outstanding')]);
    expect(plan.replace).toEqual([
      { certificate: active('p1', 'outstanding'), row: row('p1', 'top') },
    ]);
    expect(plan.unchanged).toEqual([]);
    expect(isSettled(plan)).toBe(false);
  });

  it('should withdraw the certificate when the award is gone', () => {
    const plan = planCertificates(
      [row('p2', 'finalist')],
      [active('p1', 'top'), active('p2', 'finalist')],
    );
    expect(plan.withdraw.map((c) => c.proposalId)).toEqual(['p1']);
    expect(plan.unchanged.map((c) => c.proposalId)).toEqual(['p2']);
  });

  it('should issue for an award when it has no active certificate', () => {
    const plan = planCertificates([row('p3', 'top')], []);
    expect(plan.issue.map((r) => r.proposalId)).toEqual(['p3']);
  });
});
