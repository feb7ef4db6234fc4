import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SigningKeyPublishedV1 } from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestDatabase,
  createTestTopics,
  eventually,
  SmtpCapture,
  TestIssuer,
  type TestDatabase,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadNotificationsConfig } from '../src/config/notifications.config';
import { MailTransport } from '../src/mail/mail.transport';

interface HealthReport {
  status: string;
  error: Record<string, { status: string; message?: string }>;
  details: Record<string, { status: string; message?: string }>;
}

describe('notifications service on the local infrastructure', () => {
  let smtp: SmtpCapture;
  let database: TestDatabase;
  let topics: TestTopics;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    [smtp, database, topics] = await Promise.all([
      SmtpCapture.start(),
      createTestDatabase('notifications'),
      createTestTopics([SigningKeyPublishedV1]),
    ]);
    const config = loadNotificationsConfig({
      ...process.env,
      MONGO_DB: database.name,
      KAFKA_TOPIC_PREFIX: topics.prefix,
      LOG_LEVEL: 'silent',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'KIPP Test <no-reply@kipp.test>',
    });
    app = await createServiceApp({ name: 'notifications', module: AppModule.register(config) });
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
    await topics.dispose();
    // After the app: its pooled SMTP connections must be closed for the server to stop.
    await smtp.stop();
  });

  it('should answer 200 on /health/live when the process serves', async () => {
    await http.get('/health/live').expect(200);
  });

  it('should answer 503 on /health/ready naming the signing keys when none has been published', async () => {
    const response = await http.get('/health/ready').expect(503);

    expect((response.body as HealthReport).error['signing-keys']).toEqual({
      status: 'down',
      message: 'no access-token signing key received yet',
    });
  });

  it('should answer 200 on /health/ready with every dependency up once a signing key is published', async () => {
    await TestIssuer.publish(topics);

    const report = await eventually(
      async () => (await http.get('/health/ready').expect(200)).body as HealthReport,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(report.details).toEqual({
      mongo: { status: 'up' },
      kafka: { status: 'up' },
      redis: { status: 'up' },
      'signing-keys': { status: 'up' },
    });
  });

  it('should serve its OpenAPI document titled after the service', async () => {
    const response = await http.get('/docs-json').expect(200);

    expect(response.body).toMatchObject({ info: { title: 'notifications' } });
  });

  it('should deliver a mail through the SMTP relay when the transport sends one', async () => {
    const sent = await app.get(MailTransport).send({
      to: 'admin.lokal@bandung.test',
      subject: 'Proposal Anda telah diteruskan',
      text: 'Proposal "Mal Pelayanan Publik" telah diteruskan ke KemenPAN-RB.',
    });

    expect(sent.rejected).toEqual([]);
    expect(smtp.to('admin.lokal@bandung.test')).toEqual([
      expect.objectContaining({
        from: 'no-reply@kipp.test',
        subject: 'Proposal Anda telah diteruskan',
        text: expect.stringContaining('Mal Pelayanan Publik') as unknown,
      }),
    ]);
  });
});
