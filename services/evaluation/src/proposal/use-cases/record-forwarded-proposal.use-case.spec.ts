import type { ClientSession } from 'mongoose';
import {
  InstitutionRegisteredV1,
  ProposalForwardedV1,
  proposalSnapshotExample,
} from '@kipp/contracts';
import type { InstitutionRepository } from '../../institution/institution.repository';
import { RecordInstitutionUseCase } from '../../institution/use-cases/record-institution.use-case';
import type { ForwardedProposal, ProposalRepository } from '../proposal.repository';
import type { EvaluationProposal } from '../proposal.schema';
import {
  RecordForwardedProposalUseCase,
  type ProposalForwarded,
} from './record-forwarded-proposal.use-case';

const session = {} as ClientSession;
const bandung = { ...InstitutionRegisteredV1.example, _id: 'inst_3273', revision: 0 };

function setUp(stored: Partial<EvaluationProposal> | null, institution: unknown = null) {
  const applied: ForwardedProposal[] = [];
  const filled: unknown[] = [];
  const upserted: unknown[] = [];
  const proposals = {
    findById: () => Promise.resolve(stored),
    applyForwarded: (forwarded: ForwardedProposal) => Promise.resolve(void applied.push(forwarded)),
    fillMissingInstitution: (...args: unknown[]) => Promise.resolve(void filled.push(args)),
  } as unknown as ProposalRepository;
  const institutions = {
    findById: () => Promise.resolve(institution),
    upsert: (record: unknown) => Promise.resolve(void upserted.push(record)),
  } as unknown as InstitutionRepository;
  return {
    forwarded: new RecordForwardedProposalUseCase(proposals, institutions),
    institution: new RecordInstitutionUseCase(institutions, proposals),
    applied,
    filled,
    upserted,
  };
}

const event = (snapshotVersion: number) =>
  ({
    payload: {
      ...ProposalForwardedV1.example,
      snapshot: { ...proposalSnapshotExample, snapshotVersion },
    },
  }) as unknown as ProposalForwarded;

describe('RecordForwardedProposalUseCase', () => {
  it('should store a first snapshot with the institution when the projection has it', async () => {
    const { forwarded, applied } = setUp(null, bandung);
    await forwarded.execute(event(1), session);
    expect(applied.map((a) => [a.snapshot.snapshotVersion, a.institution])).toEqual([
      [
        1,
        { name: 'Pemerintah Kota Bandung', type: 'city', provinceCode: '32', disadvantaged: false },
      ],
    ]);
  });

  it('should ignore a snapshot version not newer than the stored one', async () => {
    const { forwarded, applied } = setUp({ snapshotVersion: 2 });
    await forwarded.execute(event(2), session);
    await forwarded.execute(event(1), session);
    expect(applied).toEqual([]);
    await forwarded.execute(event(3), session);
    expect(applied).toHaveLength(1);
  });
});

describe('RecordInstitutionUseCase', () => {
  it('should ignore a stale revision and fill the institution on proposals for a newer one', async () => {
    const { institution, upserted, filled } = setUp(null, { ...bandung, revision: 2 });
    await institution.execute({ ...InstitutionRegisteredV1.example, revision: 0 }, session);
    await institution.execute({ ...InstitutionRegisteredV1.example, revision: 2 }, session);
    expect(upserted).toEqual([]);
    await institution.execute(
      { ...InstitutionRegisteredV1.example, name: 'Kota Bandung', revision: 3 },
      session,
    );
    expect(upserted).toEqual([expect.objectContaining({ name: 'Kota Bandung', revision: 3 })]);
    expect(filled).toEqual([
      ['inst_3273', expect.objectContaining({ name: 'Kota Bandung' }), session],
    ]);
  });
});
