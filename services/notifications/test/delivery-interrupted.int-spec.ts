import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Model } from 'mongoose';
import { MessageDeadLetteredV1 } from '@kipp/contracts';
import { eventually, serviceTestEnv, TopicReader } from '@kipp/testing';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { freePort, seedReturnedNotice, testRecipient, TestRelay } from './delivery-test-relay';
import {
  FAST_DELIVERY_ENV,
  startNotificationsApp,
  type NotificationsTestApp,
} from './notifications-test-app';

const workspaceRoot = path.resolve(__dirname, '../../..');

describe('a replica killed while the relay has a mail', () => {
  let app: NotificationsTestApp;
  let hanging: TestRelay;
  let reader: TopicReader;
  let child: ChildProcess | undefined;
  let messages: Model<MessageDocument>;

  beforeAll(async () => {
    hanging = await TestRelay.start(0, { hangOnData: true });
    // This replica only seeds and inspects until the child is gone.
    app = await startNotificationsApp({ env: { DELIVERY_ENABLED: 'false' } });
    messages = app.model<MessageDocument>(MESSAGE_MODEL);
    reader = await TopicReader.start([app.topics.topicOf(MessageDeadLetteredV1)]);
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await reader.stop();
    await app.close();
    await hanging.stop();
  });

  async function startChild(): Promise<ChildProcess> {
    const port = await freePort();
    const started = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join('services', 'notifications', 'src', 'main.ts')],
      {
        cwd: workspaceRoot,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '',
          ...serviceTestEnv({ database: app.database, topicPrefix: app.topics.prefix }),
          HOST: '127.0.0.1',
          PORT: String(port),
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(hanging.port),
          SMTP_FROM: 'KIPP <no-reply@kipp.test>',
          PORTAL_URL: 'https://portal.kipp.test',
          ...FAST_DELIVERY_ENV,
        },
        stdio: 'ignore',
      },
    );
    child = started;
    await eventually(
      async () => {
        if (started.exitCode !== null) throw new Error(`child exited with ${started.exitCode}`);
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        expect(response.status).toBe(200);
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    return started;
  }

  it('should mark the mail interrupted, dead-letter it and never send it again', async () => {
    const replica = await startChild();
    const recipient = testRecipient();
    const { noticeId } = await seedReturnedNotice(app, [recipient]);
    const messageId = `${noticeId}:${recipient.accountId}:email`;

    await eventually(() => expect(hanging.dataStarted).toContain(recipient.email));
    const claimed = await messages.findById(messageId).lean<MessageDocument>();
    expect(claimed?.status).toBe('sending');
    const exited = new Promise((resolve) => replica.once('exit', resolve));
    replica.kill('SIGKILL');
    await exited;

    // A healthy replica that takes an unsettled claim after one second for a dead one.
    const survivor = await app.startReplica({
      DELIVERY_ENABLED: 'true',
      DELIVERY_CLAIM_TIMEOUT_MS: '1000',
    });
    const interrupted = await eventually(async () => {
      const stored = await survivor
        .model<MessageDocument>(MESSAGE_MODEL)
        .findById(messageId)
        .lean<MessageDocument>();
      expect(stored?.status).toBe('interrupted');
      return stored;
    });
    expect(interrupted?.log.at(-1)?.detail).toMatch(/^INTERRUPTED: /);
    const topic = app.topics.topicOf(MessageDeadLetteredV1);
    const event = await eventually(() => {
      const found = reader
        .on(topic)
        .map((message) => JSON.parse(message.value ?? '{}') as { payload: { messageId: string } })
        .filter((candidate) => candidate.payload.messageId === messageId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(event?.payload).toMatchObject({
      messageId,
      reason: 'INTERRUPTED',
      recipientEmail: recipient.email,
      attempts: 0,
    });

    // The survivor delivers new mail to the healthy relay, but never the interrupted one.
    const later = testRecipient();
    await seedReturnedNotice(app, [later]);
    await eventually(() => expect(app.smtp.to(later.email)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.smtp.to(recipient.email)).toHaveLength(0);
    const final = await messages.findById(messageId).lean<MessageDocument>();
    expect(final?.status).toBe('interrupted');
  });
});
