import { shutdownTracing, type Logger } from '@kipp/observability';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const IDLE_SWEEP_INTERVAL_MS = 50;

/**
 * On SIGTERM or SIGINT: stop accepting connections and let in-flight requests finish,
 * then `app.close()` runs Nest's lifecycle hooks (consumers stop, relays drain,
 * connections close), then flush traces and exit 0. Past `timeoutMs` the process exits 1
 * whatever is still running.
 *
 * Nest's `enableShutdownHooks()` is deliberately not used: it runs the hooks before it
 * closes the HTTP server, has no deadline, and ends by re-raising the signal (exit 143).
 * `app.close()` runs the same hooks.
 */
export function handleShutdownSignals(
  app: NestExpressApplication,
  logger: Logger,
  timeoutMs: number,
): void {
  let shuttingDown = false;

  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    shuttingDown = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out, forcing exit');
      process.exit(1);
    }, timeoutMs).unref();

    shutDown(app).then(
      () => {
        logger.info('service stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };

  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, onSignal);
  }
  // When the app is closed some other way (tests), stop listening for signals.
  app.getHttpServer().once('close', () => {
    if (!shuttingDown) {
      for (const signal of SHUTDOWN_SIGNALS) {
        process.off(signal, onSignal);
      }
    }
  });
}

async function shutDown(app: NestExpressApplication): Promise<void> {
  await stopAcceptingAndDrain(app.getHttpServer());
  await app.close();
  await shutdownTracing();
}

/**
 * Resolves once the last in-flight request has been answered. `server.close()` only
 * drops connections that are idle at that moment; a keep-alive connection whose request
 * finishes later would hold the server open until the client's idle timeout, so idle
 * connections are swept until the server is closed.
 */
function stopAcceptingAndDrain(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => {
      server.closeIdleConnections();
    }, IDLE_SWEEP_INTERVAL_MS);
    // The error passed when the server was not listening is of no interest here.
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
  });
}
