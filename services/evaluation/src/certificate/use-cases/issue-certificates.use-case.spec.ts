import type { AuthenticatedUser } from '@kipp/auth';
import { CertificateIssuedV1, editionConfigurationExample } from '@kipp/contracts';
import type { OutboxNotifier } from '@kipp/messaging';
import type { Award } from '../../award/award.schema';
import type { EditionProjection } from '../../edition/edition.schema';
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
  const output: Pick<OutputRepository, 'evaluationEdition' | 'awardSources'> = {
    evaluationEdition: () =>
      Promise.resolve({ configuration: editionConfigurationExample } as EditionProjection),
    awardSources: () =>
      Promise.resolve({
        awards: [award('p1', ['finalist', 'top', 'outstanding']), award('p2', ['finalist'])],
        institutions: new Map(),
        proposals: new Map(),
      }),
  };
  const certificates: Pick<CertificateRepository, 'listForEdition' | 'insertNew'> = {
    listForEdition: () => Promise.resolve([...stored]),
    insertNew: (fresh: readonly NewCertificate[]) => {
      for (const certificate of fresh) {
        // The unique index on the award id.
        if (!stored.some((existing) => existing.proposalId === certificate.proposalId)) {
          stored.push(certificate as Certificate);
        }
      }
      return Promise.resolve();
    },
  };
  const nudge = jest.fn();
  const useCase = new IssueCertificatesUseCase(
    output as OutputRepository,
    certificates as CertificateRepository,
    { nudge } as unknown as OutboxNotifier,
  );
  return { useCase, stored, nudge };
}

describe('IssueCertificatesUseCase', () => {
  it('should issue one certificate per award at its highest tier with its event when first called', async () => {
    const { useCase, stored, nudge } = setUp();
    const result = await useCase.execute(admin, 'ed_2027', new Date('2027-07-20T03:00:00.000Z'));
    expect(result).toMatchObject({ issued: 2, alreadyIssued: 0 });
    expect(stored.map((c) => [c.proposalId, c.tier])).toEqual([
      ['p1', 'outstanding'],
      ['p2', 'finalist'],
    ]);
    const [first] = stored;
    expect(first?.outbox).toHaveLength(1);
    expect(first?.outbox[0]).toMatchObject({ topic: CertificateIssuedV1.topic, key: 'p1' });
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should change nothing and publish nothing when called again', async () => {
    const { useCase, stored, nudge } = setUp();
    await useCase.execute(admin, 'ed_2027');
    const codes = stored.map((c) => c.verificationCode);
    const again = await useCase.execute(admin, 'ed_2027');
    expect(again).toMatchObject({ issued: 0, alreadyIssued: 2 });
    expect(stored.map((c) => c.verificationCode)).toEqual(codes);
    expect(nudge).toHaveBeenCalledTimes(1);
  });
});
