import { generateTotpSecret, timeStepOf, totpCode, type AuthenticatedUser } from '@kipp/auth';
import type { Credentials, CredentialsRepository } from '../credentials.repository';
import { sealToString } from '@kipp/service-kit';
import { SecondFactor } from '../second-factor';
import {
  SecondFactorCodeInvalidError,
  SecondFactorNotEnabledError,
  SecondFactorRequiredError,
} from '../session.errors';
import { ROLES_REQUIRING_TOTP } from '../session-issuer';
import { DisableSecondFactorUseCase } from './disable-second-factor.use-case';
import { account, localAdmin, now, settings } from './second-factor-fixtures';

const secret = generateTotpSecret();
const rightCode = totpCode(secret, timeStepOf(now));
const enabled = {
  totpSecretSealed: sealToString(secret, settings.totpSealingKey),
  totpEnabledAt: new Date('2027-01-01T00:00:00Z'),
};

function setUp(stored: Credentials) {
  const credentials = {
    findById: () => Promise.resolve(stored),
    disableTotp: jest.fn(() => Promise.resolve(true)),
    recordFailedSignIn: jest.fn(() => Promise.resolve()),
    claimTotpStep: () => Promise.resolve(true),
  };
  const repository = credentials as unknown as CredentialsRepository;
  const useCase = new DisableSecondFactorUseCase(
    repository,
    new SecondFactor(repository),
    settings,
  );
  return { useCase, credentials };
}

describe('DisableSecondFactorUseCase', () => {
  it('should turn TOTP off with a current code when the role does not require it', async () => {
    const { useCase, credentials } = setUp(account(enabled));
    await useCase.execute(localAdmin, { code: rightCode }, now);
    expect(credentials.disableTotp).toHaveBeenCalledWith('acct_1', ROLES_REQUIRING_TOTP, now);
  });

  it.each(['national_admin', 'evaluator', 'panelist'] as const)(
    'should refuse with SECOND_FACTOR_REQUIRED when the account is a %s',
    async (role) => {
      const { useCase, credentials } = setUp(account({ ...enabled, roles: ['local_admin', role] }));
      const user: AuthenticatedUser = { ...localAdmin, roles: [role] };
      await expect(useCase.execute(user, { code: rightCode }, now)).rejects.toThrow(
        SecondFactorRequiredError,
      );
      expect(credentials.disableTotp).not.toHaveBeenCalled();
    },
  );

  it('should refuse a wrong code and count it towards the lockout', async () => {
    const { useCase, credentials } = setUp(account(enabled));
    await expect(useCase.execute(localAdmin, { code: '000000' }, now)).rejects.toThrow(
      SecondFactorCodeInvalidError,
    );
    expect(credentials.recordFailedSignIn).toHaveBeenCalledWith(
      'acct_1',
      { maxFailures: 5, baseSeconds: 60, maxSeconds: 3600 },
      now,
    );
    expect(credentials.disableTotp).not.toHaveBeenCalled();
  });

  it('should refuse even the right code while the account is locked', async () => {
    const { useCase, credentials } = setUp(
      account({ ...enabled, lockedUntil: new Date(now.getTime() + 60_000) }),
    );
    await expect(useCase.execute(localAdmin, { code: rightCode }, now)).rejects.toThrow(
      SecondFactorCodeInvalidError,
    );
    expect(credentials.disableTotp).not.toHaveBeenCalled();
  });

  it('should answer SECOND_FACTOR_NOT_ENABLED when TOTP is off', async () => {
    const { useCase } = setUp(account());
    await expect(useCase.execute(localAdmin, { code: rightCode }, now)).rejects.toThrow(
      SecondFactorNotEnabledError,
    );
  });
});
