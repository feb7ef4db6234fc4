import { PDFDocument } from 'pdf-lib';
import type { AuthenticatedUser } from '@kipp/auth';
import type { CertificateRepository } from '../certificate.repository';
import type { Certificate } from '../certificate.schema';
import { RenderCertificateUseCase } from './render-certificate.use-case';

function user(
  roles: AuthenticatedUser['roles'],
  institutionId: string | null = null,
): AuthenticatedUser {
  return { accountId: 'acct_x', roles, institutionId, unitId: null, locale: 'id' };
}

const certificate = {
  _id: 'cert_1',
  proposalId: 'prop_1',
  editionId: 'ed_2027',
  editionName: 'KIPP 2027',
  year: 2027,
  institutionId: 'inst_a',
  institutionName: 'Kota A',
  title: 'Inovasi',
  tier: 'top',
  verificationCode: 'ABCDEFGHJKLM',
  issuedBy: 'acct_admin',
  issuedAt: new Date('2027-07-20T00:00:00.000Z'),
} as Certificate;

const useCase = new RenderCertificateUseCase(
  {
    findById: (id: string) => Promise.resolve(id === 'cert_1' ? certificate : null),
  } as CertificateRepository,
  { publicBaseUrl: 'https://kipp.example', verifyRateLimit: 1, verifyRateWindowSeconds: 1 },
);

describe('RenderCertificateUseCase', () => {
  it('should render the QR target from the public base URL when the institution asks', async () => {
    const file = await useCase.execute(user(['unit_operator'], 'inst_a'), 'cert_1');
    const parsed = await PDFDocument.load(file.body);
    expect(parsed.getKeywords()).toContain('https://kipp.example/verify/ABCDEFGHJKLM');
  });

  it('should answer CERTIFICATE_NOT_FOUND when another institution or a panelist asks', async () => {
    for (const actor of [user(['local_admin'], 'inst_b'), user(['panelist'])]) {
      await expect(useCase.execute(actor, 'cert_1')).rejects.toMatchObject({
        code: 'CERTIFICATE_NOT_FOUND',
      });
    }
  });
});
