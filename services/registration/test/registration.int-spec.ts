import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ALL_EVENTS, InstitutionRegisteredV1, SigningKeyPublishedV1 } from '@kipp/contracts';
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
  let issuer: TestIssuer;
  let reader: TopicReader;
  let admin: Record<string, string>;

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    issuer = await TestIssuer.publish(topics);
    reader = await TopicReader.start([
      topics.topicOf(InstitutionRegisteredV1),
      topics.topicOf(SigningKeyPublishedV1),
    ]);
    const config = loadRegistrationConfig(
      serviceTestEnv({ database: uniqueName('registration'), topicPrefix: topics.prefix }),
    );
    app = await createServiceApp({ name: 'registration', module: AppModule.register(config) });
    await app.init();
    await eventually(async () => {
      await request(app.getHttpServer()).get('/health/ready').expect(200);
    });
    admin = await issuer.headers(['national_admin']);
  });

  afterAll(async () => {
    await app.close();
    await reader.stop();
    await topics.dispose();
  });

  const institutionEvents = (code: string) =>
    reader
      .on(topics.topicOf(InstitutionRegisteredV1))
      .map(
        (m) => JSON.parse(m.value ?? '{}') as { payload: { code: string; institutionId: string } },
      )
      .filter((e) => e.payload.code === code);

  it('should register an institution for the national admin and publish the fact', async () => {
    const response = await request(app.getHttpServer())
      .post('/institutions')
      .set(admin)
      .send({ code: '35.78', name: 'Pemerintah Kota Surabaya', type: 'city', provinceCode: '35' })
      .expect(201);
    const body = response.body as { institutionId: string };
    expect(response.body).toMatchObject({
      code: '35.78',
      type: 'city',
      provinceCode: '35',
      disadvantaged: false,
    });

    await eventually(() => expect(institutionEvents('35.78')).toHaveLength(1));
    expect(institutionEvents('35.78')[0]?.payload.institutionId).toBe(body.institutionId);

    await request(app.getHttpServer())
      .get(`/institutions/${body.institutionId}`)
      .set(admin)
      .expect(200);
  });

  it('should refuse a second institution with the same code, with no second event', async () => {
    const institution = { code: '35.15', name: 'Pemerintah Kabupaten Sidoarjo', type: 'regency' };
    await request(app.getHttpServer())
      .post('/institutions')
      .set(admin)
      .send(institution)
      .expect(201);
    const duplicate = await request(app.getHttpServer())
      .post('/institutions')
      .set(admin)
      .send(institution)
      .expect(409);
    expect(duplicate.body).toMatchObject({ error: { code: 'INSTITUTION_CODE_TAKEN' } });
    await eventually(() => expect(institutionEvents('35.15')).toHaveLength(1));
  });

  it('should reject an invalid institution with the field at fault and publish nothing', async () => {
    const response = await request(app.getHttpServer())
      .post('/institutions')
      .set(admin)
      .send({ code: '99.99', name: 'X', type: 'village' })
      .expect(400);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const paths = (
      response.body as { error: { details: { issues: { path: string }[] } } }
    ).error.details.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'type']));
    expect(institutionEvents('99.99')).toHaveLength(0);
  });

  it('should let no other role register institutions', async () => {
    for (const role of ['local_admin', 'unit_operator', 'evaluator', 'panelist'] as const) {
      const headers = await issuer.headers([role], { institutionId: 'inst_x', unitId: 'unit_x' });
      const response = await request(app.getHttpServer())
        .post('/institutions')
        .set(headers)
        .send({ code: `36.${role.length}`, name: 'Pemerintah Kota Tangerang', type: 'city' });
      expect({
        role,
        status: response.status,
        code: (response.body as { error?: { code: string } }).error?.code,
      }).toEqual({
        role,
        status: 403,
        code: 'AUTH_FORBIDDEN',
      });
    }
  });

  it('should show an institution only to its own local admin', async () => {
    const created = await request(app.getHttpServer())
      .post('/institutions')
      .set(admin)
      .send({ code: '73.71', name: 'Pemerintah Kota Makassar', type: 'city', provinceCode: '73' })
      .expect(201);
    const institutionId = (created.body as { institutionId: string }).institutionId;
    const own = await issuer.headers(['local_admin'], { institutionId });
    const other = await issuer.headers(['local_admin'], { institutionId: 'inst_other' });
    await request(app.getHttpServer()).get(`/institutions/${institutionId}`).set(own).expect(200);
    await request(app.getHttpServer()).get(`/institutions/${institutionId}`).set(other).expect(403);
    await request(app.getHttpServer()).get(`/institutions/${institutionId}`).expect(401);
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
