import { canonicalPath, resolveApiRoute } from './api-route';

describe('resolveApiRoute', () => {
  it('should send a service path and its query to the service when it is under /api/<service>', () => {
    expect(resolveApiRoute('/api/submissions/proposals/p1?page=2&q=a%20b')).toEqual({
      kind: 'service',
      service: 'submissions',
      path: '/proposals/p1?page=2&q=a%20b',
    });
  });

  it('should send the service root when nothing follows the service name', () => {
    expect(resolveApiRoute('/api/registration')).toEqual({
      kind: 'service',
      service: 'registration',
      path: '/',
    });
    expect(resolveApiRoute('/api/registration?x=1')).toEqual({
      kind: 'service',
      service: 'registration',
      path: '/?x=1',
    });
  });

  it('should keep the path byte for byte when it is spelled unusually', () => {
    expect(resolveApiRoute('/api/replication/public/innovations/%41bc//x')).toMatchObject({
      path: '/public/innovations/%41bc//x',
    });
  });

  it.each(['/', '/assets/app.js', '/apix/registration', '/health/ready', '/docs'])(
    'should leave %s to the rest of the gateway when it is not under /api',
    (target) => {
      expect(resolveApiRoute(target)).toBeNull();
    },
  );

  it.each(['/api/docs', '/api/docs-json', '/api/docs/swagger-ui.css'])(
    'should leave %s to the gateway documentation',
    (target) => {
      expect(resolveApiRoute(target)).toEqual({ kind: 'docs' });
    },
  );

  it.each([
    '/api',
    '/api/',
    '/api/billing/invoices',
    '/api/Registration/sessions',
    '/api/gateway/x',
    '/api/registration/health/ready',
    '/api/registration/Health',
    '/api/registration/%68ealth/live',
    '/api/submissions/proposals/../../registration/x',
    '/api/submissions/./proposals',
    '/api/submissions/%2e%2e/x',
  ])('should find no route for %s', (target) => {
    expect(resolveApiRoute(target)).toEqual({ kind: 'unknown' });
  });
});

describe('canonicalPath', () => {
  it.each([
    ['/Sessions/', '/sessions'],
    ['//sessions///totp', '/sessions/totp'],
    ['/%73essions', '/sessions'],
    ['/sessions?userId=x', '/sessions'],
    ['/', '/'],
    ['/bad%zzescape', '/bad%zzescape'],
  ])('should read %s as %s', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });
});
