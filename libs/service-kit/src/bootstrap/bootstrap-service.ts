import { APP_LOGGER, createLogger, type Logger } from '@kipp/observability';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServiceApp, type ServiceAppOptions } from './create-service-app';
import { handleShutdownSignals } from './graceful-shutdown';

export interface BootstrapOptions extends ServiceAppOptions {
  /** The slice of the service's parsed config that bootstrapping needs. */
  readonly config: {
    readonly HOST: string;
    readonly PORT: number;
    readonly SHUTDOWN_TIMEOUT_MS: number;
  };
}

/**
 * Starts a service: `createServiceApp`, graceful shutdown on SIGTERM/SIGINT, listen on
 * HOST:PORT and one `service started` log line with the URL. If start-up fails, the
 * error is logged as JSON and the process exits 1: there is nothing left to serve.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<NestExpressApplication> {
  try {
    const app = await createServiceApp(options);
    const logger = app.get<Logger>(APP_LOGGER);
    handleShutdownSignals(app, logger, options.config.SHUTDOWN_TIMEOUT_MS);
    await app.listen(options.config.PORT, options.config.HOST);
    logger.info({ url: await app.getUrl() }, 'service started');
    return app;
  } catch (error) {
    createLogger({ service: options.name, level: 'info' }).fatal(
      { err: error },
      'service failed to start',
    );
    process.exit(1);
  }
}
