import type { PasswordHasher } from '../../account/password-hasher';
import type { Credentials, CredentialsRepository } from '../credentials.repository';
import type { IpRateLimiter } from '../ip-rate-limiter';
import { SignInFailedError, TooManyAttemptsError } from '../session.errors';
import type { SessionIssuer } from '../session-issuer';
import type { SessionSettings } from '../session.settings';
import { SignInUseCase } from './sign-in.use-case';

const now = new Date('2027-01-21T02:30:00Z');

function account(overrides: Partial<Credentials> = {}): Credentials {
  return {
    _id: 'acct_1',
    userId: 'upp.bandung',
    name: 'Siti',
    email: 'siti@bandung.go.id',
    locale: 'id',
    roles: ['unit_operator'],
    institutionId: 'inst_1',
    unitId: 'unit_1',
    status: 'active',
    passwordHash: 'hash:right',
    mustChangePassword: false,
    failedSignIns: 0,
    lockedUntil: null,
    totpSecretSealed: null,
    totpEnabledAt: null,
    ...overrides,
  };
}

function setUp(stored: Credentials | null, { rateLimited = false } = {}) {
  const verified: string[] = [];
  const hasher = {
    hash: (password: string) => Promise.resolve(`hash:${password}`),
    verify: (password: string, hash: string) => {
      verified.push(hash);
      return Promise.resolve(hash === `hash:${password}`);
    },
  };
  const credentials = {
    findByUserId: jest.fn(() => Promise.resolve(stored)),
    recordFailedSignIn: jest.fn(() => Promise.resolve()),
    recordSuccessfulSignIn: jest.fn(() => Promise.resolve()),
  };
  const issuer = { continueSignIn: jest.fn(() => Promise.resolve({ status: 'signed_in' })) };
  const rateLimiter = {
    consume: () => (rateLimited ? Promise.reject(new TooManyAttemptsError(60)) : Promise.resolve()),
  };
  const settings = { maxFailedSignIns: 5, lockoutBaseSeconds: 60, lockoutMaxSeconds: 3600 };
  const useCase = new SignInUseCase(
    credentials as unknown as CredentialsRepository,
    hasher as unknown as PasswordHasher,
    rateLimiter as unknown as IpRateLimiter,
    issuer as unknown as SessionIssuer,
    settings as SessionSettings,
  );
  return { useCase, credentials, issuer, verified };
}

describe('SignInUseCase', () => {
  it('should go on to the next step when the password is right', async () => {
    const { useCase, issuer } = setUp(account());
    await expect(
      useCase.execute({ userId: 'upp.bandung', password: 'right' }, '1.2.3.4', now),
    ).resolves.toEqual({
      status: 'signed_in',
    });
    expect(issuer.continueSignIn).toHaveBeenCalledTimes(1);
  });

  it('should count a wrong password against the account', async () => {
    const { useCase, credentials } = setUp(account());
    await expect(
      useCase.execute({ userId: 'u', password: 'wrong' }, '1.2.3.4', now),
    ).rejects.toThrow(SignInFailedError);
    expect(credentials.recordFailedSignIn).toHaveBeenCalledWith(
      'acct_1',
      { maxFailures: 5, baseSeconds: 60, maxSeconds: 3600 },
      now,
    );
  });

  it('should still spend a hash verification when the account does not exist', async () => {
    const { useCase, verified } = setUp(null);
    await expect(
      useCase.execute({ userId: 'ghost', password: 'x' }, '1.2.3.4', now),
    ).rejects.toThrow(SignInFailedError);
    expect(verified).toHaveLength(1);
  });

  it('should not consult the real hash while the account is locked, even for the right password', async () => {
    const { useCase, verified, issuer, credentials } = setUp(
      account({ failedSignIns: 5, lockedUntil: new Date(now.getTime() + 60_000) }),
    );
    await expect(
      useCase.execute({ userId: 'u', password: 'right' }, '1.2.3.4', now),
    ).rejects.toThrow(SignInFailedError);
    expect(verified).not.toContain('hash:right');
    expect(issuer.continueSignIn).not.toHaveBeenCalled();
    expect(credentials.recordFailedSignIn).not.toHaveBeenCalled();
  });

  it('should refuse a deactivated account like a wrong password', async () => {
    const { useCase, issuer } = setUp(account({ status: 'deactivated' }));
    await expect(
      useCase.execute({ userId: 'u', password: 'right' }, '1.2.3.4', now),
    ).rejects.toThrow(SignInFailedError);
    expect(issuer.continueSignIn).not.toHaveBeenCalled();
  });

  it('should clear the failure count after a lock has passed and the password is right', async () => {
    const { useCase, credentials } = setUp(
      account({ failedSignIns: 5, lockedUntil: new Date(now.getTime() - 1) }),
    );
    await useCase.execute({ userId: 'u', password: 'right' }, '1.2.3.4', now);
    expect(credentials.recordSuccessfulSignIn).toHaveBeenCalledWith('acct_1');
  });

  it('should look nothing up once the IP has spent its attempts', async () => {
    const { useCase, credentials } = setUp(account(), { rateLimited: true });
    await expect(
      useCase.execute({ userId: 'u', password: 'right' }, '1.2.3.4', now),
    ).rejects.toThrow(TooManyAttemptsError);
    expect(credentials.findByUserId).not.toHaveBeenCalled();
  });
});
