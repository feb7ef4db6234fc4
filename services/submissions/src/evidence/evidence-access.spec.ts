import { AuthError, type Role } from '@kipp/auth';
import { proposalSnapshotExample, type ProposalSnapshot } from '@kipp/contracts';
import { authenticatedUser } from '@kipp/testing';
import type { ProposalEvidence } from '../proposal/proposal.schema';
import { NO_READER_GRANT, type ReaderGrant } from '../reader-grant/reader-grant';
import { visibleEvidence } from './evidence-access';
import { ProposalNotFoundError } from './evidence.errors';
import type { ProposalForEvidence } from './evidence.repository';

const frozen: ProposalSnapshot['evidence'][number] = {
  evidenceId: 'service-standard',
  fileId: 'file_frozen',
  filename: 'standar-pelayanan.pdf',
  contentType: 'application/pdf',
  sizeBytes: 482_113,
  sha256: 'a'.repeat(64),
};
const current: ProposalEvidence = {
  ...frozen,
  fileId: 'file_current',
  uploadedBy: 'acct_unit',
  uploadedAt: new Date('2027-03-25T02:00:00Z'),
};

const proposal: ProposalForEvidence = {
  _id: proposalSnapshotExample.proposalId,
  editionId: proposalSnapshotExample.editionId,
  groupId: 'general',
  institutionId: proposalSnapshotExample.institutionId,
  unitId: proposalSnapshotExample.unitId,
  status: 'forwarded',
  revision: 4,
  // The unit replaced the file after the forward: the snapshot keeps the old one.
  evidence: [current],
  snapshots: [{ ...proposalSnapshotExample, evidence: [frozen] }],
};

const ASSIGNED: ReaderGrant = { assigned: true, finalist: false };
const FINALIST: ReaderGrant = { assigned: false, finalist: true };
const BOTH: ReaderGrant = { assigned: true, finalist: true };

const user = (roles: Role[]) =>
  authenticatedUser(roles, {
    institutionId: roles.some((r) => r === 'local_admin' || r === 'unit_operator')
      ? proposal.institutionId
      : null,
    unitId: roles.includes('unit_operator') ? proposal.unitId : null,
  });

describe('visibleEvidence', () => {
  it.each([
    ['an assigned evaluator', ['evaluator'], ASSIGNED],
    ['a panelist when the proposal is a finalist', ['panelist'], FINALIST],
    ['the national admin', ['national_admin'], NO_READER_GRANT],
  ] as const)('should show %s a file in a forwarded snapshot', (_who, roles, grant) => {
    expect(visibleEvidence(user([...roles]), proposal, frozen.fileId, grant)).toEqual(frozen);
  });

  it.each([
    ['an assigned evaluator', ['evaluator'], ASSIGNED],
    ['a panelist when the proposal is a finalist', ['panelist'], FINALIST],
    ['the national admin', ['national_admin'], NO_READER_GRANT],
  ] as const)(
    "should hide from %s the unit's current file that no snapshot holds",
    (_who, roles, grant) => {
      expect(visibleEvidence(user([...roles]), proposal, current.fileId, grant)).toBeNull();
    },
  );

  it.each([
    ['an evaluator not assigned the proposal', ['evaluator'], FINALIST],
    ['a panelist when the proposal is no finalist', ['panelist'], ASSIGNED],
    ['an evaluator and panelist with neither grant', ['evaluator', 'panelist'], NO_READER_GRANT],
  ] as const)('should answer %s as if the proposal did not exist', (_who, roles, grant) => {
    for (const fileId of [frozen.fileId, current.fileId, 'file_unknown']) {
      expect(() => visibleEvidence(user([...roles]), proposal, fileId, grant)).toThrow(
        ProposalNotFoundError,
      );
    }
  });

  it('should show the unit and its local admin current and snapshotted files when they ask', () => {
    for (const roles of [['unit_operator'], ['local_admin']] as Role[][]) {
      expect(visibleEvidence(user(roles), proposal, current.fileId, NO_READER_GRANT)).toEqual(
        current,
      );
      expect(visibleEvidence(user(roles), proposal, frozen.fileId, NO_READER_GRANT)).toEqual(
        frozen,
      );
    }
  });

  it('should refuse a unit operator of another unit as before when it asks', () => {
    const other = authenticatedUser(['unit_operator'], {
      institutionId: proposal.institutionId,
      unitId: 'unit_other',
    });
    expect(() => visibleEvidence(other, proposal, current.fileId, NO_READER_GRANT)).toThrow(
      AuthError,
    );
  });

  it('should answer a granted reader as missing when the file is not this proposal', () => {
    expect(visibleEvidence(user(['evaluator']), proposal, 'file_unknown', BOTH)).toBeNull();
  });
});
