import { editionFixture, proposalFixture } from '../operator/testing-fixtures';
import {
  categoryUse,
  currentEdition,
  nextNudgeAllowedAt,
  reasonValid,
  stuckDrafts,
  validateNewOperator,
} from './local-admin-api';

describe('local admin figures', () => {
  const edition = editionFixture();
  const proposals = [
    proposalFixture({ proposalId: 'a', status: 'forwarded' }),
    proposalFixture({ proposalId: 'b', status: 'forwarded', categoryId: 'governance' }),
    proposalFixture({ proposalId: 'c', status: 'withdrawn' }),
    proposalFixture({ proposalId: 'd', status: 'forwarded', groupId: 'replication' }),
    proposalFixture({
      proposalId: 'e',
      status: 'submitted',
      statusSince: '2027-02-01T00:00:00.000Z',
    }),
    proposalFixture({
      proposalId: 'f',
      status: 'returned',
      statusSince: '2027-02-05T00:00:00.000Z',
    }),
    proposalFixture({ proposalId: 'g', status: 'forwarded', editionId: 'ed_2026' }),
  ];

  it('should count forwarded and in-progress proposals per category', () => {
    expect(categoryUse(edition, proposals)).toEqual([
      { categoryId: 'health', forwarded: 2, inProgress: 2 },
      { categoryId: 'governance', forwarded: 1, inProgress: 0 },
    ]);
  });

  it('should list who holds what since when, the longest-waiting first', () => {
    const rows = stuckDrafts(proposals, new Date('2027-02-11T00:00:00.000Z'));
    expect(rows.map((r) => [r.proposal.proposalId, r.sittingWith, r.days])).toEqual([
      ['e', 'local_admin', 10],
      ['f', 'unit', 6],
    ]);
  });

  it('should pick the edition in submission, else the newest', () => {
    const old = editionFixture({ editionId: 'ed_2026', currentPhase: 'results' });
    const next = editionFixture({
      editionId: 'ed_2028',
      currentPhase: null,
      configuration: { ...edition.configuration, year: 2028 },
    });
    expect(currentEdition([old, edition, next])?.editionId).toBe('ed_2027');
    expect(currentEdition([old, next])?.editionId).toBe('ed_2028');
  });

  it('should check a new operator as registration does', () => {
    expect(
      validateNewOperator({ userId: 'Op', name: ' ', email: 'x@', locale: 'id', unitId: '' }),
    ).toEqual({
      userId: 'invalid',
      name: 'invalid',
      email: 'invalid',
      unitId: 'invalid',
    });
    expect(
      validateNewOperator({
        userId: 'OP.Puskesmas',
        name: 'Sari',
        email: 'sari@bandung.go.id',
        locale: 'id',
        unitId: 'u1',
      }),
    ).toEqual({});
    expect(reasonValid('ok')).toBe(false);
    expect(reasonValid('pindah tugas')).toBe(true);
  });

  it('should read when the next nudge may go from a NUDGE_TOO_SOON answer, and nothing from others', () => {
    expect(nextNudgeAllowedAt({ nextAllowedAt: '2027-03-21T03:00:00.000Z' })).toBe(
      '2027-03-21T03:00:00.000Z',
    );
    for (const details of [undefined, null, 'soon', {}, { nextAllowedAt: 5 }]) {
      expect(nextNudgeAllowedAt(details)).toBeNull();
    }
  });
});
