import { ConfigError } from '@kipp/config';
import { DEFAULT_PORTAL_DIR, loadGatewayConfig } from './gateway.config';

describe('gateway configuration', () => {
  it('should point at the local services and the built portal by default', () => {
    const config = loadGatewayConfig({});

    expect(config).toMatchObject({
      REGISTRATION_URL: 'http://127.0.0.1:3001',
      SUBMISSIONS_URL: 'http://127.0.0.1:3002',
      EVALUATION_URL: 'http://127.0.0.1:3003',
      REPLICATION_URL: 'http://127.0.0.1:3004',
      NOTIFICATIONS_URL: 'http://127.0.0.1:3005',
      CORS_ORIGINS: [],
      BODY_LIMIT_JSON_BYTES: 1024 * 1024,
      PORTAL_DIR: DEFAULT_PORTAL_DIR,
    });
    expect(DEFAULT_PORTAL_DIR).toMatch(/\/dist\/portal$/);
  });

  it('should normalise origins and upstream URLs when they are written loosely', () => {
    const config = loadGatewayConfig({
      CORS_ORIGINS: 'https://Mitra.Example.go.id, http://127.0.0.1:4200/',
      SUBMISSIONS_URL: 'http://submissions.kipp.svc:3002/',
    });

    expect(config.CORS_ORIGINS).toEqual(['https://mitra.example.go.id', 'http://127.0.0.1:4200']);
    expect(config.SUBMISSIONS_URL).toBe('http://submissions.kipp.svc:3002');
  });

  it('should name every bad variable when several are wrong', () => {
    let error: unknown;
    try {
      loadGatewayConfig({
        CORS_ORIGINS: 'https://ok.example, https://bad.example/path, ftp://x.example',
        REGISTRATION_URL: 'registration:3001',
        RATE_LIMIT_IP_MAX: '0',
      });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((issue) => issue.variable).sort()).toEqual([
      'CORS_ORIGINS.1',
      'CORS_ORIGINS.2',
      'RATE_LIMIT_IP_MAX',
      'REGISTRATION_URL',
    ]);
  });
});
