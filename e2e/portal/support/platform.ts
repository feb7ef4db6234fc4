import { existsSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { ALL_EVENTS, SERVICE_NAMES } from '@kipp/contracts';
import {
  createTestTopics,
  serviceTestEnv,
  SmtpCapture,
  testInfrastructure,
  uniqueName,
} from '@kipp/testing';
import {
  freePort,
  ServiceProcess,
  workspaceRoot,
  type ServiceName,
} from '../../support/service-process';

/** Where `nx run portal:build` writes the portal the gateway serves. */
export const PORTAL_DIR = path.join(workspaceRoot, 'dist', 'portal');

/** The first national admin registration creates at start-up (must change both at first sign-in). */
export interface BootstrapAdmin {
  readonly userId: string;
  readonly password: string;
  readonly email: string;
}

/**
 * The whole platform as `npm start` runs it: every service as its own process on the real
 * local infrastructure (databases and topics of its own), a real SMTP server catching the
 * mail, and the gateway serving the built portal and routing `/api/<service>` — the one
 * origin the browser talks to.
 */
export class Platform {
  private constructor(
    readonly url: string,
    readonly services: ReadonlyMap<ServiceName, ServiceProcess>,
    readonly smtp: SmtpCapture,
    readonly secretariat: BootstrapAdmin,
    private readonly cleanup: Cleanup,
  ) {}

  static async start(options: {
    readonly name: string;
    /** The first national admin; a throwaway one unless given. */
    readonly secretariat?: BootstrapAdmin;
  }): Promise<Platform> {
    if (!existsSync(path.join(PORTAL_DIR, 'index.html'))) {
      throw new Error(
        `the portal is not built (${PORTAL_DIR}/index.html is missing): run \`npx nx run portal:build\``,
      );
    }
    const cleanup = new Cleanup();
    try {
      const topics = await createTestTopics(ALL_EVENTS);
      cleanup.add(() => topics.dispose());
      const databases = Object.fromEntries(
        SERVICE_NAMES.map((service) => [service, uniqueName(`${options.name}_${service}`)]),
      ) as Record<ServiceName, string>;
      cleanup.add(() => dropDatabases(Object.values(databases)));
      const smtp = await SmtpCapture.start();
      cleanup.add(() => smtp.stop());

      const gatewayPort = await freePort();
      const url = `http://127.0.0.1:${gatewayPort}`;
      const secretariat: BootstrapAdmin = options.secretariat ?? {
        userId: 'sekretariat.kipp',
        password: 'Awal-Sekretariat#2031',
        email: 'sekretariat@menpan.go.id',
      };
      const envOf = (service: ServiceName, extra: Record<string, string> = {}) => ({
        ...serviceTestEnv({
          database: databases[service],
          topicPrefix: topics.prefix,
          logLevel: 'info',
        }),
        ...extra,
      });
      const services = new Map<ServiceName, ServiceProcess>();
      const start = async (
        service: ServiceName,
        extra: Record<string, string> = {},
        port?: number,
      ) => {
        const running = await ServiceProcess.start(service, envOf(service, extra), port);
        services.set(service, running);
        cleanup.add(() => running.stop().then(() => undefined));
        return running;
      };

      // Registration first: it publishes the signing key every other service waits for.
      await start('registration', {
        BOOTSTRAP_ADMIN_USER_ID: secretariat.userId,
        BOOTSTRAP_ADMIN_EMAIL: secretariat.email,
        BOOTSTRAP_ADMIN_PASSWORD: secretariat.password,
        PHASE_SCHEDULER_INTERVAL_MS: '500',
        PORTAL_URL: url,
        // Every person in the edition signs in from 127.0.0.1 here.
        SIGN_IN_IP_LIMIT: '1000',
      });
      await Promise.all([
        start('submissions'),
        // The per-IP limits of public objections and certificate checks live in the shared
        // Redis across runs; every visitor here is 127.0.0.1.
        start('evaluation', {
          OBJECTION_RATE_LIMIT: '1000',
          CERTIFICATE_VERIFY_RATE_LIMIT: '1000',
        }),
        start('replication', {
          ANALYTICS_CACHE_TTL_SECONDS: '0',
          SEARCH_CACHE_TTL_SECONDS: '0',
          CHECK_IN_SCAN_INTERVAL_MS: '1000',
          CHECK_IN_FIRST_AFTER_DAYS: '0',
        }),
        start('notifications', {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          PORTAL_URL: url,
          DELIVERY_INTERVAL_MS: '200',
          REMINDER_SCAN_INTERVAL_MS: '500',
        }),
      ]);
      const upstream = (service: ServiceName) => services.get(service)!.url;
      await start(
        'gateway',
        {
          REGISTRATION_URL: upstream('registration'),
          SUBMISSIONS_URL: upstream('submissions'),
          EVALUATION_URL: upstream('evaluation'),
          REPLICATION_URL: upstream('replication'),
          NOTIFICATIONS_URL: upstream('notifications'),
          PORTAL_DIR,
          // One browser on 127.0.0.1 plays every person of an edition.
          RATE_LIMIT_IP_MAX: '100000',
          RATE_LIMIT_USER_MAX: '100000',
          RATE_LIMIT_CREDENTIALS_MAX: '1000',
        },
        gatewayPort,
      );
      return new Platform(url, services, smtp, secretariat, cleanup);
    } catch (error) {
      await cleanup.run();
      throw error;
    }
  }

  service(name: ServiceName): ServiceProcess {
    const found = this.services.get(name);
    if (!found) throw new Error(`${name} is not running`);
    return found;
  }

  /** Stops every process, the mail server and the topics, and drops the databases. */
  stop(): Promise<void> {
    return this.cleanup.run();
  }
}

/** Undo steps, run newest first, each once, every one even when an earlier one fails. */
class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    const failures: unknown[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      await step().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0)
      throw new AggregateError(failures, 'the platform did not stop cleanly');
  }
}

async function dropDatabases(names: readonly string[]): Promise<void> {
  const client = await mongoose.createConnection(testInfrastructure.mongoUri).asPromise();
  try {
    for (const name of names) await client.useDb(name).dropDatabase();
  } finally {
    await client.close();
  }
}
