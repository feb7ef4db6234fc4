import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';

const facts = {
  clientIp: '203.0.113.7',
  proto: 'https',
  host: 'kipp.example.go.id',
  upstreamHost: '10.0.0.5:3002',
  requestId: 'req-1',
};

describe('upstreamRequestHeaders', () => {
  it('should pass the Authorization header and other end-to-end headers untouched', () => {
    const headers = upstreamRequestHeaders(
      {
        authorization: 'Bearer abc.def.ghi',
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': '1234',
        'if-match': '"3"',
        'accept-language': 'id-ID',
      },
      facts,
    );

    expect(headers).toMatchObject({
      authorization: 'Bearer abc.def.ghi',
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': '1234',
      'if-match': '"3"',
      'accept-language': 'id-ID',
    });
  });

  it('should drop hop-by-hop headers and the ones the Connection header names', () => {
    const headers = upstreamRequestHeaders(
      {
        connection: 'keep-alive, X-Session-Hint',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic x',
        te: 'trailers',
        trailer: 'x-checksum',
        'transfer-encoding': 'chunked',
        upgrade: 'websocket',
        'x-session-hint': 'only for this hop',
        'x-kept': 'yes',
      },
      facts,
    );

    expect(Object.keys(headers).sort()).toEqual(
      [
        'host',
        'x-forwarded-for',
        'x-forwarded-host',
        'x-forwarded-proto',
        'x-kept',
        'x-request-id',
      ].sort(),
    );
  });

  it('should replace forwarding facts a client sent with the ones the gateway established', () => {
    const headers = upstreamRequestHeaders(
      {
        host: 'kipp.example.go.id',
        'x-forwarded-for': '1.2.3.4',
        'x-forwarded-proto': 'http',
        'x-forwarded-host': 'evil.example',
        'x-real-ip': '1.2.3.4',
        forwarded: 'for=1.2.3.4',
        expect: '100-continue',
      },
      facts,
    );

    expect(headers).toEqual({
      host: '10.0.0.5:3002',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'kipp.example.go.id',
      'x-request-id': 'req-1',
    });
  });
});

describe('clientResponseHeaders', () => {
  it('should keep the answer’s end-to-end headers and drop hop-by-hop and gateway-owned ones', () => {
    const headers = clientResponseHeaders({
      'content-type': 'text/csv',
      'content-length': '10',
      'content-disposition': 'attachment; filename="a.csv"',
      'set-cookie': ['a=1', 'b=2'],
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      'access-control-allow-origin': '*',
      'x-request-id': 'other',
      'x-powered-by': 'Express',
    });

    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'text/csv',
      'content-length': '10',
      'content-disposition': 'attachment; filename="a.csv"',
      'set-cookie': ['a=1', 'b=2'],
    });
  });
});
