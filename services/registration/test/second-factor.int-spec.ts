import { randomBytes } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Response } from 'supertest';
import { timeStepOf, totpCode, type Role } from '@kipp/auth';
import { uniqueName } from '@kipp/testing';
import { ACCOUNT_MODEL, type Account } from '../src/account/account.schema';
import { PasswordHasher } from '../src/account/password-hasher';
import { startRegistrationApp, type RegistrationTestApp } from './registration-test-app';

describe('second factor from account settings', () => {
  let service: RegistrationTestApp;
  let accounts: Model<Account>;
  /** Every response body this spec received, to check that no secret ever left. */
  const replies: string[] = [];

  const record = (response: Response): Response => {
    replies.push(response.text);
    return response;
  };

  async function post(path: string, body: object, token?: string): Promise<Response> {
    const req = service.http().post(path);
    if (token) void req.set('authorization', `Bearer ${token}`);
    return record(await req.send(body));
  }

  async function remove(path: string, body: object, token: string): Promise<Response> {
    return record(
      await service.http().delete(path).set('authorization', `Bearer ${token}`).send(body),
    );
  }

  /** A code for a step in the acceptance window that this spec has not used yet. */
  function freshCode(secret: string, used: Set<number>): string {
    const now = timeStepOf(new Date());
    const step = [now, now + 1, now - 1].find((candidate) => !used.has(candidate));
    if (step === undefined) throw new Error('every step in the window is used');
    used.add(step);
    return totpCode(secret, step);
  }

  async function seedAccount(roles: Role[]): Promise<{
    accountId: string;
    userId: string;
    password: string;
  }> {
    const accountId = uniqueName('acct');
    const userId = uniqueName('admin').replace('_', '.');
    const password = `Kata-Sandi-${randomBytes(4).toString('hex')}`;
    const local = roles.includes('local_admin');
    await accounts.create({
      _id: accountId,
      userId,
      name: 'Dewi Lestari',
      email: `${userId}@bandung.go.id`,
      locale: 'id',
      roles,
      institutionId: local ? 'inst_3273' : null,
      unitId: null,
      status: 'active',
      passwordHash: await new PasswordHasher().hash(password),
      mustChangePassword: false,
    });
    return { accountId, userId, password };
  }

  beforeAll(async () => {
    service = await startRegistrationApp({ env: { SIGN_IN_IP_LIMIT: '1000' } });
    accounts = service.app.get<Model<Account>>(getModelToken(ACCOUNT_MODEL));
  });

  afterAll(async () => {
    await service.close();
  });

  it('should let a local admin turn TOTP on, then ask for a code at sign-in, and turn it off again', async () => {
    const { accountId, userId, password } = await seedAccount(['local_admin']);
    const first = await post('/sessions', { userId, password });
    expect(first.body).toMatchObject({ status: 'signed_in' });
    const token = (first.body as { accessToken: string }).accessToken;

    expect((await post('/me/second-factor', {})).status).toBe(401);
    const early = await post('/me/second-factor/confirmation', { code: '123456' }, token);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'NO_PENDING_SECOND_FACTOR' } });

    const offer = await post('/me/second-factor', {}, token);
    expect(offer.status).toBe(201);
    const { secret, otpauthUri } = offer.body as { secret: string; otpauthUri: string };
    expect(otpauthUri).toContain(`secret=${secret}`);
    replies.splice(replies.indexOf(offer.text), 1); // the one answer that must show it

    const wrong = await post('/me/second-factor/confirmation', { code: '000000' }, token);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'TOTP_CODE_INVALID' } });
    const used = new Set<number>();
    const code = freshCode(secret, used);
    expect((await post('/me/second-factor/confirmation', { code }, token)).status).toBe(204);
    const replay = await post('/me/second-factor/confirmation', { code }, token);
    expect(replay.status).toBe(409);
    expect((await post('/me/second-factor', {}, token)).body).toMatchObject({
      error: { code: 'SECOND_FACTOR_ALREADY_ENABLED' },
    });

    const next = await post('/sessions', { userId, password });
    expect(next.body).toMatchObject({ status: 'totp_required' });
    const challenge = (next.body as { challenge: string }).challenge;
    const signedIn = await post('/sessions/totp', { challenge, code: freshCode(secret, used) });
    expect(signedIn.body).toMatchObject({ status: 'signed_in' });

    const stored = await accounts.findById(accountId).lean<Account>();
    // Sealed as keyId.iv.ciphertext.tag (AES-256-GCM), never the base32 secret itself.
    expect(stored?.totpSecretSealed).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored?.totpSecretSealed).not.toContain(secret);
    // Who, when and what, written with the secret; the secret itself is not in the detail.
    expect(stored?.history).toHaveLength(1);
    expect(stored?.history[0]).toMatchObject({
      by: accountId,
      action: 'totp_enrolled',
      detail: { via: 'account_settings' },
    });
    expect(stored?.history[0]?.at).toBeInstanceOf(Date);
    expect(JSON.stringify(stored?.history)).not.toContain(secret);

    const badDisable = await remove('/me/second-factor', { code: '000000' }, token);
    expect(badDisable.status).toBe(400);
    expect(badDisable.body).toMatchObject({ error: { code: 'TOTP_CODE_INVALID' } });
    const disabled = await remove('/me/second-factor', { code: freshCode(secret, used) }, token);
    expect(disabled.status).toBe(204);
    expect((await post('/sessions', { userId, password })).body).toMatchObject({
      status: 'signed_in',
    });

    const national = await service.issuer.headers(['national_admin']);
    const history = record(
      await service.http().get(`/accounts/${accountId}/history`).set(national).expect(200),
    );
    expect(history.body).toMatchObject({
      items: [
        { by: accountId, action: 'totp_enrolled', detail: { via: 'account_settings' } },
        { by: accountId, action: 'totp_disabled', detail: { via: 'account_settings' } },
      ],
    });
    const after = await accounts.findById(accountId).lean<Account>();
    expect(after).toMatchObject({ totpSecretSealed: null, totpEnabledAt: null });
    expect(replies.filter((text) => text.includes(secret))).toEqual([]);
  });

  it('should not let a national admin turn TOTP off', async () => {
    const { accountId, userId, password } = await seedAccount(['national_admin']);
    const start = await post('/sessions', { userId, password });
    expect(start.body).toMatchObject({ status: 'totp_enrolment_required' });
    const challenge = (start.body as { challenge: string }).challenge;
    const offer = await post('/sessions/totp/enrolment', { challenge });
    const { secret } = offer.body as { secret: string };
    replies.splice(replies.indexOf(offer.text), 1);
    const used = new Set<number>();
    const enrolled = await post('/sessions/totp/enrolment/confirm', {
      challenge,
      code: freshCode(secret, used),
    });
    expect(enrolled.body).toMatchObject({ status: 'signed_in' });
    const token = (enrolled.body as { accessToken: string }).accessToken;

    const refused = await remove('/me/second-factor', { code: freshCode(secret, used) }, token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'SECOND_FACTOR_REQUIRED' } });
    expect((await post('/me/second-factor', {}, token)).status).toBe(409);

    const stored = await accounts.findById(accountId).lean<Account>();
    expect(stored?.totpEnabledAt).toBeInstanceOf(Date);
    expect(stored?.history.map((entry) => entry.action)).toEqual(['totp_enrolled']);
    expect(JSON.stringify(stored?.history)).not.toContain(secret);
    expect(replies.filter((text) => text.includes(secret))).toEqual([]);
  });
});
