import { canonicalPath, type RoutedService } from './api-route';

/** How large a request body a route may carry: JSON APIs, JSON imports, file uploads. */
export type BodyFamily = 'json' | 'import' | 'upload';

export interface BodyLimits {
  readonly json: number;
  readonly import: number;
  readonly upload: number;
}

const segment = '[^/]+';

/** Multipart routes, as each service declares them (its own limits still apply). */
const UPLOAD_ROUTES: Readonly<Record<RoutedService, readonly RegExp[]>> = {
  registration: [/^\/local-admin-requests$/],
  submissions: [new RegExp(`^/proposals/${segment}/evidence/${segment}$`)],
  evaluation: [
    new RegExp(`^/field-verifications/${segment}/photos$`),
    new RegExp(`^/public/editions/${segment}/objections$`),
  ],
  replication: [/^\/replications$/],
  notifications: [],
};

/** JSON bodies carrying a whole CSV file. */
const IMPORT_ROUTES: Readonly<Record<RoutedService, readonly RegExp[]>> = {
  registration: [/^\/institutions\/imports$/, /^\/accounts\/evaluator-imports$/],
  submissions: [],
  evaluation: [],
  replication: [],
  notifications: [],
};

function matches(routes: readonly RegExp[], path: string): boolean {
  const canonical = canonicalPath(path);
  return routes.some((route) => route.test(canonical));
}

export function bodyFamilyOf(service: RoutedService, method: string, path: string): BodyFamily {
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    if (matches(UPLOAD_ROUTES[service], path)) return 'upload';
    if (matches(IMPORT_ROUTES[service], path)) return 'import';
  }
  return 'json';
}

/**
 * Where a password, a second-factor code or a reset token is tried: every step of sign-in
 * and password reset. Refreshing and ending a session present a random token that cannot
 * be guessed, so they keep the ordinary budgets (a whole office behind one NAT address
 * refreshes all day).
 */
export function isCredentialRoute(service: RoutedService, path: string): boolean {
  if (service !== 'registration') return false;
  const canonical = canonicalPath(path);
  if (canonical === '/sessions/refresh' || canonical === '/sessions/logout') return false;
  return /^\/(sessions|password-resets)(\/|$)/.test(canonical);
}
