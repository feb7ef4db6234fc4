import mongoose from 'mongoose';
import { ALL_EVENTS, InstitutionRegisteredV1 } from '@kipp/contracts';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  TopicReader,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { OtlpCollector } from '../support/otlp-collector';
import { ServiceProcess } from '../support/service-process';

/**
 * The event backbone across real service processes: registration (producer, outbox) and
 * submissions (consumer, projection) on the real broker and database.
 */
describe('event backbone between services', () => {
  let topics: TestTopics;
  let collector: OtlpCollector;
  let issuer: TestIssuer;
  let registration: ServiceProcess;
  let submissions: ServiceProcess;
  let reader: TopicReader;
  const databases = {
    registration: uniqueName('e2e_registration'),
    submissions: uniqueName('e2e_submissions'),
  };

  const envOf = (database: string): Record<string, string> => ({
    ...serviceTestEnv({ database, topicPrefix: topics.prefix, logLevel: 'info' }),
    ...collector.exporterEnv,
    // Only the institutions this test registers: the regions seed would take their codes.
    REGIONS_SEED_ON_START: 'false',
  });

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    collector = await OtlpCollector.start();
    issuer = await TestIssuer.publish(topics);
    reader = await TopicReader.start([topics.topicOf(InstitutionRegisteredV1)]);
    [registration, submissions] = await Promise.all([
      ServiceProcess.start('registration', envOf(databases.registration)),
      ServiceProcess.start('submissions', envOf(databases.submissions)),
    ]);
  });

  afterAll(async () => {
    // Whatever beforeAll got to start is stopped, even when it failed half-way.
    for (const service of [registration, submissions] as (ServiceProcess | undefined)[]) {
      await service?.stop().catch(() => undefined);
    }
    await (collector as OtlpCollector | undefined)?.stop();
    await (reader as TopicReader | undefined)?.stop();
    await (topics as TestTopics | undefined)?.dispose();
    const client = await mongoose.createConnection(testInfrastructure.mongoUri).asPromise();
    for (const name of Object.values(databases)) await client.useDb(name).dropDatabase();
    await client.close();
  });

  async function register(
    code: string,
  ): Promise<{ status: number; institutionId?: string; traceId?: string }> {
    const response = await registration.fetch('/institutions', {
      method: 'POST',
      headers: await issuer.headers(['national_admin']),
      body: JSON.stringify({
        code,
        name: `Pemerintah ${code}`,
        type: 'regency',
        provinceCode: '32',
      }),
    });
    if (response.status !== 201) return { status: response.status };
    const body = (await response.json()) as { institutionId: string };
    return { status: 201, institutionId: body.institutionId };
  }

  async function knownToSubmissions(institutionId: string): Promise<Response> {
    return submissions.fetch(`/institutions/${institutionId}`, {
      headers: await issuer.headers(['national_admin']),
    });
  }

  async function submissionsDb<T>(work: (db: mongoose.Connection) => Promise<T>): Promise<T> {
    const connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: databases.submissions })
      .asPromise();
    try {
      return await work(connection);
    } finally {
      await connection.close();
    }
  }

  it('should carry an event from one service use case to another service, in one trace', async () => {
    const { status, institutionId } = await register('32.04');
    expect(status).toBe(201);

    const projected = await eventually(async () => {
      const response = await knownToSubmissions(institutionId!);
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    });
    expect(projected).toMatchObject({
      institutionId,
      code: '32.04',
      type: 'regency',
      provinceCode: '32',
    });

    await eventually(() => {
      const consumed = collector.spans.find(
        (span) =>
          span.service === 'submissions' &&
          span.name === `${topics.topicOf(InstitutionRegisteredV1)} process`,
      );
      expect(consumed).toBeDefined();
      const trace = collector.trace(consumed!.traceId);
      const services = new Set(trace.map((span) => span.service));
      expect(services).toEqual(new Set(['registration', 'submissions']));
      // The trace starts at the HTTP request that registered the institution, and the
      // consumer's span hangs under the producer's publish span.
      const root = trace.find((span) => span.parentSpanId === '');
      expect(root).toMatchObject({ service: 'registration', name: 'POST /institutions' });
      const parent = trace.find((span) => span.spanId === consumed!.parentSpanId);
      expect(parent).toMatchObject({
        service: 'registration',
        name: `${topics.topicOf(InstitutionRegisteredV1)} publish`,
      });
    });
  });

  /** Event ids on the wire for an institution, and how many of them submissions applied. */
  async function effectsOf(
    institutionId: string,
  ): Promise<{ published: number; applied: number; projections: number }> {
    const eventIds = reader
      .on(topics.topicOf(InstitutionRegisteredV1))
      .filter(
        (m) =>
          (JSON.parse(m.value ?? '{}') as { payload?: { institutionId?: string } }).payload
            ?.institutionId === institutionId,
      )
      .map((m) => m.headers['x-event-id'] ?? '');
    return submissionsDb(async (db) => ({
      published: new Set(eventIds).size,
      applied: await db
        .collection('processed_events')
        .countDocuments({ eventId: { $in: eventIds } }),
      projections: await db
        .collection('institutions')
        .countDocuments({ _id: institutionId as never }),
    }));
  }

  it('should deliver the event with one effect when the producer is killed after its state change and before the publish', async () => {
    // The relay is held back so the kill lands exactly between commit and publish.
    await registration.restart({ OUTBOX_RELAY_ENABLED: 'false' });
    const { status, institutionId } = await register('33.01');
    expect(status).toBe(201);
    await registration.kill();

    expect((await knownToSubmissions(institutionId!)).status).toBe(404);

    await registration.restart({ OUTBOX_RELAY_ENABLED: 'true' });
    await eventually(async () =>
      expect((await knownToSubmissions(institutionId!)).status).toBe(200),
    );
    await eventually(async () =>
      expect(await effectsOf(institutionId!)).toEqual({ published: 1, applied: 1, projections: 1 }),
    );
  });

  it('should lose no accepted registration and apply none twice when the producer is killed mid-stream', async () => {
    const accepted: string[] = [];
    let next = 0;
    const send = async (until: number) => {
      const worker = async () => {
        while (next < until) {
          const code = `34.${String(next++).padStart(3, '0')}`;
          const result = await register(code).catch(() => ({
            status: 0,
            institutionId: undefined,
          }));
          if (result.status === 201 && result.institutionId) accepted.push(result.institutionId);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    };
    // Requests are in flight when the process dies: some are refused, some cut off; what
    // was acknowledged (201) must arrive downstream exactly once.
    const stream = send(60);
    await eventually(() => expect(accepted.length).toBeGreaterThanOrEqual(15), { intervalMs: 5 });
    await registration.kill();
    await stream;
    await registration.restart();
    await send(90);

    await eventually(
      async () => {
        const projected = await submissionsDb((db) =>
          db.collection('institutions').countDocuments({ _id: { $in: accepted as never[] } }),
        );
        expect(projected).toBe(accepted.length);
      },
      { timeoutMs: 60_000 },
    );
    for (const institutionId of accepted) {
      const effects = await effectsOf(institutionId);
      expect({ institutionId, ...effects }).toEqual({
        institutionId,
        published: 1,
        applied: 1,
        projections: 1,
      });
    }
  });
});
