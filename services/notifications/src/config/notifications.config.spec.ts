import { ConfigError, type Environment } from '@kipp/config';
import { loadNotificationsConfig } from './notifications.config';

function rejectionOf(env: Environment): ConfigError {
  try {
    loadNotificationsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadNotificationsConfig', () => {
  it('should use port 3005, its own database and the local SMTP relay when the environment sets nothing', () => {
    expect(loadNotificationsConfig({})).toMatchObject({
      PORT: 3005,
      MONGO_DB: 'notifications',
      OTEL_SERVICE_NAME: 'notifications',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1025,
      SMTP_FROM: 'KIPP <no-reply@kipp.local>',
      PORTAL_URL: 'http://127.0.0.1:3000',
    });
  });

  it.each(['no-reply@kipp.go.id', 'Sekretariat KIPP <no-reply@kipp.go.id>'])(
    'should accept %j as the sender',
    (from) => {
      expect(loadNotificationsConfig({ SMTP_FROM: from }).SMTP_FROM).toBe(from);
    },
  );

  it('should list every bad variable at once when several are invalid', () => {
    const error = rejectionOf({
      PORT: 'x',
      SMTP_PORT: '-1',
      SMTP_FROM: 'KIPP',
      PORTAL_URL: 'portal.kipp.go.id',
    });

    expect(error.issues).toEqual([
      { variable: 'PORT', message: 'must be an integer' },
      { variable: 'SMTP_PORT', message: 'must be at least 1' },
      {
        variable: 'SMTP_FROM',
        message: 'must be an address such as no-reply@kipp.local or KIPP <no-reply@kipp.local>',
      },
      { variable: 'PORTAL_URL', message: 'must be a URI starting with http:// or https://' },
    ]);
    expect(error.message).toContain('4 variables are missing or invalid');
  });
});
