import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { assertMayView } from '../account-policy';
import { AccountNotFoundError } from '../account.errors';
import { AccountRepository } from '../account.repository';
import type { AccountHistoryEntry } from '../account.schema';

@Injectable()
export class GetAccountHistoryUseCase {
  constructor(private readonly accounts: AccountRepository) {}

  async execute(accountId: string, actor: AuthenticatedUser): Promise<AccountHistoryEntry[]> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new AccountNotFoundError(accountId);
    assertMayView(actor, account);
    return account.history;
  }
}
