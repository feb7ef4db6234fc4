// The services the platform runs and how `npm start` launches each one.
export interface ServiceDefinition {
  readonly name: string;
  readonly port: number;
}

export const SERVICES: readonly ServiceDefinition[] = [
  { name: 'registration', port: 3001 },
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
