import { AuthError } from '@kipp/auth';
import type { Credentials, CredentialsRepository } from '../credentials.repository';
import type { PendingSecondFactorRepository } from '../pending-second-factor.repository';
import { unsealFromString } from '@kipp/service-kit';
import { SecondFactorAlreadyEnabledError } from '../session.errors';
import { account, localAdmin, now, settings } from './second-factor-fixtures';
import { StartSecondFactorUseCase } from './start-second-factor.use-case';

function setUp(stored: Credentials | null) {
  const credentials = { findById: jest.fn(() => Promise.resolve(stored)) };
  const pending = { offer: jest.fn((..._args: [string, string, Date]) => Promise.resolve()) };
  const useCase = new StartSecondFactorUseCase(
    credentials as unknown as CredentialsRepository,
    pending as unknown as PendingSecondFactorRepository,
    settings,
  );
  return { useCase, pending };
}

describe('StartSecondFactorUseCase', () => {
  it('should offer a secret and keep it only sealed, for the challenge lifetime, when TOTP is off', async () => {
    const { useCase, pending } = setUp(account());
    const offer = await useCase.execute(localAdmin, now);

    expect(offer.otpauthUri).toContain(`secret=${offer.secret}`);
    expect(offer.otpauthUri).toContain('admin.bandung');
    const [accountId, sealed, expiresAt] = pending.offer.mock.calls[0] ?? [];
    expect(accountId).toBe('acct_1');
    expect(sealed).not.toContain(offer.secret);
    expect(unsealFromString(sealed ?? '', settings.totpSealingKey)).toBe(offer.secret);
    expect(expiresAt).toEqual(new Date(now.getTime() + 600_000));
  });

  it('should refuse with SECOND_FACTOR_ALREADY_ENABLED when TOTP is already on', async () => {
    const { useCase, pending } = setUp(account({ totpEnabledAt: now, totpSecretSealed: 's' }));
    await expect(useCase.execute(localAdmin, now)).rejects.toThrow(SecondFactorAlreadyEnabledError);
    expect(pending.offer).not.toHaveBeenCalled();
  });

  it('should refuse when the account behind the token was deactivated', async () => {
    const { useCase } = setUp(account({ status: 'deactivated' }));
    await expect(useCase.execute(localAdmin, now)).rejects.toThrow(AuthError);
  });
});
