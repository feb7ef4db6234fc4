import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import { request as httpRequest } from 'node:http';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SigningKeyStore, TokenVerifier } from '@kipp/auth';
import {
  AccountCreatedV1,
  ALL_EVENTS,
  PasswordResetRequestedV1,
  type EventDescriptor,
} from '@kipp/contracts';
import { eventually, TopicReader, uniqueName } from '@kipp/testing';
import { ACCOUNT_MODEL, type Account } from '../src/account/account.schema';
import { PasswordHasher } from '../src/account/password-hasher';
import { timeStepOf, totpCode } from '@kipp/auth';
import { sealingKeyFromBase64, unseal } from '@kipp/service-kit';
import { startRegistrationApp, type RegistrationTestApp } from './registration-test-app';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: Record<string, unknown>;
}

const RESET_KEY = randomBytes(32).toString('base64');
const RESET_KEY_ID = 'reset-test-1';
const BOOTSTRAP = {
  userId: 'admin.kipp',
  email: 'sekretariat@kipp.test',
  password: 'Bootstrap-Only-2027',
};

/** A loopback address of its own for each test, so per-IP limits do not interfere. */
function freshIp(): string {
  return `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
}

describe('sign-in', () => {
  let service: RegistrationTestApp;
  let port: number;
  let reader: TopicReader;
  let accounts: Model<Account>;
  /** Every response body this spec received, to check that no secret ever left. */
  const replies: string[] = [];

  async function post(path: string, body: unknown, ip = freshIp()): Promise<Reply> {
    const payload = JSON.stringify(body);
    return new Promise<Reply>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          localAddress: ip,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            replies.push(text);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
            });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async function get(path: string): Promise<Record<string, unknown>> {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return (await response.json()) as Record<string, unknown>;
  }

  async function seedAccount(overrides: Partial<Account> = {}): Promise<{
    accountId: string;
    userId: string;
    password: string;
  }> {
    const accountId = uniqueName('acct');
    const userId = uniqueName('upp').replace('_', '.');
    const password = `Kata-Sandi-${randomBytes(4).toString('hex')}`;
    await accounts.create({
      _id: accountId,
      userId,
      name: 'Siti Rahmawati',
      email: `${userId}@bandung.go.id`,
      locale: 'id',
      roles: ['unit_operator'],
      institutionId: 'inst_3273',
      unitId: 'unit_dukcapil',
      status: 'active',
      passwordHash: await new PasswordHasher().hash(password),
      mustChangePassword: false,
      ...overrides,
    });
    return { accountId, userId, password };
  }

  async function verifier(): Promise<TokenVerifier> {
    const store = new SigningKeyStore();
    store.loadFromJwks((await get('/.well-known/jwks.json')) as { keys: unknown[] });
    return new TokenVerifier(store);
  }

  const eventsOf = <P>(descriptor: EventDescriptor<P>): { payload: P }[] =>
    reader
      .on(service.topics.topicOf(descriptor))
      .map((message) => JSON.parse(message.value ?? '{}') as { payload: P });

  /** The service's JSON log lines: pino writes them to fd 1 with fs.writeSync. */
  const logLines: string[] = [];
  const writeSync = fs.writeSync.bind(fs) as (
    fd: number,
    data: unknown,
    ...rest: unknown[]
  ) => number;

  beforeAll(async () => {
    jest
      .spyOn(fs, 'writeSync')
      .mockImplementation((fd: number, data: unknown, ...rest: unknown[]) => {
        if (fd === 1 && typeof data === 'string' && data.startsWith('{')) {
          logLines.push(data);
          return Buffer.byteLength(data);
        }
        return writeSync(fd, data, ...rest);
      });
    service = await startRegistrationApp({
      logLevel: 'debug',
      listen: true,
      env: {
        PASSWORD_RESET_SEALING_KEY: RESET_KEY,
        PASSWORD_RESET_SEALING_KEY_ID: RESET_KEY_ID,
        PORTAL_URL: 'https://portal.kipp.test',
        BOOTSTRAP_ADMIN_USER_ID: BOOTSTRAP.userId,
        BOOTSTRAP_ADMIN_EMAIL: BOOTSTRAP.email,
        BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP.password,
      },
    });
    if (service.port === null) throw new Error('the app should listen');
    port = service.port;
    reader = await TopicReader.start(
      ALL_EVENTS.map((descriptor) => service.topics.topicOf(descriptor)),
    );
    accounts = service.app.get<Model<Account>>(getModelToken(ACCOUNT_MODEL));
  });

  afterAll(async () => {
    await reader.stop();
    await service.close();
    jest.restoreAllMocks();
  });

  it('should create the first national admin from configuration and announce it without a password', async () => {
    const admin = await accounts.findOne({ userId: BOOTSTRAP.userId }).lean<Account>();
    expect(admin).toMatchObject({ roles: ['national_admin'], mustChangePassword: true });
    await eventually(() =>
      expect(eventsOf(AccountCreatedV1).map((e) => e.payload)).toEqual([
        expect.objectContaining({ userId: BOOTSTRAP.userId, roles: ['national_admin'] }),
      ]),
    );
  });

  it('should take the first admin through password change, TOTP enrolment and TOTP sign-in', async () => {
    const ip = freshIp();
    const first = await post(
      '/sessions',
      { userId: BOOTSTRAP.userId, password: BOOTSTRAP.password },
      ip,
    );
    expect(first).toMatchObject({ status: 200, body: { status: 'password_change_required' } });
    const changeChallenge = first.body['challenge'] as string;

    const weak = await post('/sessions/password-change', {
      challenge: changeChallenge,
      newPassword: 'admin.kipp-short',
    });
    expect(weak).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'PASSWORD_POLICY',
          details: { rules: ['CONTAINS_USER_ID', 'CHARACTER_CLASSES'] },
        },
      },
    });

    const newPassword = 'Sekretariat-KIPP-2027';
    const changed = await post('/sessions/password-change', {
      challenge: changeChallenge,
      newPassword,
    });
    expect(changed).toMatchObject({ status: 200, body: { status: 'totp_enrolment_required' } });
    const enrolChallenge = changed.body['challenge'] as string;
    // The challenge of a finished step is spent.
    expect(
      (await post('/sessions/password-change', { challenge: changeChallenge, newPassword })).body,
    ).toMatchObject({ error: { code: 'CHALLENGE_INVALID' } });

    const offer = await post('/sessions/totp/enrolment', { challenge: enrolChallenge });
    expect(offer.status).toBe(200);
    const secret = offer.body['secret'] as string;
    expect(offer.body['otpauthUri']).toContain(`secret=${secret}`);
    replies.splice(replies.indexOf(offer.text), 1); // the one answer that must show it

    const wrong = await post('/sessions/totp/enrolment/confirm', {
      challenge: enrolChallenge,
      code: '000000',
    });
    expect(wrong.body).toMatchObject({ error: { code: 'TOTP_CODE_INVALID' } });
    const step = timeStepOf(new Date());
    const enrolled = await post('/sessions/totp/enrolment/confirm', {
      challenge: enrolChallenge,
      code: totpCode(secret, step),
    });
    expect(enrolled).toMatchObject({ status: 200, body: { status: 'signed_in' } });
    const claims = await (await verifier()).verify(enrolled.body['accessToken'] as string);
    expect(claims).toMatchObject({ roles: ['national_admin'], institutionId: null });

    const stored = await accounts.findOne({ userId: BOOTSTRAP.userId }).lean<Account>();
    // Sealed as keyId.iv.ciphertext.tag (AES-256-GCM), never the base32 secret itself.
    expect(stored?.totpSecretSealed).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored?.totpSecretSealed).not.toContain(secret);

    const again = await post('/sessions', { userId: BOOTSTRAP.userId, password: newPassword }, ip);
    expect(again).toMatchObject({ status: 200, body: { status: 'totp_required' } });
    const totpChallenge = again.body['challenge'] as string;
    const replayed = await post('/sessions/totp', {
      challenge: totpChallenge,
      code: totpCode(secret, step),
    });
    expect(replayed).toMatchObject({ status: 401, body: { error: { code: 'TOTP_CODE_INVALID' } } });
    const signedIn = await post('/sessions/totp', {
      challenge: totpChallenge,
      code: totpCode(secret, step + 1),
    });
    expect(signedIn).toMatchObject({
      status: 200,
      body: { status: 'signed_in', accessTokenExpiresIn: 900 },
    });
    // Only the enrolment offer showed the secret; no later answer repeats it.
    expect(replies.filter((text) => text.includes(secret))).toEqual([]);
    expect(logLines.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('should sign a unit operator straight in with a token other services accept', async () => {
    const { accountId, userId, password } = await seedAccount();
    const reply = await post('/sessions', { userId: userId.toUpperCase(), password });
    expect(reply).toMatchObject({ status: 200, body: { status: 'signed_in' } });
    expect(reply.body).not.toHaveProperty('challenge');
    const user = await (await verifier()).verify(reply.body['accessToken'] as string);
    expect(user).toEqual({
      accountId,
      roles: ['unit_operator'],
      institutionId: 'inst_3273',
      unitId: 'unit_dukcapil',
      locale: 'id',
    });
  });

  it('should force a password change at first login before any token is issued', async () => {
    const { userId, password } = await seedAccount({ mustChangePassword: true });
    const reply = await post('/sessions', { userId, password });
    expect(reply.body['status']).toBe('password_change_required');
    expect(Object.keys(reply.body).sort()).toEqual(['challenge', 'status']);
    const same = await post('/sessions/password-change', {
      challenge: reply.body['challenge'],
      newPassword: password,
    });
    expect(same.body).toMatchObject({
      error: { code: 'PASSWORD_POLICY', details: { rules: ['SAME_AS_CURRENT'] } },
    });
    const changed = await post('/sessions/password-change', {
      challenge: reply.body['challenge'],
      newPassword: 'Baru-dan-Kuat-2027',
    });
    expect(changed).toMatchObject({ status: 200, body: { status: 'signed_in' } });
    const next = await post('/sessions', { userId, password: 'Baru-dan-Kuat-2027' });
    expect(next.body).toMatchObject({ status: 'signed_in' });
  });

  it('should answer a wrong password exactly as it answers an unknown or deactivated user', async () => {
    const { userId } = await seedAccount();
    const { userId: deactivated, password } = await seedAccount({ status: 'deactivated' });
    const known = await post('/sessions', { userId, password: 'Wrong-Password-1' });
    const unknown = await post('/sessions', {
      userId: 'nobody.here',
      password: 'Wrong-Password-1',
    });
    const inactive = await post('/sessions', { userId: deactivated, password });
    expect(known).toMatchObject({ status: 401, body: { error: { code: 'SIGN_IN_FAILED' } } });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(inactive.body).toEqual(known.body);
  });

  it('should lock an account after 5 failures and refuse even the right password while locked', async () => {
    const { accountId, userId, password } = await seedAccount();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await post('/sessions', { userId, password: 'Wrong-Password-1' })).status).toBe(401);
    }
    const locked = await post('/sessions', { userId, password });
    expect(locked).toMatchObject({ status: 401, body: { error: { code: 'SIGN_IN_FAILED' } } });
    const account = await accounts.findById(accountId).lean<Account>();
    expect(account?.failedSignIns).toBe(5);
    expect(account?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // One more failure after the lock ends doubles the next lock.
    await accounts.updateOne(
      { _id: accountId },
      { $set: { lockedUntil: new Date(Date.now() - 1000) } },
    );
    await post('/sessions', { userId, password: 'Wrong-Password-1' });
    const doubled = await accounts.findById(accountId).lean<Account>();
    expect(doubled?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 90_000);

    await accounts.updateOne(
      { _id: accountId },
      { $set: { lockedUntil: new Date(Date.now() - 1000) } },
    );
    expect((await post('/sessions', { userId, password })).body).toMatchObject({
      status: 'signed_in',
    });
    expect((await accounts.findById(accountId).lean<Account>())?.failedSignIns).toBe(0);
  });

  it('should refuse the 21st sign-in attempt from one IP within the window with 429 and Retry-After', async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const reply = await post(
        '/sessions',
        { userId: `spray.${attempt}`, password: 'Wrong-Password-1' },
        ip,
      );
      expect(reply.status).toBe(401);
    }
    const limited = await post(
      '/sessions',
      { userId: 'spray.x', password: 'Wrong-Password-1' },
      ip,
    );
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'TOO_MANY_ATTEMPTS' } } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      (await post('/sessions', { userId: 'spray.y', password: 'Wrong-Password-1' })).status,
    ).toBe(401);
  });

  it('should rotate refresh tokens and end the whole session when a rotated one is reused', async () => {
    const { userId, password } = await seedAccount();
    const signedIn = await post('/sessions', { userId, password });
    const first = signedIn.body['refreshToken'] as string;

    const rotated = await post('/sessions/refresh', { refreshToken: first });
    expect(rotated).toMatchObject({ status: 200, body: { status: 'signed_in' } });
    const second = rotated.body['refreshToken'] as string;
    expect(second).not.toBe(first);
    await (await verifier()).verify(rotated.body['accessToken'] as string);

    const reused = await post('/sessions/refresh', { refreshToken: first });
    expect(reused).toMatchObject({
      status: 401,
      body: { error: { code: 'REFRESH_TOKEN_REUSED' } },
    });
    const afterTheft = await post('/sessions/refresh', { refreshToken: second });
    expect(afterTheft).toMatchObject({
      status: 401,
      body: { error: { code: 'REFRESH_TOKEN_INVALID' } },
    });
  });

  it('should end the session at logout and give a deactivated account no new tokens', async () => {
    const { accountId, userId, password } = await seedAccount();
    const one = await post('/sessions', { userId, password });
    expect(
      (await post('/sessions/logout', { refreshToken: one.body['refreshToken'] })).status,
    ).toBe(204);
    expect(
      (await post('/sessions/refresh', { refreshToken: one.body['refreshToken'] })).body,
    ).toMatchObject({ error: { code: 'REFRESH_TOKEN_INVALID' } });

    const two = await post('/sessions', { userId, password });
    await accounts.updateOne({ _id: accountId }, { $set: { status: 'deactivated' } });
    expect(
      (await post('/sessions/refresh', { refreshToken: two.body['refreshToken'] })).body,
    ).toMatchObject({ error: { code: 'REFRESH_TOKEN_INVALID' } });
  });

  it('should reset a password through the emailed one-time link, once', async () => {
    const { accountId, userId, password } = await seedAccount({ mustChangePassword: true });

    expect((await post('/password-resets', { userId })).status).toBe(202);
    expect((await post('/password-resets', { userId: 'nobody.at.all' })).status).toBe(202);

    const event = await eventually(() => {
      const found = eventsOf(PasswordResetRequestedV1).find(
        (e) => e.payload.accountId === accountId,
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.payload).toMatchObject({ email: `${userId}@bandung.go.id`, locale: 'id' });
    expect(eventsOf(PasswordResetRequestedV1)).toHaveLength(1);
    const link = new URL(
      unseal(event.payload.sealedLink, sealingKeyFromBase64(RESET_KEY_ID, RESET_KEY)),
    );
    expect(`${link.origin}${link.pathname}`).toBe('https://portal.kipp.test/reset-password');
    const token = link.searchParams.get('token') ?? '';
    expect(token).toHaveLength(43);

    const weak = await post('/password-resets/confirm', { token, newPassword: 'lemah' });
    expect(weak.body).toMatchObject({ error: { code: 'PASSWORD_POLICY' } });
    const newPassword = 'Setelah-Reset-2027';
    expect((await post('/password-resets/confirm', { token, newPassword })).status).toBe(204);
    const again = await post('/password-resets/confirm', {
      token,
      newPassword: 'Kedua-Kali-2027!',
    });
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'RESET_TOKEN_INVALID' } } });
    expect(
      (await post('/password-resets/confirm', { token: 'made-up', newPassword })).body,
    ).toMatchObject({ error: { code: 'RESET_TOKEN_INVALID' } });

    expect((await post('/sessions', { userId, password })).status).toBe(401);
    expect((await post('/sessions', { userId, password: newPassword })).body).toMatchObject({
      status: 'signed_in',
    });

    // The token never left in clear: not in any event on any topic, nor in any response.
    expect(reader.messages.some((message) => message.value?.includes(token))).toBe(false);
    expect(replies.some((text) => text.includes(token))).toBe(false);
    expect(logLines.some((line) => line.includes(token))).toBe(false);
  });

  it('should end every session of an account when its password is reset', async () => {
    const { accountId, userId, password } = await seedAccount();
    const before = await post('/sessions', { userId, password });
    await post('/password-resets', { userId });
    const event = await eventually(() => {
      const found = eventsOf(PasswordResetRequestedV1).find(
        (e) => e.payload.accountId === accountId,
      );
      expect(found).toBeDefined();
      return found!;
    });
    const token =
      new URL(
        unseal(event.payload.sealedLink, sealingKeyFromBase64(RESET_KEY_ID, RESET_KEY)),
      ).searchParams.get('token') ?? '';
    await post('/password-resets/confirm', { token, newPassword: 'Sesi-Lama-Berakhir-1' });
    expect(
      (await post('/sessions/refresh', { refreshToken: before.body['refreshToken'] })).body,
    ).toMatchObject({ error: { code: 'REFRESH_TOKEN_INVALID' } });
  });

  it('should never let a password hash or sealed TOTP secret out in a response, event or log line', async () => {
    const stored = await accounts.find().lean<Account[]>();
    const secrets = stored.flatMap((account) =>
      [account.passwordHash, account.totpSecretSealed].filter((value): value is string => !!value),
    );
    expect(secrets.length).toBeGreaterThan(5);
    expect(logLines.length).toBeGreaterThan(10);
    const everything = [
      ...replies,
      ...reader.messages.map((message) => message.value ?? ''),
      ...logLines,
    ];
    for (const secret of secrets) {
      expect(everything.filter((text) => text.includes(secret))).toEqual([]);
    }
    expect(everything.filter((text) => text.includes('$argon2id$'))).toEqual([]);
  });

  it('should reject malformed sign-in input with 400 and unknown challenges with 401', async () => {
    expect((await post('/sessions', { userId: 'x' })).body).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      (await post('/sessions/totp', { challenge: 'nope', code: '123456' })).body,
    ).toMatchObject({
      error: { code: 'CHALLENGE_INVALID' },
    });
    expect((await post('/sessions/refresh', { refreshToken: 'nope' })).body).toMatchObject({
      error: { code: 'REFRESH_TOKEN_INVALID' },
    });
  });
});
