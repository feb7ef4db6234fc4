import { randomBytes } from 'node:crypto';
import type { AuthenticatedUser } from '@kipp/auth';
import type { Credentials } from '../credentials.repository';
import { sealingKeyFromBase64 } from '@kipp/service-kit';
import type { SessionSettings } from '../session.settings';

// Shared by the unit specs of the account-settings second factor.

export const now = new Date('2027-01-21T02:30:00Z');

export const settings = {
  totpSealingKey: sealingKeyFromBase64('totp-test', randomBytes(32).toString('base64')),
  challengeTtlSeconds: 600,
  maxFailedSignIns: 5,
  lockoutBaseSeconds: 60,
  lockoutMaxSeconds: 3600,
} as SessionSettings;

export const localAdmin: AuthenticatedUser = {
  accountId: 'acct_1',
  roles: ['local_admin'],
  institutionId: 'inst_1',
  unitId: null,
  locale: 'id',
};

export function account(overrides: Partial<Credentials> = {}): Credentials {
  return {
    _id: 'acct_1',
    userId: 'admin.bandung',
    name: 'Siti',
    email: 'siti@bandung.go.id',
    locale: 'id',
    roles: ['local_admin'],
    institutionId: 'inst_1',
    unitId: null,
    status: 'active',
    passwordHash: 'hash',
    mustChangePassword: false,
    failedSignIns: 0,
    lockedUntil: null,
    totpSecretSealed: null,
    totpEnabledAt: null,
    ...overrides,
  };
}
