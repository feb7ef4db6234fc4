import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier } from '@kipp/messaging';
import { assertMayProvision } from '../account-policy';
import { AccountRepository } from '../account.repository';
import type { Account } from '../account.schema';
import { InstitutionDirectory } from '../../institution/institution-directory';
import { AccountFactory, type NewAccountInput } from '../new-account';
import { UnitRepository } from '../unit/unit.repository';
import { UnitNotFoundError } from '../unit/unit.errors';

export interface CreatedAccount {
  account: Account;
  /** Shown once, to the creator; stored only as its hash. */
  initialPassword: string;
}

@Injectable()
export class CreateAccountUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly factory: AccountFactory,
    private readonly institutions: InstitutionDirectory,
    private readonly units: UnitRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(input: NewAccountInput, actor: AuthenticatedUser): Promise<CreatedAccount> {
    const institutionId = 'institutionId' in input ? input.institutionId : null;
    assertMayProvision(actor, input.role, institutionId);
    if (institutionId !== null) await this.institutions.assertRegistered(institutionId);
    if (input.role === 'unit_operator') {
      const unit = await this.units.findInInstitution(input.institutionId, input.unitId);
      if (!unit) throw new UnitNotFoundError(input.unitId);
    }
    const prepared = await this.factory.prepare(input, actor, new Date());
    const account = await this.accounts.insert(prepared.account);
    this.outbox.nudge();
    return { account, initialPassword: prepared.initialPassword };
  }
}
