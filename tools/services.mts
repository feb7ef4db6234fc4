// The services the platform runs and how `npm start` launches each one.
import credentials from './demo/demo-credentials.json' with { type: 'json' };

export interface ServiceDefinition {
  readonly name: string;
  readonly port: number;
  /** Extra variables `npm start` gives this service (demo settings only). */
  readonly demoEnv?: Readonly<Record<string, string>>;
}

/** The demo national admin `npm start` provisions; printed at start-up, never for production. */
export const DEMO_NATIONAL_ADMIN = credentials.nationalAdmin;

export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: 'registration',
    port: 3001,
    demoEnv: {
      BOOTSTRAP_ADMIN_USER_ID: DEMO_NATIONAL_ADMIN.userId,
      BOOTSTRAP_ADMIN_EMAIL: DEMO_NATIONAL_ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: DEMO_NATIONAL_ADMIN.password,
      // The gateway serves the portal: password-reset links point there.
      PORTAL_URL: 'http://127.0.0.1:3000',
    },
  },
  { name: 'submissions', port: 3002 },
  { name: 'evaluation', port: 3003 },
  {
    name: 'replication',
    port: 3004,
    // The demo's winners are asked their first sustainability check-in at once.
    demoEnv: { CHECK_IN_FIRST_AFTER_DAYS: '0', CHECK_IN_SCAN_INTERVAL_MS: '5000' },
  },
  { name: 'notifications', port: 3005 },
  { name: 'gateway', port: 3000 },
];

/** Node arguments that run a service from its TypeScript sources. */
export function serviceArgs(name: string): string[] {
  return ['-r', '@swc-node/register', `services/${name}/src/main.ts`];
}
