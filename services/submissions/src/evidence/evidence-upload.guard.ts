import {
  createParamDecorator,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { AuthenticatedRequest } from '@kipp/auth';
import { ZodValidationPipe } from '@kipp/service-kit';
import {
  evidenceParamsSchema,
  UploadEvidenceUseCase,
  type PreparedEvidenceUpload,
} from './use-cases/upload-evidence.use-case';

type UploadRequest = AuthenticatedRequest & { params: unknown };

/** What the guard established for a request, read by the upload engine and the controller. */
const prepared = new WeakMap<object, PreparedEvidenceUpload>();

/** The prepared upload of `request`; undefined when `EvidenceUploadGuard` did not run. */
export function preparedUploadOf(request: object): PreparedEvidenceUpload | undefined {
  return prepared.get(request);
}

/**
 * Runs `UploadEvidenceUseCase.prepare` before the body is read. Guards run before
 * interceptors, so a refused upload (scope, status, close, unknown requirement) is answered
 * before multer's `FileInterceptor` stores a single byte, and the engine knows the
 * requirement's size limit and types while the file streams. Bound after the global
 * `AuthGuard`, so the caller is authenticated and holds the route's roles.
 */
@Injectable()
export class EvidenceUploadGuard implements CanActivate {
  private readonly params = new ZodValidationPipe(evidenceParamsSchema, 'params');

  constructor(private readonly uploadEvidence: UploadEvidenceUseCase) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    if (!request.user) throw new Error('EvidenceUploadGuard runs on authenticated routes only');
    // Parsed here rather than only by the route's pipe, which runs after the file is stored.
    const params = this.params.transform(request.params);
    prepared.set(request, await this.uploadEvidence.prepare(request.user, params));
    return true;
  }
}

/** Injects what `EvidenceUploadGuard` prepared for this request. */
export const PreparedUpload = createParamDecorator(
  (_data: unknown, context: ExecutionContext): PreparedEvidenceUpload => {
    const upload = preparedUploadOf(context.switchToHttp().getRequest<object>());
    if (!upload) throw new Error('@PreparedUpload() needs EvidenceUploadGuard on the handler');
    return upload;
  },
);
