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

  it('should deliver every mail once and never spend more than the limit of any second', async () => {
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

    // Each mail records the second whose shared budget (Redis) it was sent on, whichever
    // replica sent it: no second's budget is overspent, so the sends are spread over at
    // least MAILS / LIMIT seconds. (When the relay receives them is up to the network and
    // the machine's load, so the receive times are not what is asserted.)
    const messages: Model<MessageDocument> = app.model<MessageDocument>(MESSAGE_MODEL);
    const sent = await messages.find({ channel: 'email' }).lean<MessageDocument[]>();
    const perWindow = new Map<string, number>();
    for (const message of sent) {
      const window = /rate window (\d+)/.exec(message.log.at(-1)?.detail ?? '')?.[1] ?? 'none';
      perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
    }
    expect(perWindow.has('none')).toBe(false);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(LIMIT);
    expect(perWindow.size).toBeGreaterThanOrEqual(MAILS / LIMIT);

    // Both replicas took part, and no mail was counted as a failure.
    expect(sent.every((message) => message.status === 'sent' && message.attempts === 1)).toBe(true);
    const senders = new Set(
      sent.map((message) => message.log.at(-1)?.detail.split(' handed it to')[0]),
    );
    expect(senders.size).toBe(2);
  });
});
