import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * For the portal: a Vite-built React single-page app served from this origin. Scripts and
 * styles only as files from this origin (no inline script, no eval), images also as
 * `data:` URLs, API calls to this origin only, never framed, no plugins.
 */
export const PORTAL_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * For Swagger UI (`/docs`, `/api/docs`): its page carries inline `<style>` blocks. Its
 * scripts are files, so scripts stay as strict as the portal's.
 */
export const DOCS_CSP: Directives = {
  ...PORTAL_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
};

export interface SecurityHeaderOptions {
  /** 0 leaves Strict-Transport-Security out. */
  readonly hstsMaxAgeSeconds: number;
  readonly hstsIncludeSubDomains: boolean;
}

function isDocsPath(path: string): boolean {
  return /^\/(api\/)?docs(\/|-json|$)/.test(path);
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * helmet with the platform's policy: HSTS as configured, no MIME sniffing, no framing
 * (CSP frame-ancestors and X-Frame-Options), a referrer that never leaves the origin with
 * its path, and the content security policy of the portal (or of the docs pages).
 */
export function securityHeaders(options: SecurityHeaderOptions): Middleware {
  const withPolicy = (directives: Directives) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      strictTransportSecurity:
        options.hstsMaxAgeSeconds > 0
          ? { maxAge: options.hstsMaxAgeSeconds, includeSubDomains: options.hstsIncludeSubDomains }
          : false,
      xContentTypeOptions: true,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    });
  const portal = withPolicy(PORTAL_CSP);
  const docs = withPolicy(DOCS_CSP);
  return (req, res, next) => {
    (isDocsPath(req.url ?? '/') ? docs : portal)(req, res, next);
  };
}
