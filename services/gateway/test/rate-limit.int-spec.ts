import { randomInt } from 'node:crypto';
import { TokenSigner } from '@kipp/auth';
import { authenticatedUser, eventually, uniqueName } from '@kipp/testing';
import { startGatewayApp, type GatewayTestApp } from './support/gateway-test-app';
import { ThrowawayRedis } from './support/redis-server';
import {
  send,
  startEchoUpstream,
  type ClientResponse,
  type EchoUpstream,
} from './support/upstream-servers';

interface ErrorBody {
  error: { code: string; details?: { scope?: string; retryAfterSeconds?: number } };
}
const errorOf = (response: ClientResponse) =>
  JSON.parse(response.body.toString('utf8')) as ErrorBody;

/** A client address no other test (or earlier run) has used; the gateway trusts its loopback peer. */
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const upstreamsAt = (url: string) => ({
  REGISTRATION_URL: url,
  SUBMISSIONS_URL: url,
  EVALUATION_URL: url,
  REPLICATION_URL: url,
  NOTIFICATIONS_URL: url,
});

// Windows far longer than a spec runs, so no window ends between two requests of a test.
const WINDOWS = {
  RATE_LIMIT_IP_WINDOW_SECONDS: '600',
  RATE_LIMIT_USER_WINDOW_SECONDS: '600',
  RATE_LIMIT_CREDENTIALS_WINDOW_SECONDS: '600',
};

function call(
  base: string,
  path: string,
  {
    ip,
    method = 'GET',
    headers = {},
  }: { ip: string; method?: string; headers?: Record<string, string> },
) {
  return send(`${base}${path}`, { method, headers: { 'x-forwarded-for': ip, ...headers } });
}

describe('rate limits shared by every gateway replica', () => {
  let echo: EchoUpstream;
  let gateway: GatewayTestApp;
  let replicas: [string, string];

  beforeAll(async () => {
    echo = await startEchoUpstream();
    gateway = await startGatewayApp({
      env: {
        ...upstreamsAt(echo.url),
        ...WINDOWS,
        RATE_LIMIT_IP_MAX: '6',
        RATE_LIMIT_USER_MAX: '3',
        RATE_LIMIT_CREDENTIALS_MAX: '2',
      },
    });
    const second = await gateway.startListeningReplica();
    replicas = [gateway.url, second.url];
  });

  afterAll(async () => {
    await gateway.close();
    await echo.close();
  });

  /** The i-th request goes to one replica, the next to the other. */
  const replica = (i: number) => replicas[i % 2]!;

  it('should hold one address to one budget across both replicas', async () => {
    const ip = freshIp();
    const allowed: ClientResponse[] = [];
    for (let i = 0; i < 6; i += 1) {
      allowed.push(await call(replica(i), '/api/replication/public/innovations', { ip }));
    }
    const refused = [
      await call(replicas[0], '/api/replication/public/innovations', { ip }),
      await call(replicas[1], '/api/submissions/proposals', { ip }),
    ];

    expect(allowed.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(allowed.map((response) => response.headers['ratelimit-remaining'])).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
      '0',
    ]);
    for (const response of refused) {
      expect(response.status).toBe(429);
      expect(errorOf(response).error).toMatchObject({
        code: 'RATE_LIMITED',
        details: { scope: 'ip' },
      });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.headers).toMatchObject({
        'ratelimit-limit': '6',
        'ratelimit-remaining': '0',
        'ratelimit-policy': '6;w=600',
      });
    }
    expect(
      (await call(replicas[1], '/api/replication/public/innovations', { ip: freshIp() })).status,
    ).toBe(200);
  });

  it('should let probes through from an address whose budget is spent', async () => {
    const ip = freshIp();
    for (let i = 0; i < 7; i += 1) await call(replica(i), '/api/evaluation/x', { ip });

    expect((await call(replicas[0], '/api/evaluation/x', { ip })).status).toBe(429);
    expect((await call(replicas[0], '/health/live', { ip })).status).toBe(200);
    expect((await call(replicas[1], '/health/ready', { ip })).status).toBe(200);
  });

  it('should hold a signed-in user to one budget wherever they connect from', async () => {
    const accountId = uniqueName('acct');
    const headers = await gateway.issuer.headers(['evaluator'], { accountId });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push(
        (await call(replica(i), '/api/evaluation/assignments', { ip: freshIp(), headers })).status,
      );
    }
    const refused = await call(replica(3), '/api/evaluation/assignments', {
      ip: freshIp(),
      headers,
    });

    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(errorOf(refused).error.details?.scope).toBe('user');
    expect(refused.headers['ratelimit-policy']).toBe('6;w=600, 3;w=600');

    const colleague = await gateway.issuer.headers(['evaluator']);
    expect(
      (
        await call(replicas[0], '/api/evaluation/assignments', {
          ip: freshIp(),
          headers: colleague,
        })
      ).status,
    ).toBe(200);
  });

  it('should not let a made-up token spend the budget of the account it names', async () => {
    const accountId = uniqueName('acct');
    const forger = await TokenSigner.generate('EdDSA', uniqueName('forged-key'));
    const forged = await forger.sign(authenticatedUser(['evaluator'], { accountId }), {
      ttlSeconds: 600,
    });
    for (let i = 0; i < 4; i += 1) {
      const response = await call(replica(i), '/api/evaluation/assignments', {
        ip: freshIp(),
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(response.headers['ratelimit-policy']).toBe('6;w=600');
    }

    const victim = await gateway.issuer.headers(['evaluator'], { accountId });
    expect(
      (await call(replicas[0], '/api/evaluation/assignments', { ip: freshIp(), headers: victim }))
        .status,
    ).toBe(200);
  });

  it('should slow sign-in attempts from one address long before its ordinary budget', async () => {
    const ip = freshIp();
    const signIn = (base: string, path = '/api/registration/sessions') =>
      call(base, path, { ip, method: 'POST', headers: { 'content-type': 'application/json' } });

    const allowed = [
      await signIn(replicas[0]),
      await signIn(replicas[1], '/api/registration/sessions/totp'),
    ];
    const refused = [
      await signIn(replicas[0]),
      await signIn(replicas[1], '/api/registration/SESSIONS/'),
      await signIn(replicas[0], '/api/registration/password-resets'),
    ];

    expect(allowed.map((response) => response.status)).toEqual([200, 200]);
    for (const response of refused) {
      expect(response.status).toBe(429);
      expect(errorOf(response).error.details?.scope).toBe('credentials');
    }
    // Everything else from that address, and refreshing a session, still goes through.
    expect((await call(replicas[1], '/api/registration/editions', { ip })).status).toBe(200);
    expect((await signIn(replicas[0], '/api/registration/sessions/refresh')).status).toBe(200);
  });
});

describe('rate limits while Redis is down', () => {
  let echo: EchoUpstream;
  let redis: ThrowawayRedis;
  let gateway: GatewayTestApp;

  beforeAll(async () => {
    echo = await startEchoUpstream();
    redis = await ThrowawayRedis.start();
    gateway = await startGatewayApp({
      env: { ...upstreamsAt(echo.url), ...WINDOWS, REDIS_URL: redis.url, RATE_LIMIT_IP_MAX: '2' },
    });
  });

  afterAll(async () => {
    await redis.resume();
    await gateway.close();
    await redis.stop();
    await echo.close();
  });

  it('should let requests through unlimited while Redis is down and limit again once it is back', async () => {
    const ip = freshIp();
    const get = () => call(gateway.url, '/api/replication/public/innovations', { ip });
    expect([(await get()).status, (await get()).status, (await get()).status]).toEqual([
      200, 200, 429,
    ]);

    await redis.stop();
    const whileDown = [await get(), await get(), await get()];

    expect(whileDown.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(whileDown.every((response) => response.headers['ratelimit-limit'] === undefined)).toBe(
      true,
    );

    await redis.resume();
    // The restarted Redis is empty: counting starts again once the gateway has reconnected.
    await eventually(async () => {
      expect((await get()).headers['ratelimit-limit']).toBe('2');
    });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(429);
  });
});
