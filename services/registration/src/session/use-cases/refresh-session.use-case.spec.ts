import type { CredentialsRepository } from '../credentials.repository';
import type { RefreshTokenRepository, RotationOutcome } from '../refresh-token.repository';
import { RefreshTokenInvalidError, RefreshTokenReusedError } from '../session.errors';
import type { RefreshToken } from '../session.schema';
import type { SessionIssuer } from '../session-issuer';
import { RefreshSessionUseCase } from './refresh-session.use-case';

const now = new Date('2027-01-21T02:30:00Z');
const token: RefreshToken = {
  _id: 'h',
  familyId: 'fam_1',
  accountId: 'acct_1',
  expiresAt: new Date(now.getTime() + 1000),
  rotatedAt: null,
  revokedAt: null,
  createdAt: now,
  updatedAt: now,
};

function setUp(outcome: RotationOutcome, status: 'active' | 'deactivated' = 'active') {
  const refreshTokens = {
    markRotated: jest.fn(() => Promise.resolve(outcome)),
    revokeFamily: jest.fn(() => Promise.resolve()),
  };
  const credentials = { findById: () => Promise.resolve({ _id: 'acct_1', status }) };
  const issuer = { issueTokens: jest.fn(() => Promise.resolve({ status: 'signed_in' })) };
  const useCase = new RefreshSessionUseCase(
    refreshTokens as unknown as RefreshTokenRepository,
    credentials as unknown as CredentialsRepository,
    issuer as unknown as SessionIssuer,
  );
  return { useCase, refreshTokens, issuer };
}

describe('RefreshSessionUseCase', () => {
  it('should issue a new pair in the same family', async () => {
    const { useCase, issuer } = setUp({ kind: 'rotated', token });
    await useCase.execute({ refreshToken: 't' }, now);
    expect(issuer.issueTokens).toHaveBeenCalledWith(
      expect.objectContaining({ _id: 'acct_1' }),
      'fam_1',
      now,
    );
  });

  it('should revoke the whole family when a rotated token comes back', async () => {
    const { useCase, refreshTokens, issuer } = setUp({
      kind: 'reused',
      token: { ...token, rotatedAt: now },
    });
    await expect(useCase.execute({ refreshToken: 't' }, now)).rejects.toThrow(
      RefreshTokenReusedError,
    );
    expect(refreshTokens.revokeFamily).toHaveBeenCalledWith('fam_1', now);
    expect(issuer.issueTokens).not.toHaveBeenCalled();
  });

  it('should give a deactivated account no new tokens', async () => {
    const { useCase, issuer } = setUp({ kind: 'rotated', token }, 'deactivated');
    await expect(useCase.execute({ refreshToken: 't' }, now)).rejects.toThrow(
      RefreshTokenInvalidError,
    );
    expect(issuer.issueTokens).not.toHaveBeenCalled();
  });

  it('should refuse an unknown, expired or revoked token', async () => {
    const { useCase } = setUp({ kind: 'invalid' });
    await expect(useCase.execute({ refreshToken: 't' }, now)).rejects.toThrow(
      RefreshTokenInvalidError,
    );
  });
});
