import { bodyFamilyOf, isCredentialRoute } from './route-families';

describe('bodyFamilyOf', () => {
  it.each([
    ['submissions', 'POST', '/proposals/p1/evidence/service-standard'],
    ['replication', 'POST', '/replications'],
    ['evaluation', 'POST', '/field-verifications/v1/photos'],
    ['evaluation', 'POST', '/public/editions/e1/objections'],
    ['registration', 'POST', '/local-admin-requests'],
    ['submissions', 'POST', '/Proposals/p1/Evidence/x/'],
  ] as const)('should allow an upload body on %s %s %s', (service, method, path) => {
    expect(bodyFamilyOf(service, method, path)).toBe('upload');
  });

  it.each([
    ['registration', 'POST', '/institutions/imports'],
    ['registration', 'POST', '/accounts/evaluator-imports?dryRun=true'],
  ] as const)('should allow an import body on %s %s %s', (service, method, path) => {
    expect(bodyFamilyOf(service, method, path)).toBe('import');
  });

  it.each([
    ['submissions', 'GET', '/proposals/p1/evidence/f1'],
    ['submissions', 'POST', '/proposals'],
    ['submissions', 'POST', '/proposals/p1/evidence/x/extra'],
    ['replication', 'POST', '/replications/r1/countersign'],
    ['registration', 'POST', '/sessions'],
    ['notifications', 'POST', '/replications'],
  ] as const)('should hold %s %s %s to the JSON limit', (service, method, path) => {
    expect(bodyFamilyOf(service, method, path)).toBe('json');
  });
});

describe('isCredentialRoute', () => {
  it.each([
    '/sessions',
    '/sessions/',
    '/SESSIONS',
    '/%73essions',
    '/sessions/password-change',
    '/sessions/totp',
    '/sessions/totp/enrolment/confirm',
    '/password-resets',
    '/password-resets/confirm',
  ])('should count %s of registration as a credential step', (path) => {
    expect(isCredentialRoute('registration', path)).toBe(true);
  });

  it.each(['/sessions/refresh', '/sessions/logout', '/sessionsx', '/accounts/a1/password-reset'])(
    'should not count %s of registration as a credential step',
    (path) => {
      expect(isCredentialRoute('registration', path)).toBe(false);
    },
  );

  it('should not count another service’s /sessions as a credential step', () => {
    expect(isCredentialRoute('evaluation', '/sessions')).toBe(false);
  });
});
