import type { AwardTier } from '@kipp/contracts';
import type { ApiClient } from '../../api/client';

const EVALUATION = '/api/evaluation';

/** One certificate of the caller's institution, as evaluation's `GET /me/certificates` gives it. */
export interface InstitutionCertificate {
  readonly certificateId: string;
  readonly proposalId: string;
  readonly editionId: string;
  readonly editionName: string;
  readonly year: number;
  readonly title: string;
  readonly tier: AwardTier;
  readonly status: 'active' | 'revoked';
  readonly verificationCode: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
  readonly revocationReason: string | null;
}

export const certificateApi = {
  mine: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ certificates: InstitutionCertificate[] }>(`${EVALUATION}/me/certificates`, {
      signal,
    }),
};

/** Where the certificate's PDF is downloaded (through the gateway, with the session's token). */
export const certificatePdfPath = (certificateId: string) =>
  `${EVALUATION}/certificates/${encodeURIComponent(certificateId)}.pdf`;
