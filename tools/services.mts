// The services the platform runs and how `npm start` launches each one.
export interface ServiceDefinition {
  readonly name: string;
  readonly port: number;
  /** Extra variables `npm start` gives this service (demo settings only). */
  readonly demoEnv?: Readonly<Record<string, string>>;
}

/** The demo national admin `npm start` provisions; printed at start-up, never for production. */
export const DEMO_NATIONAL_ADMIN = {
  userId: 'sekretariat',
  email: 'sekretariat@kipp.local',
  password: 'Demo-Sekretariat#2027',
} as const;

export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: 'registration',
    port: 3001,
    demoEnv: {
      BOOTSTRAP_ADMIN_USER_ID: DEMO_NATIONAL_ADMIN.userId,
      BOOTSTRAP_ADMIN_EMAIL: DEMO_NATIONAL_ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: DEMO_NATIONAL_ADMIN.password,
    },
  },
  { name: 'submissions', port: 3002 },
  { name: 'evaluation', port: 3003 },
  { name: 'replication', port: 3004 },
  { name: 'notifications', port: 3005 },
  { name: 'gateway', port: 3000 },
];

/** Node arguments that run a service from its TypeScript sources. */
export function serviceArgs(name: string): string[] {
  return ['-r', '@swc-node/register', `services/${name}/src/main.ts`];
}
