import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import { PasswordHasher } from '../../account/password-hasher';
import type { CredentialsRepository, NewAccount } from '../credentials.repository';
import type { SessionSettings } from '../session.settings';
import { BootstrapAdminUseCase } from './bootstrap-admin.use-case';

const admin = { userId: 'Admin.KIPP', email: 'admin@kipp.test', password: 'Bootstrap-2027!' };

function setUp(
  options: { adminExists?: boolean; userIdTaken?: boolean; configured?: boolean } = {},
) {
  const inserted: { account: NewAccount; events: readonly PendingEvent[] }[] = [];
  const credentials = {
    anyActiveNationalAdmin: () => Promise.resolve(options.adminExists ?? false),
    insertAccount: (account: NewAccount, events: readonly PendingEvent[]) => {
      if (options.userIdTaken) return Promise.resolve(false);
      inserted.push({ account, events });
      return Promise.resolve(true);
    },
  };
  const useCase = new BootstrapAdminUseCase(
    credentials as unknown as CredentialsRepository,
    new PasswordHasher(),
    new OutboxNotifier(),
    { bootstrapAdmin: options.configured === false ? null : admin } as SessionSettings,
  );
  return { useCase, inserted };
}

describe('BootstrapAdminUseCase', () => {
  it('should create a national admin who must change the password, announced without password material', async () => {
    const { useCase, inserted } = setUp();
    await expect(useCase.execute()).resolves.toBe('created');
    const [{ account, events }] = inserted as [(typeof inserted)[number]];
    expect(account).toMatchObject({
      userId: 'admin.kipp',
      roles: ['national_admin'],
      mustChangePassword: true,
    });
    expect(await new PasswordHasher().verify(admin.password, account.passwordHash)).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]?.value).not.toContain(admin.password);
    expect(events[0]?.value).not.toContain('argon2');
  });

  it('should do nothing when a national admin exists or nothing is configured', async () => {
    await expect(setUp({ adminExists: true }).useCase.execute()).resolves.toBe('admin_exists');
    await expect(setUp({ configured: false }).useCase.execute()).resolves.toBe('not_configured');
  });

  it('should accept losing the race to another replica', async () => {
    await expect(setUp({ userIdTaken: true }).useCase.execute()).resolves.toBe('user_id_taken');
  });
});
