import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { AccountDeactivatedV1, AccountReactivatedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { assertMayAdminister } from '../account-policy';
import { AccountAlreadyInStatusError, AccountNotFoundError } from '../account.errors';
import { AccountRepository } from '../account.repository';
import type { Account, AccountStatus } from '../account.schema';

export const statusChangeSchema = z.strictObject({
  reason: z.string().trim().min(3).max(1000),
});
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

const TRANSITIONS = {
  deactivated: { from: 'active', event: AccountDeactivatedV1, action: 'deactivated' },
  active: { from: 'deactivated', event: AccountReactivatedV1, action: 'reactivated' },
} as const;

/**
 * Deactivates or reactivates an account. A deactivated account cannot sign in: sign-in
 * checks `status`. National admins act on anyone but themselves; local admins on the unit
 * operators of their institution.
 */
@Injectable()
export class ChangeAccountStatusUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    accountId: string,
    to: AccountStatus,
    input: StatusChangeInput,
    actor: AuthenticatedUser,
  ): Promise<Account> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new AccountNotFoundError(accountId);
    assertMayAdminister(actor, account);
    const transition = TRANSITIONS[to];
    if (account.status !== transition.from) throw new AccountAlreadyInStatusError(to);

    const at = new Date();
    const event = createEvent(transition.event, {
      accountId,
      email: account.email,
      locale: account.locale,
      roles: [...account.roles],
      institutionId: account.institutionId,
      reason: input.reason,
      changedBy: { kind: 'account', accountId: actor.accountId },
      changedAt: at.toISOString(),
    });
    // Only from the expected status: of two simultaneous requests one wins, one event.
    const updated = await this.accounts.applyChange(
      accountId,
      { status: transition.from },
      {
        set: { status: to },
        history: {
          at,
          by: actor.accountId,
          action: transition.action,
          detail: { reason: input.reason },
        },
        events: [event],
      },
    );
    if (!updated) throw new AccountAlreadyInStatusError(to);
    this.outbox.nudge();
    return updated;
  }
}
