import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ALL_EVENTS, SigningKeyPublishedV1 } from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
  TestIssuer,
  TopicReader,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadRegistrationConfig } from '../src/config/registration.config';

describe('registration service', () => {
  let app: INestApplication<App>;
  let topics: TestTopics;
  let reader: TopicReader;

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    await TestIssuer.publish(topics);
    reader = await TopicReader.start([topics.topicOf(SigningKeyPublishedV1)]);
    const config = loadRegistrationConfig(
      serviceTestEnv({ database: uniqueName('registration'), topicPrefix: topics.prefix }),
    );
    app = await createServiceApp({ name: 'registration', module: AppModule.register(config) });
    await app.init();
    await eventually(async () => {
      await request(app.getHttpServer()).get('/health/ready').expect(200);
    });
  });

  afterAll(async () => {
    await app.close();
    await reader.stop();
    await topics.dispose();
  });

  it('should publish its signing key as JWKS and as an event, without private parts', async () => {
    const jwks = await request(app.getHttpServer()).get('/.well-known/jwks.json').expect(200);
    const keys = (jwks.body as { keys: Record<string, unknown>[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');

    await eventually(() => {
      const published = reader
        .on(topics.topicOf(SigningKeyPublishedV1))
        .map((m) => m.value ?? '')
        .filter((value) => value.includes(String(keys[0]?.['kid'])));
      expect(published).toHaveLength(1);
      expect(published[0]).not.toContain('"d"');
      expect(published[0]).not.toContain('PRIVATE KEY');
    });
  });
});
