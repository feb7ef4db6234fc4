import {
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { EvidenceTooLargeError } from './ledger.errors';
import { LEDGER_OPTIONS, type LedgerOptions } from './use-cases/register-replication.use-case';

/**
 * Put before multer's interceptor: its "file too large" becomes the ledger's own 413
 * `EVIDENCE_TOO_LARGE` naming the limit.
 */
@Injectable()
export class EvidenceUploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(LEDGER_OPTIONS) private readonly options: LedgerOptions) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) {
          throw new EvidenceTooLargeError(null, this.options.evidenceMaxBytes);
        }
        throw error;
      }),
    );
  }
}
