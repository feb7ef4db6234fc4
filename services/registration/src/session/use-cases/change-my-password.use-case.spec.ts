import type { Connection } from 'mongoose';
import { AuthError } from '@kipp/auth';
import type { PasswordHasher } from '../../account/password-hasher';
import type { Credentials, CredentialsRepository } from '../credentials.repository';
import type { IpRateLimiter } from '../ip-rate-limiter';
import { hashToken } from '../opaque-token';
import type { RefreshTokenRepository } from '../refresh-token.repository';
import type { RefreshToken } from '../session.schema';
import {
  CurrentPasswordInvalidError,
  PasswordPolicyError,
  TooManyAttemptsError,
} from '../session.errors';
import { ChangeMyPasswordUseCase } from './change-my-password.use-case';
import { account, localAdmin, now, settings } from './second-factor-fixtures';

const current = 'Kata-Sandi-Lama-2027';
const next = 'Kata-Sandi-Baru-2027';

function token(overrides: Partial<RefreshToken> = {}): RefreshToken {
  return {
    _id: hashToken('mine'),
    familyId: 'family_mine',
    accountId: 'acct_1',
    expiresAt: new Date(now.getTime() + 3600_000),
    rotatedAt: null,
    revokedAt: null,
    ...overrides,
  } as RefreshToken;
}

function setUp(stored: Credentials | null, found: RefreshToken | null = null) {
  const hasher = {
    hash: (password: string) => Promise.resolve(`hash:${password}`),
    verify: (password: string, hash: string) => Promise.resolve(hash === `hash:${password}`),
  };
  const credentials = {
    findById: () => Promise.resolve(stored),
    recordFailedSignIn: jest.fn(() => Promise.resolve()),
    recordSuccessfulSignIn: jest.fn(() => Promise.resolve()),
    setPassword: jest.fn(() => Promise.resolve(true)),
  };
  const refreshTokens = {
    findByHash: jest.fn(() => Promise.resolve(found)),
    revokeAllOfAccount: jest.fn(() => Promise.resolve()),
  };
  const rateLimiter = { consume: jest.fn(() => Promise.resolve()) };
  const connection = {
    transaction: (fn: (session: unknown) => Promise<unknown>) => fn('session'),
  };
  const useCase = new ChangeMyPasswordUseCase(
    credentials as unknown as CredentialsRepository,
    refreshTokens as unknown as RefreshTokenRepository,
    hasher as unknown as PasswordHasher,
    rateLimiter as unknown as IpRateLimiter,
    settings,
    connection as unknown as Connection,
  );
  return { useCase, credentials, refreshTokens, rateLimiter };
}

const stored = (overrides: Partial<Credentials> = {}) =>
  account({ passwordHash: `hash:${current}`, ...overrides });

describe('ChangeMyPasswordUseCase', () => {
  it('should set the new password and end every session but the caller’s when its refresh token comes along', async () => {
    const { useCase, credentials, refreshTokens, rateLimiter } = setUp(stored(), token());

    await useCase.execute(
      localAdmin,
      { currentPassword: current, newPassword: next, refreshToken: 'mine' },
      '10.0.0.1',
      now,
    );

    expect(rateLimiter.consume).toHaveBeenCalledWith('signin', '10.0.0.1');
    expect(credentials.setPassword).toHaveBeenCalledWith(
      'acct_1',
      {
        passwordHash: `hash:${next}`,
        action: 'password_changed',
        by: 'acct_1',
        detail: { via: 'account_settings', callerSessionKept: true },
      },
      now,
      'session',
    );
    expect(refreshTokens.revokeAllOfAccount).toHaveBeenCalledWith(
      'acct_1',
      now,
      'session',
      'family_mine',
    );
  });

  it.each([
    ['of another account', token({ accountId: 'acct_2' })],
    ['that was revoked', token({ revokedAt: now })],
    ['that expired', token({ expiresAt: now })],
    ['that is unknown', null],
  ])('should end every session when the refresh token is one %s', async (_case, found) => {
    const { useCase, refreshTokens } = setUp(stored(), found);
    await useCase.execute(
      localAdmin,
      { currentPassword: current, newPassword: next, refreshToken: 'mine' },
      '10.0.0.1',
      now,
    );
    expect(refreshTokens.revokeAllOfAccount).toHaveBeenCalledWith(
      'acct_1',
      now,
      'session',
      undefined,
    );
  });

  it('should refuse a wrong current password and count it towards the lockout', async () => {
    const { useCase, credentials } = setUp(stored());
    await expect(
      useCase.execute(localAdmin, { currentPassword: 'wrong', newPassword: next }, 'ip', now),
    ).rejects.toThrow(CurrentPasswordInvalidError);
    expect(credentials.recordFailedSignIn).toHaveBeenCalledWith(
      'acct_1',
      { maxFailures: 5, baseSeconds: 60, maxSeconds: 3600 },
      now,
    );
    expect(credentials.setPassword).not.toHaveBeenCalled();
  });

  it('should answer TOO_MANY_ATTEMPTS while the account is locked, even to the right password', async () => {
    const lockedUntil = new Date(now.getTime() + 90_000);
    const { useCase, credentials } = setUp(stored({ lockedUntil, failedSignIns: 5 }));
    const attempt = useCase.execute(
      localAdmin,
      { currentPassword: current, newPassword: next },
      'ip',
      now,
    );
    await expect(attempt).rejects.toThrow(TooManyAttemptsError);
    await expect(attempt).rejects.toMatchObject({ retryAfterSeconds: 90 });
    expect(credentials.setPassword).not.toHaveBeenCalled();
  });

  it('should refuse the current password again and name every broken rule', async () => {
    const { useCase, credentials } = setUp(stored());
    await expect(
      useCase.execute(localAdmin, { currentPassword: current, newPassword: current }, 'ip', now),
    ).rejects.toMatchObject({ rules: ['SAME_AS_CURRENT'] });
    await expect(
      useCase.execute(localAdmin, { currentPassword: current, newPassword: 'short' }, 'ip', now),
    ).rejects.toThrow(PasswordPolicyError);
    expect(credentials.setPassword).not.toHaveBeenCalled();
  });

  it('should refuse a deactivated account as an invalid token', async () => {
    const { useCase } = setUp(stored({ status: 'deactivated' }));
    await expect(
      useCase.execute(localAdmin, { currentPassword: current, newPassword: next }, 'ip', now),
    ).rejects.toThrow(AuthError);
  });
});
