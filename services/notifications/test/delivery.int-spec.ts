import type { Model } from 'mongoose';
import { eventually, uniqueName } from '@kipp/testing';
import { mailMessageIdOf } from '../src/delivery/use-cases/dispatch-mail.use-case';
import { SendDigestsUseCase } from '../src/delivery/use-cases/send-digests.use-case';
import type { DeliveryDetail, DeliveryRow } from '../src/delivery/delivery.views';
import { MESSAGE_MODEL, type MessageDocument } from '../src/notification/message.schema';
import { PREFERENCES_MODEL, type PreferencesDocument } from '../src/preferences/preferences.schema';
import { TemplateRenderer } from '../src/templates/template-renderer';
import { seedForwardedNotice, seedReturnedNotice, testRecipient } from './delivery-test-relay';
import { startNotificationsApp, type NotificationsTestApp } from './notifications-test-app';

interface Page {
  items: DeliveryRow[];
  nextCursor: string | null;
}
interface Summary {
  total: number;
  byStatus: Record<string, number>;
}
const page = (response: { body: unknown }) => response.body as Page;
const errorCode = (response: { body: unknown }) =>
  (response.body as { error: { code: string } }).error.code;

describe('email delivery', () => {
  let app: NotificationsTestApp;
  let messages: Model<MessageDocument>;

  beforeAll(async () => {
    app = await startNotificationsApp();
    messages = app.model<MessageDocument>(MESSAGE_MODEL);
  });

  afterAll(async () => {
    await app.close();
  });

  const admin = () => app.issuer.headers(['national_admin']);

  it('should send the rendered mail to the recipient once when a notice is written', async () => {
    const recipient = testRecipient({ locale: 'en', timeZone: 'WITA' });
    const { noticeId, proposalId, title, comment } = await seedReturnedNotice(app, [recipient]);
    const messageId = `${noticeId}:${recipient.accountId}:email`;

    const [mail] = await eventually(() => {
      const delivered = app.smtp.to(recipient.email);
      expect(delivered).toHaveLength(1);
      return delivered;
    });
    const expected = app.app.get(TemplateRenderer).render(
      'proposal.returned',
      { proposalId, title, comment },
      {
        locale: 'en',
        timeZone: 'WITA',
        recipientName: recipient.name,
        inboxMessageId: `${noticeId}:${recipient.accountId}:inbox`,
        requiresAck: false,
      },
    );
    expect(mail?.from).toBe('no-reply@kipp.test');
    expect(mail?.subject).toBe(expected.subject);
    expect(mail?.subject).toContain(title);
    expect(mail?.text).toContain(comment);
    expect(mail?.html).toContain(comment);
    expect(expected.link).toMatch(/^https:\/\/portal\.kipp\.test\//);
    expect(mail?.text).toContain(expected.link);
    expect(mail?.raw).toContain(`Message-ID: ${mailMessageIdOf(messageId)}`);

    const sent = await eventually(async () => {
      const stored = await messages.findById(messageId).lean<MessageDocument>();
      expect(stored?.status).toBe('sent');
      return stored;
    });
    expect(sent?.attempts).toBe(1);
    expect(sent?.sentAt).toBeInstanceOf(Date);
    expect(sent?.providerMessageId).toBe(mailMessageIdOf(messageId));
    expect(sent?.claimedBy).toBeNull();
    // Several passes later, still one mail.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.smtp.to(recipient.email)).toHaveLength(1);
  });

  it('should render the mail in Bahasa Indonesia when the recipient reads Indonesian', async () => {
    const recipient = testRecipient({ locale: 'id' });
    const { proposalId, title, comment } = await seedReturnedNotice(app, [recipient]);
    const [mail] = await eventually(() => {
      const delivered = app.smtp.to(recipient.email);
      expect(delivered).toHaveLength(1);
      return delivered;
    });
    const renderer = app.app.get(TemplateRenderer);
    const context = {
      timeZone: 'WIB' as const,
      recipientName: recipient.name,
      inboxMessageId: null,
      requiresAck: false,
    };
    const indonesian = renderer.render(
      'proposal.returned',
      { proposalId, title, comment },
      { ...context, locale: 'id' },
    );
    const english = renderer.render(
      'proposal.returned',
      { proposalId, title, comment },
      { ...context, locale: 'en' },
    );
    expect(indonesian.subject).not.toBe(english.subject);
    expect(mail?.subject).toBe(indonesian.subject);
  });

  it('should hold non-urgent mail and send one digest listing it when the digest time passes', async () => {
    const recipient = testRecipient();
    const accountId = recipient.accountId ?? '';
    await app.model<PreferencesDocument>(PREFERENCES_MODEL).create({
      _id: accountId,
      optedOut: [],
      dailyDigest: true,
    });
    const first = await seedForwardedNotice(app, [recipient], 'Pasar Digital Desa');
    const second = await seedForwardedNotice(app, [recipient], 'Posyandu Pintar');
    const held = await messages
      .find({ 'recipient.accountId': accountId, channel: 'email' })
      .lean<MessageDocument[]>();
    expect(held.map((message) => message.status)).toEqual(['digest', 'digest']);
    // Nothing goes out before the digest hour.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(app.smtp.to(recipient.email)).toHaveLength(0);

    const digestAt = new Date(Date.now() - 60_000);
    await messages.updateMany(
      { 'recipient.accountId': accountId, status: 'digest' },
      { $set: { digestAt } },
    );
    // Three more "replicas" racing the scheduler for the same digest.
    const digests = app.app.get(SendDigestsUseCase);
    await Promise.all([digests.execute(), digests.execute(), digests.execute()]);

    const [mail] = await eventually(() => {
      const delivered = app.smtp.to(recipient.email);
      expect(delivered).toHaveLength(1);
      return delivered;
    });
    expect(mail?.text).toContain('Pasar Digital Desa');
    expect(mail?.text).toContain('Posyandu Pintar');
    const digestNoticeId = `digest:${accountId}:${digestAt.toISOString()}`;
    const digestMessageId = `${digestNoticeId}:${accountId}:email`;
    const items = await messages
      .find({ noticeId: { $in: [first.noticeId, second.noticeId] }, channel: 'email' })
      .lean<MessageDocument[]>();
    expect(items.map((item) => [item.status, item.digestMessageId])).toEqual([
      ['digested', digestMessageId],
      ['digested', digestMessageId],
    ]);
    const digest = await eventually(async () => {
      const stored = await messages.findById(digestMessageId).lean<MessageDocument>();
      expect(stored?.status).toBe('sent');
      return stored;
    });
    expect(digest?.template).toBe('digest');
    expect(
      await messages.countDocuments({ template: 'digest', 'recipient.accountId': accountId }),
    ).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(app.smtp.to(recipient.email)).toHaveLength(1);
  });

  describe('delivery log', () => {
    it('should answer 403 when the caller is not a national admin', async () => {
      for (const role of ['local_admin', 'evaluator'] as const) {
        const response = await app
          .http()
          .get('/deliveries')
          .set(await app.issuer.headers([role], { institutionId: 'inst-1' }));
        expect(response.status).toBe(403);
        expect(errorCode(response)).toBe('AUTH_FORBIDDEN');
      }
      const resend = await app
        .http()
        .post('/deliveries/x/resend')
        .set(await app.issuer.headers(['local_admin'], { institutionId: 'inst-1' }));
      expect(resend.status).toBe(403);
    });

    it('should filter and page the log newest first when asked for one proposal', async () => {
      const proposalId = uniqueName('prop');
      const recipients = [testRecipient(), testRecipient(), testRecipient()];
      for (const recipient of recipients) {
        await seedReturnedNotice(app, [recipient], { proposalId });
      }
      await eventually(async () => {
        const sent = await messages.countDocuments({
          'refs.proposalId': proposalId,
          channel: 'email',
          status: 'sent',
        });
        expect(sent).toBe(3);
      });

      const headers = await admin();
      const firstPage = await app
        .http()
        .get('/deliveries')
        .query({ proposalId, channel: 'email', limit: 2 })
        .set(headers)
        .expect(200);
      expect(page(firstPage).items).toHaveLength(2);
      expect(page(firstPage).nextCursor).toEqual(expect.any(String));
      const secondPage = await app
        .http()
        .get('/deliveries')
        .query({ proposalId, channel: 'email', limit: 2, cursor: page(firstPage).nextCursor })
        .set(headers)
        .expect(200);
      expect(page(secondPage).items).toHaveLength(1);
      expect(page(secondPage).nextCursor).toBeNull();

      const rows = [...page(firstPage).items, ...page(secondPage).items];
      expect(rows.map((row) => row.recipient.email)).toEqual(
        recipients.map((recipient) => recipient.email).reverse(),
      );
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
      expect(rows[0]).toMatchObject({ template: 'proposal.returned', channel: 'email' });

      const byEmail = await app
        .http()
        .get('/deliveries')
        .query({ email: recipients[1]?.email, channel: 'email' })
        .set(headers)
        .expect(200);
      expect(page(byEmail).items.map((row) => row.recipient.email)).toEqual([recipients[1]?.email]);

      const byAccount = await app
        .http()
        .get('/deliveries')
        .query({ accountId: recipients[0]?.accountId })
        .set(headers)
        .expect(200);
      expect(
        page(byAccount)
          .items.map((row) => row.channel)
          .sort(),
      ).toEqual(['email', 'inbox']);

      const summary = await app
        .http()
        .get('/deliveries/summary')
        .query({ proposalId })
        .set(headers)
        .expect(200);
      expect((summary.body as Summary).total).toBe(6);
      expect((summary.body as Summary).byStatus).toMatchObject({
        sent: 3,
        delivered: 3,
        failed: 0,
      });

      const future = await app
        .http()
        .get('/deliveries')
        .query({ proposalId, from: new Date(Date.now() + 60_000).toISOString() })
        .set(headers)
        .expect(200);
      expect(page(future).items).toEqual([]);
    });

    it('should answer 400 when a filter or cursor is malformed', async () => {
      const headers = await admin();
      for (const query of [{ status: 'lost' }, { limit: '0' }, { cursor: 'not-a-cursor' }]) {
        const response = await app.http().get('/deliveries').query(query).set(headers);
        expect(response.status).toBe(400);
        expect(errorCode(response)).toBe('VALIDATION_FAILED');
      }
    });

    it('should show one message with its full log, and 404 when unknown', async () => {
      const recipient = testRecipient();
      const { noticeId } = await seedReturnedNotice(app, [recipient]);
      const messageId = `${noticeId}:${recipient.accountId}:email`;
      await eventually(() => expect(app.smtp.to(recipient.email)).toHaveLength(1));
      const headers = await admin();
      const detail = await eventually(async () => {
        const response = await app
          .http()
          .get(`/deliveries/${encodeURIComponent(messageId)}`)
          .set(headers)
          .expect(200);
        const body = response.body as DeliveryDetail;
        expect(body.status).toBe('sent');
        return body;
      });
      expect(detail.id).toBe(messageId);
      expect(detail.log.map((entry) => entry.status)).toEqual(['pending', 'sent']);

      const missing = await app.http().get('/deliveries/nope').set(headers);
      expect(missing.status).toBe(404);
      expect(errorCode(missing)).toBe('DELIVERY_NOT_FOUND');
    });

    it('should resend only failed or interrupted emails, naming who asked', async () => {
      const recipient = testRecipient();
      const { noticeId } = await seedReturnedNotice(app, [recipient]);
      const emailId = `${noticeId}:${recipient.accountId}:email`;
      const inboxId = `${noticeId}:${recipient.accountId}:inbox`;
      await eventually(() => expect(app.smtp.to(recipient.email)).toHaveLength(1));
      const adminId = uniqueName('admin');
      const headers = await app.issuer.headers(['national_admin'], { accountId: adminId });

      const sentResend = await app
        .http()
        .post(`/deliveries/${encodeURIComponent(emailId)}/resend`)
        .set(headers);
      expect(sentResend.status).toBe(409);
      expect(errorCode(sentResend)).toBe('DELIVERY_NOT_RESENDABLE');
      const inboxResend = await app
        .http()
        .post(`/deliveries/${encodeURIComponent(inboxId)}/resend`)
        .set(headers);
      expect(inboxResend.status).toBe(409);
      const unknown = await app.http().post('/deliveries/nope/resend').set(headers);
      expect(unknown.status).toBe(404);
      expect(errorCode(unknown)).toBe('DELIVERY_NOT_FOUND');

      // As if every attempt had failed.
      await messages.updateOne(
        { _id: emailId },
        { $set: { status: 'failed', attempts: 6, lastError: 'ESOCKET connect ECONNREFUSED' } },
      );
      const resent = await app
        .http()
        .post(`/deliveries/${encodeURIComponent(emailId)}/resend`)
        .set(headers)
        .expect(200);
      const requeued = resent.body as DeliveryDetail;
      expect(requeued).toMatchObject({ status: 'pending', attempts: 0 });
      expect(requeued.log.at(-1)?.detail).toBe(`resend requested by ${adminId}`);
      await eventually(() => expect(app.smtp.to(recipient.email)).toHaveLength(2));
      await eventually(async () => {
        const stored = await messages.findById(emailId).lean<MessageDocument>();
        expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
      });
    });
  });
});
