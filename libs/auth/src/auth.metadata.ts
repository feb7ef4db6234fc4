import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';
import type { Role } from './roles';

export const IS_PUBLIC_KEY = 'kipp:auth:public';
export const ROLES_KEY = 'kipp:auth:roles';

/** The request shape the guard reads and writes; Express and Fastify both fit. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

/** Opens a handler or a whole controller to unauthenticated callers. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Restricts a handler or controller to users holding any of `roles` (403 AUTH_FORBIDDEN
 * otherwise). On a handler it replaces the controller's list, it does not add to it.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** The authenticated caller of the current request. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!user) {
      // Only reachable on a @Public() handler, where there is no caller to inject.
      throw new Error('@CurrentUser() used on a handler that is not authenticated');
    }
    return user;
  },
);
