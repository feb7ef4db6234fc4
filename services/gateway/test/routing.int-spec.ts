import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { ALL_EVENTS } from '@kipp/contracts';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { startServiceProcess, type RunningService } from './support/service-process';
import { closedPort, startEchoUpstream, type TestUpstream } from './support/upstream-servers';

interface ErrorBody {
  error: { code: string; message: string };
}

interface AggregatedDocument {
  paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  components: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  'x-unavailable-services': string[];
}

/**
 * The gateway and the registration service as `npm start` runs them, on the real local
 * infrastructure: routing, tokens passing through to the service that checks them, the
 * request id in both services' logs, the merged OpenAPI document and the upstream report
 * while some services are down.
 */
describe('the gateway in front of the real registration service', () => {
  let topics: TestTopics;
  let issuer: TestIssuer;
  let registration: RunningService;
  let gateway: RunningService;
  let echo: TestUpstream;
  const databases = [uniqueName('gw_registration'), uniqueName('gw_gateway')] as const;

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    issuer = await TestIssuer.publish(topics);
    echo = await startEchoUpstream();
    const down = `http://127.0.0.1:${await closedPort()}`;
    registration = await startServiceProcess('registration', {
      env: {
        ...serviceTestEnv({ database: databases[0], topicPrefix: topics.prefix, logLevel: 'info' }),
        REGIONS_SEED_ON_START: 'false',
      },
    });
    gateway = await startServiceProcess('gateway', {
      env: {
        ...serviceTestEnv({ database: databases[1], topicPrefix: topics.prefix, logLevel: 'info' }),
        REGISTRATION_URL: registration.url,
        // Answers, but not with an OpenAPI document.
        SUBMISSIONS_URL: echo.url,
        EVALUATION_URL: down,
        REPLICATION_URL: down,
        NOTIFICATIONS_URL: down,
      },
    });
  });

  afterAll(async () => {
    await Promise.all([gateway.stop(), registration.stop()]);
    await echo.close();
    await topics.dispose();
    const client = await mongoose.createConnection(testInfrastructure.mongoUri).asPromise();
    for (const name of databases) await client.useDb(name).dropDatabase();
    await client.close();
  });

  const viaGateway = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, init);

  it('should route a signed-in call to the service, which checks the token itself', async () => {
    const response = await viaGateway('/api/registration/editions', {
      headers: await issuer.headers(['national_admin']),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('editions');
  });

  it.each([
    ['no token', {}, 'AUTH_TOKEN_MISSING'],
    ['a made-up token', { authorization: 'Bearer not.a.token' }, 'AUTH_TOKEN_INVALID'],
  ])('should leave it to the service to refuse %s', async (_name, headers, code) => {
    const response = await viaGateway('/api/registration/editions', { headers });

    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).error.code).toBe(code);
  });

  it('should carry a JSON body to the service and its answer back', async () => {
    const response = await viaGateway('/api/registration/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: uniqueName('nobody'), password: 'Not-The-Password#1' }),
    });

    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).error.code).toBe('SIGN_IN_FAILED');
  });

  it('should carry the request id into both services’ logs and one trace, and return it', async () => {
    const requestId = `it-${randomUUID()}`;

    const response = await viaGateway('/api/registration/editions', {
      headers: { ...(await issuer.headers(['national_admin'])), 'x-request-id': requestId },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(response.headers.get('x-correlation-id')).toBe(requestId);
    await eventually(async () => {
      const gatewayLine = (await gateway.logLines()).find(
        (line) => line['request_id'] === requestId,
      );
      expect(gatewayLine).toMatchObject({ msg: 'proxied', upstream: 'registration', status: 200 });
      const registrationLine = (await registration.logLines()).find(
        (line) => line['reqId'] === requestId,
      );
      // One trace from the gateway into the service: the call carried the trace context.
      expect(registrationLine?.['trace_id']).toBe(gatewayLine?.['trace_id']);
    });
  });

  it('should make a request id when the client brings none', async () => {
    const response = await viaGateway('/api/registration/editions', {
      headers: await issuer.headers(['national_admin']),
    });

    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-correlation-id')).toBe(requestId);
  });

  it.each(['/api/billing/invoices', '/api/registration/health/ready', '/api'])(
    'should answer %s with 404 ROUTE_NOT_FOUND',
    async (path) => {
      const response = await viaGateway(path);

      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('ROUTE_NOT_FOUND');
    },
  );

  it('should merge the services’ OpenAPI documents and list the ones that are down', async () => {
    const response = await viaGateway('/api/docs-json');

    expect(response.status).toBe(200);
    const document = (await response.json()) as AggregatedDocument;
    expect(document['x-unavailable-services']).toEqual([
      'evaluation',
      'notifications',
      'replication',
      'submissions',
    ]);
    expect(document.paths['/api/registration/sessions']?.['post']).toMatchObject({
      operationId: expect.stringMatching(/^registration_/) as unknown,
    });
    expect(Object.keys(document.paths).every((path) => path.startsWith('/api/registration/'))).toBe(
      true,
    );
    // The services describe their bodies inline today; any named schema would be prefixed.
    expect(
      Object.keys(document.components.schemas ?? {}).every((name) =>
        name.startsWith('registration.'),
      ),
    ).toBe(true);
    expect(document.components.securitySchemes).toHaveProperty('bearer');
    expect(JSON.stringify(document)).not.toMatch(/"#\/components\/schemas\/(?!registration\.)/);
  });

  it('should serve Swagger UI for the merged document', async () => {
    const page = await viaGateway('/api/docs');
    const init = await viaGateway('/api/docs/swagger-ui-init.js');

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    expect(await init.text()).toContain('/api/registration/sessions');
  });

  it('should report each service’s readiness with 200 while some are down', async () => {
    const response = await viaGateway('/health/upstreams');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'degraded',
      services: {
        registration: { status: 'up', httpStatus: 200 },
        // The echo server answers 200 to everything, /health/ready included.
        submissions: { status: 'up', httpStatus: 200 },
        evaluation: { status: 'down', reason: 'unreachable' },
        replication: { status: 'down', reason: 'unreachable' },
        notifications: { status: 'down', reason: 'unreachable' },
      },
    });
  });
});
