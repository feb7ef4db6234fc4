import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { SMTPServer } from 'smtp-server';
import { runInTransaction } from '@kipp/mongo';
import { uniqueName } from '@kipp/testing';
import type { NotificationsReplica } from './notifications-test-app';
import { Notifier } from '../src/notification/notifier';
import type { Recipient } from '../src/notification/recipient';

export interface RelayedMail {
  readonly to: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
}

export interface TestRelayOptions {
  /** Answers 550 to RCPT TO for these addresses. */
  readonly refuse?: (address: string) => boolean;
  /** Answers 451 (try again later) to RCPT TO for these addresses. */
  readonly busy?: (address: string) => boolean;
  /** Never answers the DATA command's end: the sender waits forever. */
  readonly hangOnData?: boolean;
}

/**
 * An SMTP relay for the delivery specs, beyond what `SmtpCapture` does: it can refuse
 * recipients, hang mid-DATA (a replica killed mid-send), start on a chosen port (an outage
 * that ends) and records when each mail arrived (the rate limit).
 */
export class TestRelay {
  readonly mails: RelayedMail[] = [];
  /** Recipients whose DATA the relay began to receive. */
  readonly dataStarted: string[] = [];
  private readonly server: SMTPServer;

  private constructor(
    readonly port: number,
    options: TestRelayOptions,
  ) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (options.refuse?.(address.address)) {
          callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
          return;
        }
        if (options.busy?.(address.address)) {
          callback(Object.assign(new Error('4.3.2 try again later'), { responseCode: 451 }));
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        this.dataStarted.push(...to);
        if (options.hangOnData) {
          stream.resume();
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        this.receive(stream, to, from).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
  }

  static async start(port = 0, options: TestRelayOptions = {}): Promise<TestRelay> {
    const chosen = port === 0 ? await freePort() : port;
    const relay = new TestRelay(chosen, options);
    await new Promise<void>((resolve, reject) => {
      relay.server.once('error', reject);
      relay.server.listen(chosen, '127.0.0.1', () => resolve());
    });
    return relay;
  }

  to(address: string): RelayedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(stream: Readable, to: string[], from: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const parsed = await simpleParser(Buffer.concat(chunks));
    this.mails.push({
      to,
      from,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      messageId: parsed.messageId ?? '',
    });
  }
}

/** A port nothing listens on (until a relay is started on it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export function testRecipient(overrides: Partial<Recipient> = {}): Recipient {
  const accountId = overrides.accountId === undefined ? uniqueName('acct') : overrides.accountId;
  return {
    accountId,
    email: `${accountId ?? uniqueName('guest')}@pemda.test`.toLowerCase(),
    name: 'Siti Rahmawati',
    locale: 'id',
    timeZone: 'WIB',
    ...overrides,
  };
}

/** Writes a `proposal.forwarded` notice (not urgent: held for a daily digest). */
export async function seedForwardedNotice(
  replica: NotificationsReplica,
  recipients: readonly Recipient[],
  title: string,
): Promise<{ noticeId: string }> {
  const noticeId = uniqueName('evt');
  const connection = replica.app.get<Connection>(getConnectionToken());
  const notifier = replica.app.get(Notifier);
  await runInTransaction(connection, (session) =>
    notifier.notify(
      {
        noticeId,
        template: 'proposal.forwarded',
        params: { proposalId: uniqueName('prop'), title, forwardedAt: new Date().toISOString() },
        recipients,
        sentBy: { kind: 'system', process: 'delivery-spec' },
      },
      session,
    ),
  );
  return { noticeId };
}

/** Writes a `proposal.returned` notice to `recipients`, as a trigger would; resolves to its id. */
export async function seedReturnedNotice(
  replica: NotificationsReplica,
  recipients: readonly Recipient[],
  params: { proposalId?: string; title?: string; comment?: string } = {},
): Promise<{ noticeId: string; proposalId: string; title: string; comment: string }> {
  const noticeId = uniqueName('evt');
  const proposalId = params.proposalId ?? uniqueName('prop');
  const title = params.title ?? 'Layanan Adminduk Keliling';
  const comment = params.comment ?? 'Lengkapi bukti dampak layanan.';
  const connection = replica.app.get<Connection>(getConnectionToken());
  const notifier = replica.app.get(Notifier);
  await runInTransaction(connection, (session) =>
    notifier.notify(
      {
        noticeId,
        template: 'proposal.returned',
        params: { proposalId, title, comment },
        recipients,
        refs: { proposalId, editionId: 'ed-2027' },
        sentBy: { kind: 'system', process: 'delivery-spec' },
      },
      session,
    ),
  );
  return { noticeId, proposalId, title, comment };
}
