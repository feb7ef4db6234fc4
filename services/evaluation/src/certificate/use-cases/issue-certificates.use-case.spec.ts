import type { AuthenticatedUser } from '@kipp/auth';
import { CertificateIssuedV1, editionConfigurationExample } from '@kipp/contracts';
import type { OutboxNotifier } from '@kipp/messaging';
import type { Award } from '../../award/award.schema';
import type { EditionProjection } from '../../edition/edition.schema';
import { FinalResultsNotPublishedError } from '../../output/output.errors';
import type { OutputRepository } from '../../output/output.repository';
import type { CertificateRepository, NewCertificate } from '../certificate.repository';
import type { Certificate } from '../certificate.schema';
import { IssueCertificatesUseCase } from './issue-certificates.use-case';

const admin: AuthenticatedUser = {
  accountId: 'acct_admin',
  roles: ['national_admin'],
  institutionId: null,
  unitId: null,
  locale: 'id',
};

function award(id: string, tiers: Award['tiers']): Award {
  return {
    _id: id,
    editionId: 'ed_2027',
    institutionId: `inst_${id}`,
    tiers,
    rank: 1,
    title: `Inovasi ${id}`,
    groupId: 'general',
    categoryId: 'health',
  } as Award;
}

function setUp() {
  const stored: Certificate[] = [];
  const state = {
    published: true,
    awards: [award('p1', ['finalist', 'top', 'outstanding']), award('p2', ['finalist'])],
  };
  const output: Pick<OutputRepository, 'publishedEdition' | 'awardSources'> = {
    publishedEdition: (editionId: string) =>
      state.published
        ? Promise.resolve({ configuration: editionConfigurationExample } as EditionProjection)
        : Promise.reject(new FinalResultsNotPublishedError(editionId)),
    awardSources: () =>
      Promise.resolve({ awards: state.awards, institutions: new Map(), proposals: new Map() }),
  };
  const activeFor = (proposalId: string) =>
    stored.find((c) => c.proposalId === proposalId && c.status === 'active');
  const insert = (certificate: NewCertificate) => {
    // The partial unique index on the award id of active certificates.
    if (activeFor(certificate.proposalId)) return false;
    stored.push({
      ...certificate,
      status: 'active',
      revokedAt: null,
      revocationReason: null,
    } as Certificate);
    return true;
  };
  const revoke = (certificateId: string, reason: string, at: Date) => {
    const certificate = stored.find((c) => c._id === certificateId && c.status === 'active');
    if (!certificate) return false;
    Object.assign(certificate, { status: 'revoked', revokedAt: at, revocationReason: reason });
    return true;
  };
  const certificates: Pick<
    CertificateRepository,
    'listActiveForEdition' | 'insertNew' | 'revoke' | 'replace'
  > = {
    listActiveForEdition: () => Promise.resolve(stored.filter((c) => c.status === 'active')),
    insertNew: (fresh: readonly NewCertificate[]) => {
      fresh.forEach(insert);
      return Promise.resolve();
    },
    revoke: (certificateId, reason, at) => Promise.resolve(revoke(certificateId, reason, at)),
    replace: (certificateId, replacement, at) =>
      Promise.resolve(
        revoke(certificateId, `superseded by ${replacement._id}`, at) && insert(replacement),
      ),
  };
  const nudge = jest.fn();
  const useCase = new IssueCertificatesUseCase(
    output as OutputRepository,
    certificates as CertificateRepository,
    { nudge } as unknown as OutboxNotifier,
  );
  return { useCase, stored, nudge, state };
}

describe('IssueCertificatesUseCase', () => {
  it('should issue one certificate per award at its highest tier with its event when first called', async () => {
    const { useCase, stored, nudge } = setUp();
    const result = await useCase.execute(admin, 'ed_2027', new Date('2027-07-20T03:00:00.000Z'));
    expect(result).toMatchObject({ issued: 2, alreadyIssued: 0, revoked: 0 });
    expect(stored.map((c) => [c.proposalId, c.tier])).toEqual([
      ['p1', 'outstanding'],
      ['p2', 'finalist'],
    ]);
    const [first] = stored;
    expect(first?.outbox).toHaveLength(1);
    expect(first?.outbox[0]).toMatchObject({ topic: CertificateIssuedV1.topic, key: 'p1' });
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should change nothing and publish nothing when called again with unchanged awards', async () => {
    const { useCase, stored, nudge } = setUp();
    await useCase.execute(admin, 'ed_2027');
    const codes = stored.map((c) => c.verificationCode);
    const again = await useCase.execute(admin, 'ed_2027');
    expect(again).toMatchObject({ issued: 0, alreadyIssued: 2, revoked: 0 });
    expect(stored.map((c) => c.verificationCode)).toEqual(codes);
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should revoke the old certificate and issue one for the new tier when the highest tier changed', async () => {
    const { useCase, stored, nudge, state } = setUp();
    await useCase.execute(admin, 'ed_2027');
    const old = stored.find((c) => c.proposalId === 'p1')!;
    state.awards = [award('p1', ['finalist', 'top']), award('p2', ['finalist'])];
    const at = new Date('2027-08-01T00:00:00.000Z');
    const result = await useCase.execute(admin, 'ed_2027', at);
    expect(result).toMatchObject({ issued: 1, alreadyIssued: 1, revoked: 1 });
    const replacement = result.certificates.find((c) => c.proposalId === 'p1')!;
    expect(replacement).toMatchObject({ tier: 'top', status: 'active' });
    expect(replacement.verificationCode).not.toBe(old.verificationCode);
    expect(replacement.outbox[0]).toMatchObject({ topic: CertificateIssuedV1.topic, key: 'p1' });
    expect(old).toMatchObject({
      status: 'revoked',
      revokedAt: at,
      revocationReason: `superseded by ${replacement._id}`,
    });
    expect(nudge).toHaveBeenCalledTimes(2);
  });

  it('should revoke the certificate without a replacement when the award is gone', async () => {
    const { useCase, stored, state } = setUp();
    await useCase.execute(admin, 'ed_2027');
    state.awards = [award('p1', ['finalist', 'top', 'outstanding'])];
    const result = await useCase.execute(admin, 'ed_2027');
    expect(result).toMatchObject({ issued: 0, alreadyIssued: 1, revoked: 1 });
    expect(stored.find((c) => c.proposalId === 'p2')).toMatchObject({
      status: 'revoked',
      revocationReason: 'award withdrawn',
    });
  });

  it('should refuse with RESULTS_NOT_PUBLISHED when the final results are not published', async () => {
    const { useCase, stored, state } = setUp();
    state.published = false;
    await expect(useCase.execute(admin, 'ed_2027')).rejects.toMatchObject({
      code: 'RESULTS_NOT_PUBLISHED',
    });
    expect(stored).toEqual([]);
  });
});
