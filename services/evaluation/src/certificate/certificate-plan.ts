import type { AwardRow } from '../output/award-rows';
import type { Certificate } from './certificate.schema';

/** What issuing has to do to make an edition's active certificates follow its awards. */
export interface CertificatePlan {
  /** Awards whose active certificate still states their highest tier. */
  unchanged: Certificate[];
  /** Awards without an active certificate. */
  issue: AwardRow[];
  /** Awards whose highest tier changed: revoke the certificate, issue one for the new tier. */
  replace: { certificate: Certificate; row: AwardRow }[];
  /** Active certificates whose award is gone (or has no tier left). */
  withdraw: Certificate[];
}

export function planCertificates(
  rows: readonly AwardRow[],
  active: readonly Certificate[],
): CertificatePlan {
  const byProposal = new Map(active.map((certificate) => [certificate.proposalId, certificate]));
  const plan: CertificatePlan = { unchanged: [], issue: [], replace: [], withdraw: [] };
  const awarded = new Set<string>();
  for (const row of rows) {
    awarded.add(row.proposalId);
    const certificate = byProposal.get(row.proposalId);
    if (!certificate) plan.issue.push(row);
    else if (certificate.tier === row.tier) plan.unchanged.push(certificate);
    else plan.replace.push({ certificate, row });
  }
  plan.withdraw = active.filter((certificate) => !awarded.has(certificate.proposalId));
  return plan;
}

export function isSettled(plan: CertificatePlan): boolean {
  return plan.issue.length === 0 && plan.replace.length === 0 && plan.withdraw.length === 0;
}

export const AWARD_WITHDRAWN = 'award withdrawn';
