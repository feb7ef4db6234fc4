import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { resolveCorrelationId, type Logger } from '@kipp/observability';
import type { Request, Response } from 'express';
import { describeError } from './describe-error';

/**
 * The one exception filter of a service: every error leaves as
 * `{ error: { code, message, details?, errorId? } }` (see `describeError`). Server
 * faults are logged with their errorId and stack; client errors are not, the request
 * log already records their status.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const described = describeError(exception);

    if (described.errorId !== undefined) {
      this.logger.error(
        {
          err: exception,
          errorId: described.errorId,
          method: request.method,
          url: request.originalUrl,
        },
        'request failed',
      );
    }
    if (response.headersSent) {
      // Part of the answer is already on the wire; all that is left is to cut it short.
      response.end();
      return;
    }
    // Errors raised before the correlation middleware (body parsing) still get an id.
    resolveCorrelationId(request, response);
    response.status(described.status).json(described.body);
  }
}
