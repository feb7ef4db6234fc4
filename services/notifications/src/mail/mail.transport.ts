import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** Sender of every mail, e.g. `KIPP <no-reply@kipp.local>`. */
  readonly from: string;
}

export interface OutgoingMail {
  readonly to: string | readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** The Message-ID header, e.g. `<3f2a…@kipp>`; the relay makes one up when absent. */
  readonly messageId?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SentMail {
  readonly messageId: string;
  /** Recipients the relay refused while accepting the others. */
  readonly rejected: readonly string[];
}

/** Hands mail to the SMTP relay. Every mail leaves from the configured sender. */
export class MailTransport implements OnApplicationShutdown {
  private constructor(
    private readonly transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>,
    private readonly from: string,
  ) {}

  static connect(options: SmtpOptions): MailTransport {
    const transporter = createTransport({
      // Pooled: reminders go out in bursts before deadlines, and a pooled connection
      // spares one SMTP handshake per mail.
      pool: true,
      host: options.host,
      port: options.port,
      // Implicit TLS (port 465) is not used; nodemailer still upgrades with STARTTLS
      // whenever the relay offers it.
      secure: false,
    });
    return new MailTransport(transporter, options.from);
  }

  /** Resolves once the relay has accepted the mail for at least one recipient. */
  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: typeof mail.to === 'string' ? mail.to : [...mail.to],
      subject: mail.subject,
      text: mail.text,
      ...(mail.html !== undefined && { html: mail.html }),
      ...(mail.messageId !== undefined && { messageId: mail.messageId }),
      ...(mail.headers !== undefined && { headers: { ...mail.headers } }),
    });
    return { messageId: info.messageId, rejected: info.rejected };
  }

  /** Pooled connections would otherwise keep the process and the relay's sockets open. */
  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
