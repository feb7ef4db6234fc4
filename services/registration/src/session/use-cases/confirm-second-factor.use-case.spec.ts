import { generateTotpSecret, timeStepOf, totpCode } from '@kipp/auth';
import type { Credentials, CredentialsRepository } from '../credentials.repository';
import type { PendingSecondFactorRepository } from '../pending-second-factor.repository';
import { sealToString } from '@kipp/service-kit';
import { SecondFactor } from '../second-factor';
import {
  NoPendingSecondFactorError,
  SecondFactorAlreadyEnabledError,
  SecondFactorCodeInvalidError,
} from '../session.errors';
import type { PendingSecondFactor } from '../session.schema';
import { ConfirmSecondFactorUseCase } from './confirm-second-factor.use-case';
import { account, localAdmin, now, settings } from './second-factor-fixtures';

const secret = generateTotpSecret();
const sealed = sealToString(secret, settings.totpSealingKey);
const rightCode = totpCode(secret, timeStepOf(now));

function setUp(stored: Credentials, offer: PendingSecondFactor | null, { enabled = true } = {}) {
  const usedSteps = new Set<string>();
  const credentials = {
    findById: () => Promise.resolve(stored),
    enableTotp: jest.fn(() => Promise.resolve(enabled)),
    claimTotpStep: (accountId: string, step: number) => {
      const key = `${accountId}:${step}`;
      const fresh = !usedSteps.has(key);
      usedSteps.add(key);
      return Promise.resolve(fresh);
    },
  };
  const pending = {
    findLive: () => Promise.resolve(offer),
    consume: jest.fn(() => Promise.resolve(offer !== null)),
    recordFailedAttempt: jest.fn(() => Promise.resolve()),
  };
  const repository = credentials as unknown as CredentialsRepository;
  const useCase = new ConfirmSecondFactorUseCase(
    repository,
    pending as unknown as PendingSecondFactorRepository,
    new SecondFactor(repository),
    settings,
  );
  return { useCase, credentials, pending };
}

const offer: PendingSecondFactor = {
  _id: 'acct_1',
  totpSecretSealed: sealed,
  failedAttempts: 0,
  expiresAt: new Date(now.getTime() + 600_000),
  createdAt: now,
  updatedAt: now,
};

describe('ConfirmSecondFactorUseCase', () => {
  it('should enable TOTP with the offered sealed secret when the code matches', async () => {
    const { useCase, credentials, pending } = setUp(account(), offer);
    await useCase.execute(localAdmin, { code: rightCode }, now);
    expect(pending.consume).toHaveBeenCalledWith('acct_1', sealed, now);
    expect(credentials.enableTotp).toHaveBeenCalledWith('acct_1', sealed, 'account_settings', now);
  });

  it('should refuse a wrong code with TOTP_CODE_INVALID and count the attempt', async () => {
    const { useCase, credentials, pending } = setUp(account(), offer);
    await expect(useCase.execute(localAdmin, { code: '000000' }, now)).rejects.toThrow(
      SecondFactorCodeInvalidError,
    );
    expect(pending.recordFailedAttempt).toHaveBeenCalledWith('acct_1', 5);
    expect(credentials.enableTotp).not.toHaveBeenCalled();
  });

  it('should refuse a code that was already used', async () => {
    const { useCase } = setUp(account(), offer, { enabled: false });
    await expect(useCase.execute(localAdmin, { code: rightCode }, now)).rejects.toThrow(
      SecondFactorAlreadyEnabledError,
    );
    await expect(useCase.execute(localAdmin, { code: rightCode }, now)).rejects.toThrow(
      SecondFactorCodeInvalidError,
    );
  });

  it('should answer NO_PENDING_SECOND_FACTOR when nothing was offered or the offer expired', async () => {
    const { useCase } = setUp(account(), null);
    await expect(useCase.execute(localAdmin, { code: rightCode }, now)).rejects.toThrow(
      NoPendingSecondFactorError,
    );
  });

  it('should answer SECOND_FACTOR_ALREADY_ENABLED when TOTP is on already', async () => {
    const { useCase, pending } = setUp(account({ totpEnabledAt: now }), offer);
    await expect(useCase.execute(localAdmin, { code: rightCode }, now)).rejects.toThrow(
      SecondFactorAlreadyEnabledError,
    );
    expect(pending.consume).not.toHaveBeenCalled();
  });
});
