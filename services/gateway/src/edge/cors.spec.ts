import { corsDecision } from './cors';

const options = { origins: ['https://mitra.example.go.id'], maxAgeSeconds: 600 };
const preflight = (origin: string | undefined, requestedHeaders?: string) => ({
  method: 'OPTIONS',
  origin,
  requestedMethod: 'POST',
  requestedHeaders,
});

describe('corsDecision', () => {
  it('should answer a preflight from an allowed origin with credentials and the asked headers', () => {
    expect(
      corsDecision(
        preflight('https://mitra.example.go.id', 'authorization, content-type'),
        options,
      ),
    ).toEqual({
      kind: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': 'https://mitra.example.go.id',
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers': 'authorization, content-type',
        'Access-Control-Max-Age': '600',
      },
    });
  });

  it('should not echo requested headers that are not header names', () => {
    const decision = corsDecision(
      preflight('https://mitra.example.go.id', 'x-a\r\nSet-Cookie: a=b'),
      options,
    );

    expect(decision.kind).toBe('preflight');
    expect(decision.kind === 'preflight' && decision.headers).not.toHaveProperty(
      'Access-Control-Allow-Headers',
    );
  });

  it.each(['https://evil.example', 'https://mitra.example.go.id:8443', 'null'])(
    'should refuse a preflight from %s',
    (origin) => {
      expect(corsDecision(preflight(origin), options)).toEqual({
        kind: 'refused-preflight',
        origin,
      });
    },
  );

  it('should refuse every preflight when no origin is allowed', () => {
    expect(
      corsDecision(preflight('https://mitra.example.go.id'), { ...options, origins: [] }).kind,
    ).toBe('refused-preflight');
  });

  it('should mark an actual request from an allowed origin as readable by it', () => {
    const decision = corsDecision(
      {
        method: 'GET',
        origin: 'https://mitra.example.go.id',
        requestedMethod: undefined,
        requestedHeaders: undefined,
      },
      options,
    );

    expect(decision).toMatchObject({
      kind: 'request',
      headers: {
        'Access-Control-Allow-Origin': 'https://mitra.example.go.id',
        'Access-Control-Allow-Credentials': 'true',
      },
    });
    expect(
      decision.kind === 'request' && decision.headers['Access-Control-Expose-Headers'],
    ).toContain('X-Request-Id');
  });

  it.each([
    ['a same-origin or non-browser request', undefined],
    ['a request from another origin', 'https://evil.example'],
  ])('should add nothing to %s', (_name, origin) => {
    expect(
      corsDecision(
        { method: 'POST', origin, requestedMethod: undefined, requestedHeaders: undefined },
        options,
      ),
    ).toEqual({ kind: 'not-cross-origin' });
  });

  it('should treat OPTIONS without Access-Control-Request-Method as an ordinary request', () => {
    expect(
      corsDecision(
        {
          method: 'OPTIONS',
          origin: 'https://evil.example',
          requestedMethod: undefined,
          requestedHeaders: undefined,
        },
        options,
      ),
    ).toEqual({ kind: 'not-cross-origin' });
  });
});
