// The public HTTP APIs as a person drives them through the portal: JSON calls, multipart
// uploads, and the sign-in with its forced password change and authenticator enrolment.
// A tools-side twin of e2e/support/portal-client.ts (tools run on plain Node, not on Nx).
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export class HttpError extends Error {
  readonly status: number;
  readonly code: string | undefined;

  constructor(
    method: string,
    route: string,
    status: number,
    code: string | undefined,
    body: string,
  ) {
    super(`${method} ${route} → ${status}: ${body.slice(0, 500)}`);
    this.status = status;
    this.code = code;
  }
}

export interface CallOptions {
  readonly body?: unknown;
  readonly form?: FormData;
  readonly headers?: Record<string, string>;
  /** Whose bearer token goes with the call; an expired one is refreshed once. */
  readonly as?: Session;
}

/** One service's base URL; every call fails loudly on a status outside 2xx. */
export class Api {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async call<T>(method: string, route: string, options: CallOptions = {}): Promise<T> {
    try {
      return await this.send<T>(method, route, options);
    } catch (error) {
      if (!(options.as && error instanceof HttpError && error.code === 'AUTH_TOKEN_EXPIRED'))
        throw error;
      await options.as.refresh();
      return this.send<T>(method, route, options);
    }
  }

  private async send<T>(method: string, route: string, options: CallOptions): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${this.baseUrl}${route}`, {
        method,
        headers: {
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
          ...(options.as ? { authorization: `Bearer ${options.as.accessToken}` } : {}),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        ...(options.form === undefined ? {} : { body: options.form }),
      });
      const text = await response.text();
      // The sign-in limit per IP answers 429 with Retry-After: wait it out, as a person would.
      if (response.status === 429 && attempt < 3) {
        const seconds = Math.min(Number(response.headers.get('retry-after') ?? 30) || 30, 300);
        process.stdout.write(`[demo] ${route} is rate-limited; waiting ${seconds} s …\n`);
        await sleep(seconds * 1000);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        } catch {
          // not JSON: keep the text in the message
        }
        throw new HttpError(method, route, response.status, code, text);
      }
      return (text ? JSON.parse(text) : undefined) as T;
    }
  }
}

/** Retries `action` until it succeeds or `timeoutMs` passes (events take a moment to arrive). */
export async function eventually<T>(
  action: () => Promise<T>,
  { timeoutMs = 60_000, intervalMs = 500 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await action();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

// RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(secret: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of secret.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('TOTP secret is not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

const lastStepUsed = new Map<string, number>();

/** A code of a time step this process has not used yet (the server accepts each once). */
async function freshCode(secret: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  while (step <= (lastStepUsed.get(secret) ?? -1)) {
    await sleep(1_000);
    step = Math.floor(Date.now() / 30_000);
  }
  lastStepUsed.set(secret, step);
  return totpCode(secret, step);
}

interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** A signed-in person's tokens; the refresh token is exchanged when the access token expires. */
export class Session {
  readonly userId: string;
  private tokens: Tokens;
  private readonly registration: Api;

  constructor(registration: Api, userId: string, tokens: Tokens) {
    this.registration = registration;
    this.userId = userId;
    this.tokens = tokens;
  }

  get accessToken(): string {
    return this.tokens.accessToken;
  }

  async refresh(): Promise<void> {
    this.tokens = await this.registration.call<Tokens>('POST', '/sessions/refresh', {
      body: { refreshToken: this.tokens.refreshToken },
    });
  }
}

interface SignInStep {
  status: 'signed_in' | 'password_change_required' | 'totp_enrolment_required' | 'totp_required';
  challenge?: string;
  accessToken?: string;
  refreshToken?: string;
}

export interface SignInOptions {
  /** Passwords to try in order (the demo password first, then a first password). */
  readonly passwords: readonly string[];
  /** The password set at the forced change. */
  readonly newPassword: string;
  /** The authenticator secret enrolled earlier, if any. */
  readonly totpSecret: string | undefined;
  /** Called as soon as an authenticator is enrolled, so its secret is never lost. */
  readonly onEnrolled: (secret: string) => void;
}

/**
 * Signs in as a person does in the portal: a first sign-in changes the password and, for
 * the roles that need one, enrols an authenticator whose codes this client computes.
 */
export async function signIn(
  registration: Api,
  userId: string,
  options: SignInOptions,
): Promise<Session> {
  let totpSecret = options.totpSecret;
  let step: SignInStep | undefined;
  for (const password of options.passwords) {
    try {
      step = await registration.call<SignInStep>('POST', '/sessions', {
        body: { userId, password },
      });
      break;
    } catch (error) {
      if (!(error instanceof HttpError && error.code === 'SIGN_IN_FAILED')) throw error;
    }
  }
  if (!step) throw new Error(`${userId}: none of the known passwords signs in`);

  for (let guard = 0; guard < 6; guard += 1) {
    const challenge: string | undefined = step.challenge;
    switch (step.status) {
      case 'signed_in':
        return new Session(registration, userId, {
          accessToken: step.accessToken!,
          refreshToken: step.refreshToken!,
        });
      case 'password_change_required':
        step = await registration.call<SignInStep>('POST', '/sessions/password-change', {
          body: { challenge, newPassword: options.newPassword },
        });
        break;
      case 'totp_enrolment_required': {
        const offer: { secret: string } = await registration.call<{ secret: string }>(
          'POST',
          '/sessions/totp/enrolment',
          { body: { challenge } },
        );
        totpSecret = offer.secret;
        options.onEnrolled(offer.secret);
        step = await registration.call<SignInStep>('POST', '/sessions/totp/enrolment/confirm', {
          body: { challenge, code: await freshCode(offer.secret) },
        });
        break;
      }
      case 'totp_required': {
        if (!totpSecret) {
          throw new Error(
            `${userId} has an authenticator this seeder does not know (its secret is kept in ` +
              'the demo state file); reset the local data with `node tools/infra.mts reset`',
          );
        }
        try {
          step = await registration.call<SignInStep>('POST', '/sessions/totp', {
            body: { challenge, code: await freshCode(totpSecret) },
          });
        } catch (error) {
          // A code of this time step may have been used by an earlier run: take the next one.
          if (!(error instanceof HttpError && error.code === 'TOTP_CODE_INVALID')) throw error;
        }
        break;
      }
    }
  }
  throw new Error(`sign-in of ${userId} did not finish`);
}

/** A one-page PDF with the given lines, built in memory (real structure, real xref table). */
export function pdf(lines: readonly string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    'BT /F1 14 Tf 72 760 Td 18 TL',
    ...lines.map((line) => `(${escape(line)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
