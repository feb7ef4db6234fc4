import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface CapturedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it receives, for assertions. */
export class SmtpCapture {
  readonly mails: CapturedMail[] = [];
  private readonly server: SMTPServer;
  private listeningPort = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
  }

  static async start(port = 0): Promise<SmtpCapture> {
    const capture = new SmtpCapture();
    await new Promise<void>((resolve, reject) => {
      capture.server.once('error', reject);
      capture.server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = capture.server.server.address();
    capture.listeningPort = typeof address === 'object' && address ? address.port : port;
    return capture;
  }

  get port(): number {
    return this.listeningPort;
  }

  to(address: string): CapturedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(stream: Readable, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const parsed = await simpleParser(raw);
    const mailFrom = session.envelope.mailFrom;
    this.mails.push({
      from: mailFrom ? mailFrom.address : '',
      to: session.envelope.rcptTo.map((recipient) => recipient.address),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      raw,
    });
  }
}
