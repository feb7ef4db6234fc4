// The development mail relay `npm start` runs for the notifications service: a real SMTP
// server on 127.0.0.1 that delivers nowhere. Each mail it accepts is written as an .eml file
// (open it in any mail client) and announced on the console with its recipient and subject.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  readonly port: number;
  stop(): Promise<void>;
}

export async function startMailCatcher(options: {
  port: number;
  dir: string;
  announce: (line: string) => void;
}): Promise<MailCatcher> {
  mkdirSync(options.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          const parsed = await simpleParser(raw);
          count += 1;
          const to = session.envelope.rcptTo.map((recipient) => recipient.address).join(', ');
          const file = path.join(
            options.dir,
            `${new Date().toISOString().replaceAll(':', '-')}-${String(count).padStart(4, '0')}.eml`,
          );
          writeFileSync(file, raw);
          options.announce(`mail to ${to}: ${parsed.subject ?? '(no subject)'}`);
          callback();
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    port: options.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
