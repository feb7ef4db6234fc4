import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGatewayApp, type GatewayTestApp } from './support/gateway-test-app';
import {
  send,
  startEchoUpstream,
  type ClientResponse,
  type EchoUpstream,
} from './support/upstream-servers';

const PARTNER = 'https://mitra.example.go.id';
const INDEX_HTML =
  '<!doctype html><html lang="id"><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = 'document.getElementById("root").textContent = "KIPP";';
const PAGE = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

const codeOf = (response: ClientResponse) =>
  (JSON.parse(response.body.toString('utf8')) as { error: { code: string } }).error.code;

/** What a browser meets at the gateway: CORS, security headers and the single-page portal. */
describe('the gateway for browsers', () => {
  let echo: EchoUpstream;
  let gateway: GatewayTestApp;
  let unbuilt: string;
  let portalDir: string;
  let emptyDir: string;

  beforeAll(async () => {
    portalDir = mkdtempSync(path.join(tmpdir(), 'kipp-portal-'));
    mkdirSync(path.join(portalDir, 'assets'));
    writeFileSync(path.join(portalDir, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(portalDir, 'assets', 'index-3f9a1c.js'), APP_JS);
    writeFileSync(path.join(portalDir, 'robots.txt'), 'User-agent: *\n');
    emptyDir = mkdtempSync(path.join(tmpdir(), 'kipp-portal-empty-'));
    echo = await startEchoUpstream();
    gateway = await startGatewayApp({
      env: {
        REGISTRATION_URL: echo.url,
        SUBMISSIONS_URL: echo.url,
        EVALUATION_URL: echo.url,
        REPLICATION_URL: echo.url,
        NOTIFICATIONS_URL: echo.url,
        CORS_ORIGINS: PARTNER,
        CORS_MAX_AGE_SECONDS: '300',
        HSTS_MAX_AGE_SECONDS: '63072000',
        PORTAL_DIR: portalDir,
      },
    });
    unbuilt = (await gateway.startListeningReplica({ PORTAL_DIR: emptyDir })).url;
  });

  afterAll(async () => {
    await gateway.close();
    await echo.close();
    rmSync(portalDir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      send(`${gateway.url}/api/submissions/proposals`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });

    it('should answer a preflight from an allowed origin itself, without the service', async () => {
      const arrivals = echo.arrivals.length;
      const response = await preflight(PARTNER);

      expect(response.status).toBe(204);
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': PARTNER,
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '300',
      });
      expect(response.headers['access-control-allow-methods']).toContain('POST');
      expect(response.headers['vary']).toContain('Origin');
      expect(echo.arrivals.length).toBe(arrivals);
    });

    it('should refuse a preflight from an origin that is not allowed', async () => {
      const response = await preflight('https://elsewhere.example');

      expect(response.status).toBe(403);
      expect(codeOf(response)).toBe('CORS_ORIGIN_NOT_ALLOWED');
      expect(response.headers).not.toHaveProperty('access-control-allow-origin');
    });

    it('should let an allowed origin read the answer and its request id', async () => {
      const response = await send(`${gateway.url}/api/replication/public/innovations`, {
        headers: { origin: PARTNER },
      });

      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(response.headers['access-control-expose-headers']).toContain('X-Request-Id');
    });

    it('should give another origin no CORS headers, so its page cannot read the answer', async () => {
      const response = await send(`${gateway.url}/api/replication/public/innovations`, {
        headers: { origin: 'https://elsewhere.example' },
      });

      expect(response.headers).not.toHaveProperty('access-control-allow-origin');
    });
  });

  describe('security headers', () => {
    it.each([
      ['the portal', '/', PAGE],
      ['an API answer', '/api/replication/public/innovations', {}],
      ['an error of the gateway', '/api/nowhere', {}],
    ])('should protect %s', async (_name, route, headers) => {
      const response = await send(`${gateway.url}${route}`, { headers });

      expect(response.headers).toMatchObject({
        'strict-transport-security': 'max-age=63072000',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin',
      });
      const csp = response.headers['content-security-policy'] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    });

    it('should allow Swagger UI its inline styles but never inline scripts', async () => {
      const response = await send(`${gateway.url}/api/docs`);

      expect(response.status).toBe(200);
      const csp = response.headers['content-security-policy'] ?? '';
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("script-src 'self';");
    });
  });

  describe('the portal', () => {
    it('should serve index.html at / without letting caches keep it', async () => {
      const response = await send(`${gateway.url}/`, { headers: PAGE });

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body.toString('utf8')).toBe(INDEX_HTML);
    });

    it('should cache hashed assets for a year', async () => {
      const response = await send(`${gateway.url}/assets/index-3f9a1c.js`);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('javascript');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.body.toString('utf8')).toBe(APP_JS);
    });

    it('should revalidate files that are not hashed', async () => {
      const response = await send(`${gateway.url}/robots.txt`);

      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
    });

    it.each(['/proposals/42/edit', '/id/inovasi?q=sampah', '/evaluasi'])(
      'should answer the page route %s with the app',
      async (route) => {
        const response = await send(`${gateway.url}${route}`, { headers: PAGE });

        expect(response.status).toBe(200);
        expect(response.headers['cache-control']).toBe('no-cache');
        expect(response.body.toString('utf8')).toBe(INDEX_HTML);
      },
    );

    it.each([
      [
        'a request that does not want a page',
        'GET',
        '/proposals/42',
        { accept: 'application/json' },
        'NOT_FOUND',
      ],
      ['a missing hashed asset', 'GET', '/assets/index-000000.js', PAGE, 'NOT_FOUND'],
      ['a POST to a page route', 'POST', '/proposals/42', PAGE, 'NOT_FOUND'],
      ['an unknown API', 'GET', '/api/nowhere', PAGE, 'ROUTE_NOT_FOUND'],
      [
        'a path leaving the portal folder',
        'GET',
        '/..%2f..%2fetc%2fpasswd',
        { accept: '*/*' },
        'NOT_FOUND',
      ],
    ])('should not answer %s with the app', async (_name, method, route, headers, code) => {
      const response = await send(`${gateway.url}${route}`, { method, headers });

      expect(response.status).toBe(404);
      expect(codeOf(response)).toBe(code);
    });

    it('should leave the probes and the docs to the gateway', async () => {
      expect((await send(`${gateway.url}/health/live`, { headers: PAGE })).status).toBe(200);
      const docs = await send(`${gateway.url}/docs`, { headers: PAGE });
      expect(docs.body.toString('utf8')).toContain('swagger-ui');
    });

    it.each(['/', '/proposals/42'])(
      'should answer %s with 503 PORTAL_NOT_BUILT when the portal has not been built',
      async (route) => {
        const response = await send(`${unbuilt}${route}`, { headers: PAGE });

        expect(response.status).toBe(503);
        expect(codeOf(response)).toBe('PORTAL_NOT_BUILT');
        expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({
          error: { message: expect.stringContaining('portal:build') as unknown },
        });
      },
    );
  });
});
