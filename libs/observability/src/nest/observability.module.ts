import {
  Global,
  Inject,
  Module,
  RequestMethod,
  type DynamicModule,
  type INestApplication,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { Logger as NestPinoLogger, LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { createLogger, type LoggerOptions } from '../logging/create-logger';
import { isHealthCheckPath } from '../tracing/health-check-paths';
import { correlationIdMiddleware, resolveCorrelationId } from './correlation-id.middleware';

export type ObservabilityOptions = Pick<LoggerOptions, 'service' | 'level' | 'destination'>;

/** Injection token of the service's pino logger (see `InjectLogger`). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/** Injects the pino logger: `constructor(@InjectLogger() private readonly logger: Logger)`. */
export const InjectLogger = (): ParameterDecorator => Inject(APP_LOGGER);

/**
 * Logging and request context for a Nest service: a pino logger (also behind Nest's own
 * `Logger`), one log line per HTTP request except health probes, and the
 * `x-correlation-id` middleware. Import it once, in the root module.
 */
@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const logger = createLogger(options);
    return {
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            genReqId: resolveCorrelationId,
            // Lines logged during a request carry only its id; the closing line has the rest.
            quietReqLogger: true,
            autoLogging: { ignore: (request) => isHealthCheckPath(request.url) },
            customLogLevel: (_request, response, error) => {
              if (error !== undefined || response.statusCode >= 500) {
                return 'error';
              }
              return response.statusCode >= 400 ? 'warn' : 'info';
            },
          },
        }),
      ],
      providers: [{ provide: APP_LOGGER, useValue: logger }],
      exports: [APP_LOGGER, LoggerModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(correlationIdMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

/**
 * Routes Nest's own logging (start-up, lifecycle, terminus) through pino. Requires
 * `ObservabilityModule` in the application; create the app with `bufferLogs: true` so
 * nothing logged before this call is lost.
 */
export function useObservabilityLogger(app: INestApplication): Logger {
  let nestLogger: NestPinoLogger;
  try {
    nestLogger = app.get(NestPinoLogger);
  } catch (error) {
    throw new Error('The root module must import ObservabilityModule.forRoot(...)', {
      cause: error,
    });
  }
  app.useLogger(nestLogger);
  // Nest would hold buffered lines until listen(); tests that only init() would lose them.
  app.flushLogs();
  return app.get<Logger>(APP_LOGGER);
}
