import { randomBytes, randomInt } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Response } from 'supertest';
import type { Role } from '@kipp/auth';
import { uniqueName } from '@kipp/testing';
import { ACCOUNT_MODEL, type Account } from '../src/account/account.schema';
import { PasswordHasher } from '../src/account/password-hasher';
import { startRegistrationApp, type RegistrationTestApp } from './registration-test-app';

const MAX_FAILURES = 3;
/**
 * The client address this spec's requests claim (the service trusts loopback proxies), so
 * its attempts do not count against other specs' per-IP allowance in the shared Redis.
 */
const CLIENT_IP = `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;

interface Seeded {
  accountId: string;
  userId: string;
  password: string;
}

interface SignedIn {
  accessToken: string;
  refreshToken: string;
}

describe('my account', () => {
  let service: RegistrationTestApp;
  let accounts: Model<Account>;
  /** Every response body this spec received, to check that no password material left. */
  const replies: string[] = [];

  const http = () => service.http();
  const post = (path: string) => http().post(path).set('x-forwarded-for', CLIENT_IP);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const record = (response: Response): Response => {
    replies.push(response.text);
    return response;
  };

  async function seedAccount(
    roles: Role[],
    scope: { institutionId?: string; unitId?: string; totpEnabledAt?: Date } = {},
  ): Promise<Seeded> {
    const accountId = uniqueName('acct');
    const userId = uniqueName('user').replace('_', '.');
    const password = `Kata-Sandi-${randomBytes(4).toString('hex')}`;
    await accounts.create({
      _id: accountId,
      userId,
      name: 'Dewi Lestari',
      email: `${userId}@bandung.go.id`,
      locale: 'en',
      roles,
      institutionId: scope.institutionId ?? null,
      unitId: scope.unitId ?? null,
      status: 'active',
      passwordHash: await new PasswordHasher().hash(password),
      mustChangePassword: false,
      totpEnabledAt: scope.totpEnabledAt ?? null,
      totpSecretSealed: scope.totpEnabledAt ? 'sealed-in-another-test' : null,
    });
    return { accountId, userId, password };
  }

  async function signIn(userId: string, password: string): Promise<SignedIn> {
    const response = record(await post('/sessions').send({ userId, password }));
    expect(response.body).toMatchObject({ status: 'signed_in' });
    return response.body as SignedIn;
  }

  const changePassword = async (token: string, body: Record<string, unknown>) =>
    record(await post('/me/password').set(bearer(token)).send(body));

  const refresh = (refreshToken: string) => post('/sessions/refresh').send({ refreshToken });

  beforeAll(async () => {
    service = await startRegistrationApp({
      env: { SIGN_IN_IP_LIMIT: '1000', SIGN_IN_MAX_FAILURES: String(MAX_FAILURES) },
    });
    accounts = service.app.get<Model<Account>>(getModelToken(ACCOUNT_MODEL));
  });

  afterAll(async () => {
    expect(replies.filter((text) => /\$argon2|passwordHash|totpSecret/.test(text))).toEqual([]);
    await service.close();
  });

  it('should answer 401 AUTH_TOKEN_MISSING when nobody is signed in', async () => {
    const me = await http().get('/me');
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ error: { code: 'AUTH_TOKEN_MISSING' } });
    const change = await http()
      .post('/me/password')
      .send({ currentPassword: 'a', newPassword: 'b' });
    expect(change.status).toBe(401);
    expect(change.body).toMatchObject({ error: { code: 'AUTH_TOKEN_MISSING' } });
  });

  it('should show a unit operator their account with the institution and unit names', async () => {
    const national = await service.issuer.headers(['national_admin']);
    const code = uniqueName('K').replace('_', '').toUpperCase();
    const institution = await http()
      .post('/institutions')
      .set(national)
      .send({ code, name: `Kementerian ${code}`, type: 'ministry' })
      .expect(201);
    const institutionId = (institution.body as { institutionId: string }).institutionId;
    const unit = await http()
      .post(`/institutions/${institutionId}/units`)
      .set(national)
      .send({ name: 'Dinas Kependudukan' })
      .expect(201);
    const unitId = (unit.body as { unitId: string }).unitId;
    const operator = await seedAccount(['unit_operator'], { institutionId, unitId });
    const before = Date.now();
    const { accessToken } = await signIn(operator.userId, operator.password);

    const me = record(await http().get('/me').set(bearer(accessToken)));

    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      accountId: operator.accountId,
      userId: operator.userId,
      name: 'Dewi Lestari',
      email: `${operator.userId}@bandung.go.id`,
      locale: 'en',
      roles: ['unit_operator'],
      institutionId,
      institutionName: `Kementerian ${code}`,
      unitId,
      unitName: 'Dinas Kependudukan',
      status: 'active',
      mustChangePassword: false,
      reviewerProfile: null,
      createdAt: expect.any(String) as unknown,
      updatedAt: expect.any(String) as unknown,
      secondFactor: { enabled: false, required: false },
      passwordChangedAt: null,
      lastSignInAt: expect.any(String) as unknown,
    });
    const lastSignInAt = Date.parse((me.body as { lastSignInAt: string }).lastSignInAt);
    expect(lastSignInAt).toBeGreaterThanOrEqual(before - 1000);
  });

  it('should show an evaluator that the second factor is on and required by the role', async () => {
    const evaluator = await seedAccount(['evaluator'], { totpEnabledAt: new Date() });
    const token = await service.issuer.token(['evaluator'], { accountId: evaluator.accountId });

    const me = record(await http().get('/me').set(bearer(token)));

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      accountId: evaluator.accountId,
      roles: ['evaluator'],
      institutionId: null,
      institutionName: null,
      unitId: null,
      unitName: null,
      secondFactor: { enabled: true, required: true },
      lastSignInAt: null,
    });
  });

  it('should change the password, keep the caller’s session and end every other', async () => {
    const admin = await seedAccount(['local_admin'], { institutionId: 'inst_3273' });
    const mine = await signIn(admin.userId, admin.password);
    const other = await signIn(admin.userId, admin.password);
    const newPassword = `Sandi-Baru-${randomBytes(4).toString('hex')}`;

    const changed = await changePassword(mine.accessToken, {
      currentPassword: admin.password,
      newPassword,
      refreshToken: mine.refreshToken,
    });

    expect(changed.status).toBe(204);
    expect((await refresh(other.refreshToken)).body).toMatchObject({
      error: { code: 'REFRESH_TOKEN_INVALID' },
    });
    expect((await refresh(mine.refreshToken)).body).toMatchObject({ status: 'signed_in' });
    const old = await post('/sessions').send({ userId: admin.userId, password: admin.password });
    expect(old.body).toMatchObject({ error: { code: 'SIGN_IN_FAILED' } });
    await signIn(admin.userId, newPassword);

    const stored = await accounts.findById(admin.accountId).lean<Account>();
    expect(stored?.history.at(-1)).toMatchObject({
      by: admin.accountId,
      action: 'password_changed',
      detail: { via: 'account_settings', callerSessionKept: true },
    });
    const me = await http().get('/me').set(bearer(mine.accessToken)).expect(200);
    expect((me.body as { passwordChangedAt: string | null }).passwordChangedAt).toBe(
      stored?.passwordChangedAt?.toISOString(),
    );
  });

  it('should end every session, the caller’s too, when no refresh token of the caller comes along', async () => {
    const admin = await seedAccount(['local_admin'], { institutionId: 'inst_3273' });
    const mine = await signIn(admin.userId, admin.password);
    const stranger = await seedAccount(['local_admin'], { institutionId: 'inst_3273' });
    const theirs = await signIn(stranger.userId, stranger.password);

    // Someone else's refresh token keeps nothing: it is not a session of this account.
    const changed = await changePassword(mine.accessToken, {
      currentPassword: admin.password,
      newPassword: `Sandi-Baru-${randomBytes(4).toString('hex')}`,
      refreshToken: theirs.refreshToken,
    });

    expect(changed.status).toBe(204);
    expect((await refresh(mine.refreshToken)).body).toMatchObject({
      error: { code: 'REFRESH_TOKEN_INVALID' },
    });
    expect((await refresh(theirs.refreshToken)).body).toMatchObject({ status: 'signed_in' });
    const stored = await accounts.findById(admin.accountId).lean<Account>();
    expect(stored?.history.at(-1)?.detail).toEqual({
      via: 'account_settings',
      callerSessionKept: false,
    });
  });

  it('should refuse a wrong current password with 401 and lock the account like sign-in does', async () => {
    const admin = await seedAccount(['local_admin'], { institutionId: 'inst_3273' });
    const { accessToken } = await signIn(admin.userId, admin.password);
    const newPassword = `Sandi-Baru-${randomBytes(4).toString('hex')}`;

    for (let attempt = 1; attempt <= MAX_FAILURES; attempt += 1) {
      const wrong = await changePassword(accessToken, {
        currentPassword: 'Not-The-Password-1',
        newPassword,
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ error: { code: 'CURRENT_PASSWORD_INVALID' } });
    }
    expect((await accounts.findById(admin.accountId).lean<Account>())?.failedSignIns).toBe(
      MAX_FAILURES,
    );

    // Locked now: even the right password is not consulted, here or at sign-in.
    const locked = await changePassword(accessToken, {
      currentPassword: admin.password,
      newPassword,
    });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const atSignIn = await post('/sessions').send({
      userId: admin.userId,
      password: admin.password,
    });
    expect(atSignIn.body).toMatchObject({ error: { code: 'SIGN_IN_FAILED' } });
    const stored = await accounts.findById(admin.accountId).lean<Account>();
    expect(stored?.history.map((entry) => entry.action)).not.toContain('password_changed');
  });

  it('should refuse a new password that breaks the policy or repeats the current one', async () => {
    const admin = await seedAccount(['local_admin'], { institutionId: 'inst_3273' });
    const { accessToken } = await signIn(admin.userId, admin.password);

    const weak = await changePassword(accessToken, {
      currentPassword: admin.password,
      newPassword: 'kipp',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: { code: 'PASSWORD_POLICY' } });
    expect((weak.body as { error: { details: { rules: string[] } } }).error.details.rules).toEqual(
      expect.arrayContaining(['MIN_LENGTH', 'CHARACTER_CLASSES']),
    );

    const same = await changePassword(accessToken, {
      currentPassword: admin.password,
      newPassword: admin.password,
    });
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({
      error: { code: 'PASSWORD_POLICY', details: { rules: ['SAME_AS_CURRENT'] } },
    });

    const missing = await changePassword(accessToken, { newPassword: 'Sandi-Baru-2027!' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });

    // Nothing changed: the old password still signs in.
    await signIn(admin.userId, admin.password);
    const stored = await accounts.findById(admin.accountId).lean<Account>();
    expect(stored?.passwordChangedAt).toBeNull();
  });
});
