// A real HTTP server on 127.0.0.1 for the specs: each answers from a handler the spec
// gives, and every request it received is kept for the spec to look at.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  /** Sent as is instead of JSON. */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (request: ReceivedRequest) => Answer | Promise<Answer>;

export interface TestServer {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Browser pages on another origin may call it (jsdom's XMLHttpRequest checks CORS). */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, accept, x-request-id',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
  'access-control-expose-headers': 'x-request-id',
};

function reply(response: ServerResponse, answer: Answer): void {
  const json = answer.text === undefined && answer.body !== undefined;
  response.writeHead(answer.status, {
    ...CORS,
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...answer.headers,
  });
  response.end(answer.text ?? (json ? JSON.stringify(answer.body) : ''));
}

export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      if (incoming.method === 'OPTIONS') {
        reply(response, { status: 204 });
        return;
      }
      const request: ReceivedRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      Promise.resolve(handler(request)).then(
        (answer) => reply(response, answer),
        (error: unknown) => reply(response, { status: 599, text: String(error) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** An access token as registration shapes its claims; unsigned, as the portal never verifies. */
export function accessTokenFor(claims: {
  sub: string;
  roles: readonly string[];
  institutionId?: string | null;
  unitId?: string | null;
  locale?: 'id' | 'en';
  exp?: number;
}): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return [
    encode({ alg: 'EdDSA', typ: 'JWT' }),
    encode({
      institutionId: null,
      unitId: null,
      locale: 'id',
      exp: Math.floor(Date.now() / 1000) + 900,
      iat: Math.floor(Date.now() / 1000),
      jti: `jti-${Math.random().toString(36).slice(2)}`,
      ...claims,
    }),
    'signature',
  ].join('.');
}

/** A Storage kept in memory (one per simulated browser; tabs of one browser share it). */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}
