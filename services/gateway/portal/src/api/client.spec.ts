import { startTestServer, type Handler, type TestServer } from '../testing/http-test-server';
import { ApiError } from './api-error';
import { ApiClient, type TokenSource } from './client';
import { describeError } from './describe-error';

/** Tokens as the session store hands them out: one current token, renewed by refresh(). */
class Tokens implements TokenSource {
  refreshes = 0;
  constructor(
    private token: string | null,
    private readonly renew: (() => string | null) | null,
  ) {}

  accessToken(): string | null {
    return this.token;
  }

  refresh(): Promise<boolean> {
    this.refreshes += 1;
    const next = this.renew?.() ?? null;
    if (next) this.token = next;
    return Promise.resolve(next !== null);
  }
}

describe('ApiClient', () => {
  let server: TestServer;
  let handler: Handler;

  beforeAll(async () => {
    server = await startTestServer((request) => handler(request));
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  it('should send JSON with a request id and the bearer token, and parse the JSON answer', async () => {
    handler = () => ({ status: 200, body: { items: [1, 2] } });
    const api = new ApiClient({ baseUrl: server.url, tokens: new Tokens('token-1', null) });

    const result = await api.post<{ items: number[] }>(
      '/api/things',
      { name: 'x' },
      { query: { page: 2, q: '' } },
    );

    expect(result).toEqual({ items: [1, 2] });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/things?page=2');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe('Bearer token-1');
    expect(request?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request?.body ?? '')).toEqual({ name: 'x' });
  });

  it('should leave the token out when a call is public', async () => {
    handler = () => ({ status: 204 });
    const api = new ApiClient({ baseUrl: server.url, tokens: new Tokens('token-1', null) });

    await expect(api.post('/api/public', {}, { auth: false })).resolves.toBeUndefined();
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('should turn an error body into an ApiError with its code, details and the request id when a call fails', async () => {
    handler = () => ({
      status: 409,
      body: { error: { code: 'USER_ID_TAKEN', message: 'taken', details: { userId: 'x' } } },
      headers: { 'x-request-id': 'req-from-gateway' },
    });
    const api = new ApiClient({ baseUrl: server.url });

    const error = await api.get('/api/accounts').catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'USER_ID_TAKEN',
      details: { userId: 'x' },
      requestId: 'req-from-gateway',
    });
  });

  it('should keep the request id it sent when the answer carries none', async () => {
    handler = () => ({ status: 500, text: 'Internal Server Error' });
    const api = new ApiClient({ baseUrl: server.url, newRequestId: () => 'req-local' });

    const error = await api.get('/api/broken').catch((reason: unknown) => reason);

    expect(error).toMatchObject({
      status: 500,
      code: 'UNEXPECTED_RESPONSE',
      requestId: 'req-local',
    });
  });

  it('should report NETWORK_ERROR with status 0 when nothing answers', async () => {
    const closed = await startTestServer(() => ({ status: 200 }));
    await closed.close();
    const api = new ApiClient({ baseUrl: closed.url });

    const error = await api.get('/api/anything').catch((reason: unknown) => reason);

    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('should report REQUEST_ABORTED when the caller aborts', async () => {
    let release: () => void = () => undefined;
    handler = () =>
      new Promise((resolve) => {
        release = () => resolve({ status: 200, body: {} });
      });
    const api = new ApiClient({ baseUrl: server.url });
    const controller = new AbortController();

    const pending = api
      .get('/api/slow', { signal: controller.signal })
      .catch((reason: unknown) => reason);
    controller.abort();

    expect(await pending).toMatchObject({ status: 0, code: 'REQUEST_ABORTED' });
    release();
  });

  it('should refresh once and repeat the call when the access token has expired', async () => {
    handler = (request) =>
      request.headers.authorization === 'Bearer fresh'
        ? { status: 200, body: { ok: true } }
        : { status: 401, body: { error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } } };
    const tokens = new Tokens('stale', () => 'fresh');
    const api = new ApiClient({ baseUrl: server.url, tokens });

    await expect(api.get('/api/me')).resolves.toEqual({ ok: true });
    expect(tokens.refreshes).toBe(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
    const ids = server.requests.map((r) => r.headers['x-request-id']);
    expect(new Set(ids).size).toBe(2);
  });

  it('should give up with the original error when the session cannot be refreshed', async () => {
    handler = () => ({
      status: 401,
      body: { error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } },
    });
    const tokens = new Tokens('stale', null);
    const api = new ApiClient({ baseUrl: server.url, tokens });

    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
    expect(tokens.refreshes).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('should not refresh on other 401 codes', async () => {
    handler = () => ({
      status: 401,
      body: { error: { code: 'AUTH_TOKEN_INVALID', message: 'bad' } },
    });
    const tokens = new Tokens('bad', () => 'fresh');
    const api = new ApiClient({ baseUrl: server.url, tokens });

    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    expect(tokens.refreshes).toBe(0);
  });
});

describe('describeError', () => {
  const error = (code: string, status = 400) =>
    new ApiError({ status, code, message: 'server text', requestId: 'r-1' });

  it("should prefer the feature's message for its own code", () => {
    expect(describeError(error('SIGN_IN_FAILED', 401), 'id', { SIGN_IN_FAILED: 'Salah' })).toEqual({
      message: 'Salah',
      code: 'SIGN_IN_FAILED',
      requestId: 'r-1',
    });
  });

  it('should use the common message of a platform code in the chosen language', () => {
    expect(describeError(error('AUTH_FORBIDDEN', 403), 'en').message).toBe(
      'You do not have access to this action.',
    );
    expect(describeError(error('AUTH_FORBIDDEN', 403), 'id').message).toBe(
      'Anda tidak memiliki akses untuk tindakan ini.',
    );
  });

  it("should never show the server's own text for an unknown code", () => {
    const described = describeError(error('SOMETHING_NEW', 422), 'en');
    expect(described.message).toBe('Something went wrong. Try again later.');
    expect(described.code).toBe('SOMETHING_NEW');
  });

  it('should describe an unknown 429 as a rate limit', () => {
    expect(describeError(error('SLOW_DOWN', 429), 'en').message).toBe(
      'Too many requests. Wait a moment, then try again.',
    );
  });
});
