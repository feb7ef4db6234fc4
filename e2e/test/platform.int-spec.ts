import mongoose from 'mongoose';
import { ALL_EVENTS, SERVICE_NAMES } from '@kipp/contracts';
import {
  createTestTopics,
  serviceTestEnv,
  testInfrastructure,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { ServiceProcess, type ServiceName } from '../support/service-process';

const SERVICES: readonly ServiceName[] = SERVICE_NAMES;

interface HealthReport {
  status: string;
  details: Record<string, { status: string }>;
}

/**
 * Every service boots as `npm start` runs it, becomes ready once its dependencies answer
 * (including the signing key published by registration), documents its API, answers
 * unknown routes with a stable code, and shuts down cleanly on SIGTERM.
 */
describe('the whole platform', () => {
  let topics: TestTopics;
  const databases = Object.fromEntries(SERVICES.map((name) => [name, uniqueName(`e2e_${name}`)]));
  const running = new Map<ServiceName, ServiceProcess>();

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    const started = await Promise.all(
      SERVICES.map((name) =>
        ServiceProcess.start(
          name,
          serviceTestEnv({
            database: databases[name] ?? name,
            topicPrefix: topics.prefix,
            logLevel: 'warn',
          }),
        ),
      ),
    );
    for (const service of started) running.set(service.name, service);
  });

  afterAll(async () => {
    await Promise.all([...running.values()].map((service) => service.stop('SIGKILL')));
    await topics.dispose();
    const client = await mongoose.createConnection(testInfrastructure.mongoUri).asPromise();
    for (const name of Object.values(databases)) await client.useDb(name).dropDatabase();
    await client.close();
  });

  it.each(SERVICES)('should have %s ready with every dependency up', async (name) => {
    const service = running.get(name)!;
    expect((await service.fetch('/health/live')).status).toBe(200);
    const ready = await service.fetch('/health/ready');
    expect(ready.status).toBe(200);
    const report = (await ready.json()) as HealthReport;
    expect(report.details).toEqual({
      mongo: { status: 'up' },
      kafka: { status: 'up' },
      redis: { status: 'up' },
      'signing-keys': { status: 'up' },
    });
  });

  it.each(SERVICES)('should serve the OpenAPI document of %s', async (name) => {
    const response = await running.get(name)!.fetch('/docs-json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { info: { title: string } }).info.title).toBe(name);
  });

  it.each(SERVICES)('should answer an unknown route of %s with a stable code', async (name) => {
    const response = await running.get(name)!.fetch('/no-such-route');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it.each(SERVICES)('should stop %s cleanly on SIGTERM', async (name) => {
    expect(await running.get(name)!.stop('SIGTERM')).toBe(0);
  });
});
