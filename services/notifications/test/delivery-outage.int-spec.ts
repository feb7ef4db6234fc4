import { MessageDeadLetteredV1 } from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { freePort, seedReturnedNotice, testRecipient, TestRelay } from './delivery-test-relay';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

interface DeadLetter {
  payload: { messageId: string; reason: string; attempts: number; lastError: string };
}

function deadLettersOf(reader: TopicReader, topic: string, messageId: string): DeadLetter[] {
  return reader
    .on(topic)
    .map((message) => JSON.parse(message.value ?? '{}') as DeadLetter)
    .filter((event) => event.payload.messageId === messageId);
}

describe('email delivery when the relay is down', () => {
  let app: NotificationsTestApp;
  let relay: TestRelay | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    app = await startNotificationsApp({
      env: { SMTP_PORT: String(port), DELIVERY_MAX_ATTEMPTS: '30' },
    });
  });

  afterAll(async () => {
    await app.close();
    await relay?.stop();
  });

  it('should retry with growing delays and deliver once when the relay comes back', async () => {
    const messages = app.model<MessageDocument>(MESSAGE_MODEL);
    const recipient = testRecipient();
    const { noticeId, comment } = await seedReturnedNotice(app, [recipient]);
    const messageId = `${noticeId}:${recipient.accountId}:email`;

    const failing = await eventually(async () => {
      const stored = await messages.findById(messageId).lean<MessageDocument>();
      expect(stored?.attempts).toBeGreaterThanOrEqual(4);
      return stored;
    });
    expect(failing?.status).toMatch(/^(pending|sending)$/);
    expect(failing?.lastError).toContain('ECONNREFUSED');
    // Each retry waits between half and all of base·2^(n-1), capped at the maximum (1 s).
    const retries = (failing?.log ?? []).filter((entry) => entry.detail.startsWith('attempt '));
    const delays = retries.map((entry) => {
      const nextAt = /next at (\S+)$/.exec(entry.detail)?.[1] ?? '';
      return new Date(nextAt).getTime() - entry.at.getTime();
    });
    delays.slice(0, 4).forEach((delay, index) => {
      const ceiling = Math.min(1000, 100 * 2 ** index);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2 - 1);
      expect(delay).toBeLessThanOrEqual(ceiling + 1);
    });
    expect(delays[3]).toBeGreaterThan(delays[0] ?? 0);

    relay = await TestRelay.start(port);
    const current = relay;
    const [mail] = await eventually(() => {
      const delivered = current.to(recipient.email);
      expect(delivered).toHaveLength(1);
      return delivered;
    });
    expect(mail?.text).toContain(comment);
    const sent = await eventually(async () => {
      const stored = await messages.findById(messageId).lean<MessageDocument>();
      expect(stored?.status).toBe('sent');
      return stored;
    });
    expect(sent?.attempts).toBeGreaterThan(failing?.attempts ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(current.to(recipient.email)).toHaveLength(1);
  });
});

describe('email delivery when the relay refuses', () => {
  let app: NotificationsTestApp;
  let relay: TestRelay;
  let reader: TopicReader;
  let topic: string;

  beforeAll(async () => {
    relay = await TestRelay.start(0, {
      refuse: (address) => address.startsWith('refused'),
      busy: (address) => address.startsWith('busy'),
    });
    app = await startNotificationsApp({
      env: { SMTP_PORT: String(relay.port), DELIVERY_MAX_ATTEMPTS: '3' },
    });
    topic = app.topics.topicOf(MessageDeadLetteredV1);
    reader = await TopicReader.start([topic]);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
    await relay.stop();
  });

  it('should mark the mail failed and dead-letter it when every attempt meets a 4xx', async () => {
    const messages = app.model<MessageDocument>(MESSAGE_MODEL);
    const recipient = testRecipient({ email: 'busy.dinas@pemda.test' });
    const { noticeId } = await seedReturnedNotice(app, [recipient]);
    const messageId = `${noticeId}:${recipient.accountId}:email`;

    const failed = await eventually(async () => {
      const stored = await messages.findById(messageId).lean<MessageDocument>();
      expect(stored?.status).toBe('failed');
      return stored;
    });
    expect(failed?.attempts).toBe(3);
    expect(failed?.lastError).toContain('451');
    expect(failed?.log.at(-1)?.detail).toMatch(/^RETRIES_EXHAUSTED: /);

    const [event] = await eventually(() => {
      const found = deadLettersOf(reader, topic, messageId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event?.payload).toMatchObject({
      messageId,
      noticeId,
      template: 'proposal.returned',
      channel: 'email',
      recipientAccountId: recipient.accountId,
      recipientEmail: recipient.email,
      reason: 'RETRIES_EXHAUSTED',
      attempts: 3,
    });
    expect(event?.payload.lastError).toContain('451');
    expect(relay.to(recipient.email)).toHaveLength(0);
  });

  it('should fail at once and dead-letter with REJECTED when the relay refuses the recipient', async () => {
    const messages = app.model<MessageDocument>(MESSAGE_MODEL);
    const refused = testRecipient({ email: 'refused.bappeda@pemda.test' });
    const accepted = testRecipient();
    const { noticeId } = await seedReturnedNotice(app, [refused, accepted]);
    const messageId = `${noticeId}:${refused.accountId}:email`;

    const failed = await eventually(async () => {
      const stored = await messages.findById(messageId).lean<MessageDocument>();
      expect(stored?.status).toBe('failed');
      return stored;
    });
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toContain('550');
    const [event] = await eventually(() => {
      const found = deadLettersOf(reader, topic, messageId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event?.payload).toMatchObject({ reason: 'REJECTED', attempts: 1 });
    // The other recipient of the notice is not held back.
    await eventually(() => expect(relay.to(accepted.email)).toHaveLength(1));
  });
});
