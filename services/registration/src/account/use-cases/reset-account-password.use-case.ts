import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { assertMayAdminister } from '../account-policy';
import { AccountNotFoundError } from '../account.errors';
import { AccountRepository } from '../account.repository';
import { generateInitialPassword } from '../initial-password';
import { PasswordHasher } from '../password-hasher';
import type { CreatedAccount } from './create-account.use-case';

/**
 * An administrator sets a new generated password for someone who lost theirs (a local admin
 * for its unit operators): shown once to the administrator, to be changed at the next
 * sign-in. It also lifts a lockout, since the person proved nothing wrong. No event: nothing
 * is sent to the person; the administrator hands the password over.
 */
@Injectable()
export class ResetAccountPasswordUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(accountId: string, actor: AuthenticatedUser): Promise<CreatedAccount> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new AccountNotFoundError(accountId);
    assertMayAdminister(actor, account);
    const initialPassword = generateInitialPassword();
    const updated = await this.accounts.applyChange(
      accountId,
      {},
      {
        set: {
          passwordHash: await this.hasher.hash(initialPassword),
          mustChangePassword: true,
          failedSignIns: 0,
          lockedUntil: null,
        },
        history: { at: new Date(), by: actor.accountId, action: 'password-reset', detail: {} },
        events: [],
      },
    );
    if (!updated) throw new AccountNotFoundError(accountId);
    return { account: updated, initialPassword };
  }
}
