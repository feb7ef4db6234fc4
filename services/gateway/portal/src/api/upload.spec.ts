import { useRouteServer } from '../testing/fake-routes';
import { ApiClient, type TokenSource } from './client';

// jsdom's XMLHttpRequest really sends the request: these run against a real server.
describe('ApiClient.upload', () => {
  const server = useRouteServer();

  const form = () => {
    const data = new FormData();
    data.append('kind', 'service-standard');
    data.append(
      'file',
      new Blob(['%PDF-1.7 evidence'], { type: 'application/pdf' }),
      'standard.pdf',
    );
    return data;
  };

  it('should send the form as multipart with the token and report upload progress', async () => {
    server.routes = {
      'POST /api/submissions/evidence': { status: 201, body: { evidenceId: 'ev-1' } },
    };
    const tokens: TokenSource = {
      accessToken: () => 'token-1',
      refresh: () => Promise.resolve(false),
    };
    const api = new ApiClient({ baseUrl: server.url, tokens });
    const progress: [number, number][] = [];

    const result = await api.upload<{ evidenceId: string }>('/api/submissions/evidence', form(), {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });

    expect(result).toEqual({ evidenceId: 'ev-1' });
    const [request] = server.requests;
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.headers.authorization).toBe('Bearer token-1');
    expect(request?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request?.body).toContain('filename="standard.pdf"');
    expect(request?.body).toContain('%PDF-1.7 evidence');
    // jsdom streams multipart bodies without a length, as browsers may: the total is then
    // reported as 0 (unknown), and the progress bar shows an indeterminate state.
    expect(progress.length).toBeGreaterThan(0);
    for (const [loaded, total] of progress) {
      expect(total === 0 || loaded <= total).toBe(true);
    }
  });

  it('should map a refused upload to its error code and request id', async () => {
    server.routes = {
      'POST /api/submissions/evidence': {
        status: 400,
        body: { error: { code: 'EVIDENCE_TYPE_NOT_ALLOWED', message: 'not a pdf' } },
        headers: { 'x-request-id': 'req-upload' },
      },
    };
    const api = new ApiClient({ baseUrl: server.url });

    await expect(api.upload('/api/submissions/evidence', form())).rejects.toMatchObject({
      status: 400,
      code: 'EVIDENCE_TYPE_NOT_ALLOWED',
      requestId: 'req-upload',
    });
  });

  it('should refresh an expired token and send the upload again', async () => {
    server.routes = {
      'POST /api/submissions/evidence': (request) =>
        request.headers.authorization === 'Bearer fresh'
          ? { status: 201, body: { evidenceId: 'ev-2' } }
          : { status: 401, body: { error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } } },
    };
    let token = 'stale';
    const tokens: TokenSource = {
      accessToken: () => token,
      refresh: () => {
        token = 'fresh';
        return Promise.resolve(true);
      },
    };
    const api = new ApiClient({ baseUrl: server.url, tokens });

    await expect(api.upload('/api/submissions/evidence', form())).resolves.toEqual({
      evidenceId: 'ev-2',
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body).toContain('%PDF-1.7 evidence');
  });
});
