import type { Model } from 'mongoose';
import { eventually } from '@kipp/testing';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { seedReturnedNotice, testRecipient, TestRelay } from './delivery-test-relay';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

const LIMIT = 4;
const MAILS = 24;

describe('the provider rate limit across replicas', () => {
  let app: NotificationsTestApp;
  let relay: TestRelay;

  beforeAll(async () => {
    relay = await TestRelay.start();
    const env = { SMTP_PORT: String(relay.port), SMTP_RATE_LIMIT_PER_SECOND: String(LIMIT) };
    app = await startNotificationsApp({ env });
    await app.startReplica(env);
  });

  afterAll(async () => {
    await app.close();
    await relay.stop();
  });

  it('should deliver every mail once and never more than the limit in any second', async () => {
    const recipients = Array.from({ length: MAILS }, () => testRecipient());
    await seedReturnedNotice(app, recipients);

    await eventually(
      () => {
        expect(relay.mails).toHaveLength(MAILS);
      },
      { timeoutMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delivered = relay.mails.flatMap((mail) => mail.to).sort();
    expect(delivered).toEqual(recipients.map((recipient) => recipient.email).sort());

    const perSecond = new Map<number, number>();
    for (const mail of relay.mails) {
      const second = Math.floor(mail.receivedAt / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(LIMIT);
    expect(perSecond.size).toBeGreaterThanOrEqual(MAILS / LIMIT);

    // Both replicas took part, and no mail was counted as a failure.
    const messages: Model<MessageDocument> = app.model<MessageDocument>(MESSAGE_MODEL);
    const sent = await messages.find({ channel: 'email' }).lean<MessageDocument[]>();
    expect(sent.every((message) => message.status === 'sent' && message.attempts === 1)).toBe(true);
    const senders = new Set(
      sent.map((message) => message.log.at(-1)?.detail.split(' handed it to')[0]),
    );
    expect(senders.size).toBe(2);
  });
});
