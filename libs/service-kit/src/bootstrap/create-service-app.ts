import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { useObservabilityLogger } from '@kipp/observability';
import { HttpErrorFilter } from '../http/http-error.filter';
import { rejectMalformedJson } from '../http/reject-malformed-json';

export interface ServiceAppOptions {
  /** The service name: OpenAPI title and log context. */
  readonly name: string;
  /** The root module; it must import `ObservabilityModule.forRoot(...)`. */
  readonly module: Type | DynamicModule;
  /** Largest JSON body accepted, in bytes or as `'1mb'`; larger gets 413. Default 1mb. */
  readonly bodyLimit?: number | string;
  /**
   * Whether request bodies are parsed (JSON, as above). Default true; false leaves every
   * body unread, for a reverse proxy that streams it on.
   */
  readonly parseBodies?: boolean;
  /** Last changes before the OpenAPI document is built (prefix, CORS, extra middleware). */
  readonly configureApp?: (app: NestExpressApplication) => void;
}

export const DEFAULT_BODY_LIMIT = '1mb';
export const OPENAPI_PATH = 'docs';

/**
 * Creates the Nest application with everything services share at the edge, without
 * listening: pino logging, the error filter, the JSON body limit, no `x-powered-by`, and
 * OpenAPI at `/docs` (JSON at `/docs-json`). Tests drive the result with supertest;
 * `bootstrapService` adds listening and graceful shutdown.
 */
export async function createServiceApp(
  options: ServiceAppOptions,
): Promise<NestExpressApplication> {
  const parseBodies = options.parseBodies ?? true;
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bufferLogs: true,
    // Throw instead of aborting the process, so the caller can log the failure as JSON.
    abortOnError: false,
    bodyParser: parseBodies,
  });
  const logger = useObservabilityLogger(app);

  app.disable('x-powered-by');
  if (parseBodies) {
    // Registered before Nest's defaults, so Nest skips its own JSON parser (100kb limit).
    app.useBodyParser('json', { limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
    app.use(rejectMalformedJson);
  }
  app.useGlobalFilters(new HttpErrorFilter(logger));
  options.configureApp?.(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.name)
      .setDescription(`HTTP API of the ${options.name} service`)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
  return app;
}
