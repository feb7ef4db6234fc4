/** The services behind `/api/<service>/…`, in the order the documentation lists them. */
export const ROUTED_SERVICES = [
  'registration',
  'submissions',
  'evaluation',
  'replication',
  'notifications',
] as const;
export type RoutedService = (typeof ROUTED_SERVICES)[number];

/** The gateway's own documentation under `/api`: `/api/docs` (Swagger UI), `/api/docs-json`. */
const DOCS_SEGMENTS = new Set(['docs', 'docs-json']);

export type ApiRoute =
  /** `path` is what the service receives: its own path (from `/`) and the query, as sent. */
  | { readonly kind: 'service'; readonly service: RoutedService; readonly path: string }
  | { readonly kind: 'docs' }
  | { readonly kind: 'unknown' };

function isRoutedService(segment: string): segment is RoutedService {
  return (ROUTED_SERVICES as readonly string[]).includes(segment);
}

/**
 * Where a request target goes: `null` outside `/api`, a service with the path it receives,
 * the gateway's documentation, or nowhere. The path is passed on byte for byte; only its
 * canonical form is inspected, so `/api/registration/Health/Ready` reaches no probe and
 * dot segments (which services would not resolve the way a reader expects) reach nothing.
 */
export function resolveApiRoute(target: string): ApiRoute | null {
  const queryAt = target.indexOf('?');
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? '' : target.slice(queryAt);
  if (pathname !== '/api' && !pathname.startsWith('/api/')) return null;

  const afterApi = pathname.slice('/api/'.length);
  const slash = afterApi.indexOf('/');
  const segment = slash === -1 ? afterApi : afterApi.slice(0, slash);
  if (DOCS_SEGMENTS.has(segment)) return { kind: 'docs' };
  if (!isRoutedService(segment)) return { kind: 'unknown' };

  const path = slash === -1 ? '/' : afterApi.slice(slash);
  const canonical = canonicalPath(path);
  if (hasDotSegment(canonical) || isProbePath(canonical)) return { kind: 'unknown' };
  return { kind: 'service', service: segment, path: `${path}${query}` };
}

/**
 * A path as a service's router would match it: percent-decoded, lower case (Express routes
 * are case-insensitive), repeated slashes folded, no trailing slash, no query. Every rule
 * that looks at a path (body limits, sign-in budgets) looks at this form, so spelling a
 * path differently does not get around it.
 */
export function canonicalPath(path: string): string {
  const queryAt = path.indexOf('?');
  const bare = queryAt === -1 ? path : path.slice(0, queryAt);
  let decoded = bare;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    // Malformed escapes stay as they are; the service will refuse them itself.
  }
  const folded = decoded.toLowerCase().replace(/\/{2,}/g, '/');
  return folded.length > 1 && folded.endsWith('/') ? folded.slice(0, -1) : folded;
}

function hasDotSegment(canonical: string): boolean {
  return canonical.split('/').some((segment) => segment === '.' || segment === '..');
}

/** The services' own probes are for the cluster, not the internet. */
function isProbePath(canonical: string): boolean {
  return canonical === '/health' || canonical.startsWith('/health/');
}
