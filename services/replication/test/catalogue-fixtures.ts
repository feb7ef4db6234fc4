import {
  AwardGrantedV1,
  InstitutionRegisteredV1,
  ProposalForwardedV1,
  proposalSnapshotExample,
  type AwardTier,
  type PayloadOf,
  type ProposalSnapshot,
} from '@kipp/contracts';
import type { ReplicationTestApp } from './replication-test-app';

/** Event payloads for the public innovation database's specs. */

export interface InstitutionFixture {
  institutionId: string;
  name: string;
  type: PayloadOf<typeof InstitutionRegisteredV1>['type'];
  provinceCode: string | null;
}

export function registered(
  institution: InstitutionFixture,
): PayloadOf<typeof InstitutionRegisteredV1> {
  return {
    ...institution,
    code: institution.institutionId,
    disadvantaged: false,
    registeredAt: '2025-01-10T02:00:00.000Z',
  };
}

export function snapshot(
  proposalId: string,
  institutionId: string,
  title: string,
  overrides: Partial<ProposalSnapshot> = {},
): ProposalSnapshot {
  return {
    ...proposalSnapshotExample,
    proposalId,
    institutionId,
    title,
    editionId: 'ed_2025',
    unitId: `unit_${institutionId}`,
    sections: [],
    sourceInnovationIds: [],
    ...overrides,
  };
}

export function forwarded(snap: ProposalSnapshot): PayloadOf<typeof ProposalForwardedV1> {
  return {
    snapshot: snap,
    forwardedBy: { kind: 'account', accountId: 'acct_local_admin' },
    forwardedAt: '2025-03-25T03:00:00.000Z',
  };
}

export function award(
  snap: Pick<ProposalSnapshot, 'proposalId' | 'institutionId' | 'title' | 'categoryId' | 'groupId'>,
  year: number,
  tiers: AwardTier[],
): PayloadOf<typeof AwardGrantedV1> {
  return {
    proposalId: snap.proposalId,
    editionId: `ed_${year}`,
    year,
    institutionId: snap.institutionId,
    unitId: `unit_${snap.institutionId}`,
    groupId: snap.groupId,
    categoryId: snap.categoryId,
    title: snap.title,
    tiers,
    snapshotVersion: 1,
    rank: 3,
    grantedAt: `${year}-07-15T03:00:00.000Z`,
  };
}

/** Forwards a proposal and awards it, as submissions and evaluation would. */
export async function forwardAndAward(
  app: ReplicationTestApp,
  snap: ProposalSnapshot,
  year: number,
  tiers: AwardTier[],
): Promise<void> {
  await app.publish(ProposalForwardedV1, forwarded(snap));
  await app.publish(AwardGrantedV1, award(snap, year, tiers));
}
