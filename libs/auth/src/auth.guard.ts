import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from './auth.errors';
import { IS_PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from './auth.metadata';
import type { Role } from './roles';
import { hasAnyRole } from './scope';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/**
 * Installed globally by AuthModule: every handler needs a valid bearer token unless it is
 * marked @Public(), and then the roles named by @Roles(). Secure by default, so a new
 * route someone forgot to annotate is closed, not open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) {
      return true;
    }
    // Fail closed: a non-HTTP handler carries no bearer token, so it must be marked public.
    if (context.getType() !== 'http') throw new AuthError('AUTH_TOKEN_MISSING');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.verifier.verify(bearerToken(request));
    request.user = user;

    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasAnyRole(user, roles)) throw new AuthError('AUTH_FORBIDDEN');
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  return match?.[1] ?? '';
}
