import { AccountCreatedV1 } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import type { AccountRepository } from '../account.repository';
import type { Account } from '../account.schema';
import type { InstitutionDirectory } from '../../institution/institution-directory';
import { AccountFactory, newAccountSchema, type NewAccount } from '../new-account';
import { PasswordHasher } from '../password-hasher';
import type { UnitRepository } from '../unit/unit.repository';
import { UnitNotFoundError } from '../unit/unit.errors';
import { CreateAccountUseCase } from './create-account.use-case';
import { authenticatedUser } from '@kipp/testing';

class InMemoryAccounts {
  readonly stored: NewAccount[] = [];
  insert(account: NewAccount): Promise<Account> {
    this.stored.push(account);
    const now = new Date();
    return Promise.resolve({ ...account, createdAt: now, updatedAt: now });
  }
}

const localAdmin = authenticatedUser(['local_admin'], {
  accountId: 'acct_la',
  institutionId: 'inst_a',
});

function setUp(unitExists = true) {
  const accounts = new InMemoryAccounts();
  const notifier = new OutboxNotifier();
  const nudge = jest.fn();
  notifier.attach(nudge);
  const useCase = new CreateAccountUseCase(
    accounts as unknown as AccountRepository,
    new AccountFactory(new PasswordHasher()),
    { assertRegistered: () => Promise.resolve() } as unknown as InstitutionDirectory,
    {
      findInInstitution: () => Promise.resolve(unitExists ? { _id: 'unit_1' } : null),
    } as unknown as UnitRepository,
    notifier,
  );
  return { accounts, nudge, useCase };
}

const operatorInput = newAccountSchema.parse({
  role: 'unit_operator',
  userId: 'UPP.Dukcapil',
  name: 'Siti Rahmawati',
  email: 'siti@bandung.go.id',
  institutionId: 'inst_a',
  unitId: 'unit_1',
});

describe('CreateAccountUseCase', () => {
  it('should store a hashed first password and an event that carries no password material', async () => {
    const { accounts, nudge, useCase } = setUp();

    const { account, initialPassword } = await useCase.execute(operatorInput, localAdmin);

    const [stored] = accounts.stored;
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await new PasswordHasher().verify(initialPassword, stored?.passwordHash ?? '')).toBe(
      true,
    );
    expect(account).toMatchObject({
      userId: 'upp.dukcapil',
      roles: ['unit_operator'],
      mustChangePassword: true,
    });
    expect(stored?.history).toEqual([
      expect.objectContaining({ by: 'acct_la', action: 'created' }),
    ]);
    expect(stored?.outbox).toHaveLength(1);
    const event = stored?.outbox[0];
    expect(event?.topic).toBe(AccountCreatedV1.topic);
    expect(event?.value).not.toContain(initialPassword);
    expect(event?.value).not.toContain('argon2');
    expect(event?.value).not.toContain('passwordHash');
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should refuse a unit the institution does not have, and store nothing', async () => {
    const { accounts, useCase } = setUp(false);
    await expect(useCase.execute(operatorInput, localAdmin)).rejects.toBeInstanceOf(
      UnitNotFoundError,
    );
    expect(accounts.stored).toHaveLength(0);
  });
});
