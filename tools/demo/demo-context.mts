// What every step of the demo seeder shares: the services' APIs, the secretariat's session,
// the state kept between runs and the accounts to print.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localRoot } from '../../infra/local/paths.mts';
import type { Api, Session } from './portal-client.mts';

export interface DemoApis {
  readonly registration: Api;
  readonly submissions: Api;
  readonly evaluation: Api;
  readonly replication: Api;
}

/** What must survive between runs (the server keeps the authenticator secrets sealed). */
export interface DemoState {
  /** The authenticator secrets the seeder enrolled, by user id. */
  totpSecrets: Record<string, string>;
  /** Set once the demo is complete: a later run finds its editions and only prints it. */
  completed?: {
    readonly editionIds: readonly string[];
    readonly winners: readonly DemoWinner[];
  };
}

export interface DemoWinner {
  readonly title: string;
  readonly institution: string;
  readonly tier: string;
  /** The certificate's public verification code. */
  readonly verificationCode: string;
}

export interface DemoAccount {
  readonly userId: string;
  readonly role: string;
  readonly institution: string;
  readonly password: string;
  /** The authenticator secret the seeder enrolled (base32), null when the role needs none. */
  readonly totpSecret: string | null;
}

export interface DemoContext {
  readonly api: DemoApis;
  readonly admin: Session;
  readonly state: DemoState;
  readonly log: (line: string) => void;
}

// Beside the databases it describes, so `node tools/infra.mts reset` wipes both together.
const statePath = () => path.join(localRoot(), 'data', 'demo', 'state.json');

export function readState(): DemoState {
  if (!existsSync(statePath())) return { totpSecrets: {} };
  return JSON.parse(readFileSync(statePath(), 'utf8')) as DemoState;
}

export function writeState(state: DemoState): void {
  mkdirSync(path.dirname(statePath()), { recursive: true });
  writeFileSync(statePath(), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** The enrolled secret is written at once, so a run that stops later never loses it. */
export function rememberSecret(state: DemoState, userId: string): (secret: string) => void {
  return (secret) => {
    state.totpSecrets[userId] = secret;
    writeState(state);
  };
}
