import { startTestServer, type Handler, type TestServer } from '../testing/http-test-server';
import { downloadFile, filenameFromDisposition } from './download';

class Tokens {
  refreshes = 0;
  constructor(private token: string) {}
  accessToken(): string {
    return this.token;
  }
  refresh(): Promise<boolean> {
    this.refreshes += 1;
    this.token = 'fresh';
    return Promise.resolve(true);
  }
}

/** A Blob's text (jsdom's Blob has no text()). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(blob);
  });
}

describe('filenameFromDisposition', () => {
  it('should prefer the UTF-8 name, then a quoted or bare name', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="a.csv"; filename*=UTF-8''Lampiran%20SK%20%E2%80%93%202027.csv`,
      ),
    ).toBe('Lampiran SK – 2027.csv');
    expect(filenameFromDisposition('attachment; filename="say \\"hi\\".pdf"')).toBe('say "hi".pdf');
    expect(filenameFromDisposition('attachment; filename=did.csv')).toBe('did.csv');
    expect(filenameFromDisposition('inline')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

describe('downloadFile', () => {
  let server: TestServer;
  let handler: Handler;

  beforeAll(async () => {
    server = await startTestServer((request) => handler(request));
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  it('should fetch the bytes with the token and report progress up to the whole size', async () => {
    const csv = 'tier,rank\r\ntop,1\r\n'.repeat(1000);
    handler = () => ({
      status: 200,
      text: csv,
      headers: {
        'content-type': 'text/csv',
        'content-length': String(csv.length),
        'content-disposition': 'attachment; filename="decree-annex.csv"',
      },
    });
    const progress: [number, number][] = [];
    const file = await downloadFile('/api/evaluation/editions/ed/exports/decree-annex.csv', {
      tokens: new Tokens('t-1'),
      baseUrl: server.url,
      fallbackName: 'x.csv',
      onProgress: (received, total) => progress.push([received, total]),
    });
    expect(file.filename).toBe('decree-annex.csv');
    expect(await textOf(file.blob)).toBe(csv);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer t-1');
    expect(progress[0]).toEqual([0, csv.length]);
    expect(progress[progress.length - 1]).toEqual([csv.length, csv.length]);
    expect(progress.map(([received]) => received)).toEqual(
      [...progress.map(([received]) => received)].sort((a, b) => a - b),
    );
  });

  it('should refresh an expired token once and try again', async () => {
    handler = (request) =>
      request.headers.authorization === 'Bearer fresh'
        ? { status: 200, text: '%PDF-1.7' }
        : { status: 401, body: { error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } } };
    const tokens = new Tokens('stale');
    const file = await downloadFile('/api/x.pdf', {
      tokens,
      baseUrl: server.url,
      fallbackName: 'cert.pdf',
    });
    expect(tokens.refreshes).toBe(1);
    expect(file.filename).toBe('cert.pdf');
    expect(await textOf(file.blob)).toBe('%PDF-1.7');
  });

  it("should fail with the service's code and request id", async () => {
    handler = () => ({
      status: 409,
      body: { error: { code: 'RESULTS_NOT_PUBLISHED', message: 'no' } },
      headers: { 'x-request-id': 'req-9' },
    });
    await expect(
      downloadFile('/api/did.csv', {
        tokens: new Tokens('t'),
        baseUrl: server.url,
        fallbackName: 'did.csv',
      }),
    ).rejects.toMatchObject({ status: 409, code: 'RESULTS_NOT_PUBLISHED', requestId: 'req-9' });
  });
});
