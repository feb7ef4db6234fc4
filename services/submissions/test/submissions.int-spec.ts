import type { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ALL_EVENTS, InstitutionRegisteredV1 } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestTopics,
  eventually,
  produceRaw,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadSubmissionsConfig } from '../src/config/submissions.config';

describe('submissions service: institution projection', () => {
  let app: INestApplication<App>;
  let topics: TestTopics;
  let issuer: TestIssuer;
  let admin: Record<string, string>;
  const database = uniqueName('submissions');

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    issuer = await TestIssuer.publish(topics);
    const config = loadSubmissionsConfig(serviceTestEnv({ database, topicPrefix: topics.prefix }));
    app = await createServiceApp({ name: 'submissions', module: AppModule.register(config) });
    await app.init();
    await eventually(async () => {
      await request(app.getHttpServer()).get('/health/ready').expect(200);
    });
    admin = await issuer.headers(['national_admin']);
  });

  afterAll(async () => {
    await app.close();
    await topics.dispose();
    const connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: database })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  async function publish(institutionId: string, times = 1): Promise<string> {
    const event = createEvent(InstitutionRegisteredV1, {
      ...InstitutionRegisteredV1.example,
      institutionId,
      code: institutionId,
    });
    const message = { key: event.key, value: event.value, headers: event.headers };
    await produceRaw(
      topics.topicOf(InstitutionRegisteredV1),
      Array.from({ length: times }, () => message),
    );
    return event.eventId;
  }

  it('should know an institution once registration has published it', async () => {
    await publish('inst_bandung');
    const response = await eventually(() =>
      request(app.getHttpServer()).get('/institutions/inst_bandung').set(admin).expect(200),
    );
    expect(response.body).toMatchObject({
      institutionId: 'inst_bandung',
      type: 'city',
      provinceCode: '32',
    });
  });

  it('should apply an event delivered twice once', async () => {
    const eventId = await publish('inst_twice', 2);
    await eventually(() =>
      request(app.getHttpServer()).get('/institutions/inst_twice').set(admin).expect(200),
    );
    const connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: database })
      .asPromise();
    try {
      expect(await connection.collection('processed_events').countDocuments({ eventId })).toBe(1);
    } finally {
      await connection.close();
    }
  });

  it('should show an institution only to the national admin and its own people', async () => {
    await publish('inst_scope');
    await eventually(() =>
      request(app.getHttpServer()).get('/institutions/inst_scope').set(admin).expect(200),
    );
    const own = await issuer.headers(['local_admin'], { institutionId: 'inst_scope' });
    const other = await issuer.headers(['local_admin'], { institutionId: 'inst_elsewhere' });
    const evaluator = await issuer.headers(['evaluator']);
    await request(app.getHttpServer()).get('/institutions/inst_scope').set(own).expect(200);
    await request(app.getHttpServer()).get('/institutions/inst_scope').set(other).expect(403);
    await request(app.getHttpServer()).get('/institutions/inst_scope').set(evaluator).expect(403);
    await request(app.getHttpServer()).get('/institutions/inst_scope').expect(401);
  });

  it('should answer 404 with a stable code for an institution it does not know', async () => {
    const response = await request(app.getHttpServer())
      .get('/institutions/inst_unknown')
      .set(admin)
      .expect(404);
    expect(response.body).toMatchObject({ error: { code: 'INSTITUTION_NOT_FOUND' } });
  });
});
