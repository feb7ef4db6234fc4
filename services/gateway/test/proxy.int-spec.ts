import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { eventually } from '@kipp/testing';
import { startGatewayApp, type GatewayTestApp } from './support/gateway-test-app';
import {
  closedPort,
  send,
  signal,
  startEchoUpstream,
  startUpstream,
  type EchoedRequest,
  type EchoUpstream,
  type TestUpstream,
} from './support/upstream-servers';

const MIB = 1024 * 1024;
const JSON_LIMIT = 64 * 1024;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
const errorOf = (body: Buffer) => JSON.parse(body.toString('utf8')) as ErrorBody;

/**
 * The proxy's protocol behaviour against small real HTTP servers on 127.0.0.1: what
 * crosses in each direction, bodies streamed both ways, and one clear answer for every
 * failure (502, 504, 413).
 */
describe('the gateway proxy', () => {
  let gateway: GatewayTestApp;
  let echo: EchoUpstream;
  let streamer: TestUpstream;
  let stalled: TestUpstream;
  // Interlocks between a test's client and the streaming upstream (reset by each test).
  let uploadArrived = signal();
  let downloadStarted = signal();
  let stalledRequests = 0;
  const download = randomBytes(8 * MIB);
  const stalledClosed: string[] = [];

  beforeAll(async () => {
    echo = await startEchoUpstream();
    streamer = await startUpstream((req, res) => {
      if (req.method === 'POST') {
        // An upload: the first bytes arrive while the client is still holding the rest.
        const hash = createHash('sha256');
        let bytes = 0;
        req.on('data', (chunk: Buffer) => {
          if (bytes === 0) uploadArrived.resolve();
          bytes += chunk.length;
          hash.update(chunk);
        });
        req.on('end', () => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ bytes, sha256: hash.digest('hex') }));
        });
        return;
      }
      // A download: the rest is written only once the client has seen the first megabyte.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(download.subarray(0, MIB));
      void downloadStarted.promise.then(() => res.end(download.subarray(MIB)));
    });
    stalled = await startUpstream((req) => {
      stalledRequests += 1;
      req.on('close', () => stalledClosed.push(req.url ?? ''));
    });
    const closed = `http://127.0.0.1:${await closedPort()}`;
    gateway = await startGatewayApp({
      env: {
        REGISTRATION_URL: echo.url,
        SUBMISSIONS_URL: streamer.url,
        EVALUATION_URL: stalled.url,
        REPLICATION_URL: closed,
        NOTIFICATIONS_URL: `${echo.url}/behind/a/prefix/`,
        UPSTREAM_TIMEOUT_MS: '500',
        BODY_LIMIT_JSON_BYTES: String(JSON_LIMIT),
        BODY_LIMIT_UPLOAD_BYTES: String(16 * MIB),
      },
    });
  });

  afterAll(async () => {
    await gateway.close();
    await Promise.all([echo.close(), streamer.close(), stalled.close()]);
  });

  beforeEach(() => {
    uploadArrived = signal();
    downloadStarted = signal();
  });

  describe('what crosses', () => {
    it('should pass method, target, body and Authorization through and set the forwarding facts', async () => {
      const body = JSON.stringify({ name: 'Dinas Kesehatan', revision: 3 });
      const response = await send(
        `${gateway.url}/api/registration/institutions/i1?fields=name&q=a%20b`,
        {
          method: 'PATCH',
          headers: {
            authorization: 'Bearer opaque.to.the.gateway',
            'content-type': 'application/json',
            'x-forwarded-for': '198.51.100.23',
            'x-request-id': 'proxy-test-1',
            connection: 'keep-alive, x-hop-secret',
            'x-hop-secret': 'for the gateway only',
          },
        },
        body,
      );

      expect(response.status).toBe(200);
      const seen = JSON.parse(response.body.toString('utf8')) as EchoedRequest;
      expect(seen).toMatchObject({
        method: 'PATCH',
        url: '/institutions/i1?fields=name&q=a%20b',
        bodySha256: sha256(Buffer.from(body)),
        headers: {
          authorization: 'Bearer opaque.to.the.gateway',
          'content-type': 'application/json',
          host: new URL(echo.url).host,
          // The gateway trusts its loopback peer here (TRUST_PROXY), so the client is the one named.
          'x-forwarded-for': '198.51.100.23',
          'x-forwarded-proto': 'http',
          'x-forwarded-host': new URL(gateway.url).host,
          'x-request-id': 'proxy-test-1',
          'x-correlation-id': 'proxy-test-1',
        },
      });
      expect(seen.headers).not.toHaveProperty('x-hop-secret');
      expect(response.headers['x-request-id']).toBe('proxy-test-1');
      expect(response.headers['x-upstream']).toBe('echo');
      expect(response.headers).not.toHaveProperty('x-hop-only');
    });

    it('should keep the path prefix of an upstream base URL', async () => {
      const response = await send(`${gateway.url}/api/notifications/inbox?page=2`);

      expect((JSON.parse(response.body.toString('utf8')) as EchoedRequest).url).toBe(
        '/behind/a/prefix/inbox?page=2',
      );
    });
  });

  describe('streaming', () => {
    it('should stream a multi-megabyte upload to the service while the client is still sending', async () => {
      const file = randomBytes(8 * MIB);
      const answer = signal<{ status: number; body: Buffer }>();
      const request = http.request(
        `${gateway.url}/api/submissions/proposals/p1/evidence/service-standard`,
        { method: 'POST', headers: { 'content-type': 'application/octet-stream' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            answer.resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) });
          });
        },
      );

      request.write(file.subarray(0, MIB));
      // Were the gateway to buffer the body, the service would see nothing before the end.
      await uploadArrived.promise;
      request.end(file.subarray(MIB));
      const { status, body } = await answer.promise;

      expect(status).toBe(201);
      expect(JSON.parse(body.toString('utf8'))).toEqual({ bytes: 8 * MIB, sha256: sha256(file) });
    });

    it('should stream a multi-megabyte download to the client while the service is still sending', async () => {
      const received = await new Promise<Buffer>((resolve, reject) => {
        http
          .get(`${gateway.url}/api/submissions/open-data/innovations.csv`, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => {
              chunks.push(chunk);
              // The service holds back the last 7 MB until the first bytes got here.
              downloadStarted.resolve();
            });
            response.on('end', () => resolve(Buffer.concat(chunks)));
          })
          .on('error', reject);
      });

      expect(received.length).toBe(8 * MIB);
      expect(sha256(received)).toBe(sha256(download));
    });
  });

  describe('failures', () => {
    it('should answer 502 UPSTREAM_UNAVAILABLE when the service cannot be reached', async () => {
      const response = await send(`${gateway.url}/api/replication/public/innovations`);

      expect(response.status).toBe(502);
      expect(errorOf(response.body).error).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        details: { service: 'replication' },
      });
    });

    it('should answer 504 UPSTREAM_TIMEOUT when the service does not answer in time', async () => {
      const response = await send(`${gateway.url}/api/evaluation/assignments`);

      expect(response.status).toBe(504);
      expect(errorOf(response.body).error).toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        details: { service: 'evaluation', timeoutMs: 500 },
      });
    });

    it('should drop the upstream request when the client goes away', async () => {
      // Closed with the others by gateway.close().
      const patient = await gateway.startListeningReplica({ UPSTREAM_TIMEOUT_MS: '600000' });
      const before = stalledRequests;
      const request = http.get(`${patient.url}/api/evaluation/leaving`);
      request.on('error', () => undefined);
      await eventually(() => {
        expect(stalledRequests).toBe(before + 1);
      });

      request.destroy();

      await eventually(() => {
        expect(stalledClosed).toContain('/leaving');
      });
    });
  });

  describe('body limits', () => {
    it('should refuse a JSON body over its limit by its declared length, before the service sees it', async () => {
      const arrivals = echo.arrivals.length;
      const response = await new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
        const request = http.request(`${gateway.url}/api/registration/accounts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(JSON_LIMIT + 1) },
        });
        request.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
          });
        });
        request.on('error', reject);
        request.flushHeaders();
      });

      expect(response.status).toBe(413);
      expect(errorOf(response.body).error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        details: { limitBytes: JSON_LIMIT },
      });
      expect(echo.arrivals.length).toBe(arrivals);
    });

    it('should cut a streamed body of unknown length at its limit', async () => {
      const response = await new Promise<{ status: number; body: Buffer }>((resolve) => {
        const request = http.request(`${gateway.url}/api/registration/accounts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        });
        request.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
          });
        });
        // The gateway closes the connection after its 413; later writes may fail.
        request.on('error', () => undefined);
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const writeMore = (left: number) => {
          if (left === 0 || request.destroyed) return;
          request.write(chunk, () => {
            writeMore(left - 1);
          });
        };
        writeMore(JSON_LIMIT / chunk.length + 4);
      });

      expect(response.status).toBe(413);
      expect(errorOf(response.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('should let an upload route carry what a JSON route may not', async () => {
      const file = randomBytes(2 * MIB);
      const headers = { 'content-type': 'multipart/form-data; boundary=x' };

      const upload = await send(
        `${gateway.url}/api/registration/local-admin-requests`,
        { method: 'POST', headers },
        file,
      );
      const json = await send(
        `${gateway.url}/api/registration/accounts`,
        { method: 'POST', headers },
        file,
      );

      expect(upload.status).toBe(200);
      expect((JSON.parse(upload.body.toString('utf8')) as EchoedRequest).bodyBytes).toBe(2 * MIB);
      expect(json.status).toBe(413);
    });
  });
});
