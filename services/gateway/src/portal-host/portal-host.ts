import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { PortalNotBuiltError } from '../edge/edge.errors';
import { sendGatewayError } from '../edge/send-error';

/** Paths the portal never answers: the APIs, the probes, the documentation. */
export function isReservedPath(path: string): boolean {
  return /^\/(api|health|docs)(\/|-json|-yaml|$)/.test(path);
}

/** A page load in a browser, which may take index.html for any route of the app. */
function wantsPage(req: Request): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

const HASHED_ASSETS = '/assets/';

/**
 * Serves the single-page app from `PORTAL_DIR`: hashed files under `/assets/` cached for a
 * year (`immutable`: a new build has new names), everything else revalidated on every use
 * (`no-cache`), and any other page route (a GET that is not `/api`, `/health` or `/docs`
 * and accepts text/html) answered with index.html, where the app's router takes over.
 */
@Injectable()
export class PortalHost {
  private readonly root: string;

  constructor(@Inject(GATEWAY_CONFIG) config: Readonly<GatewayConfig>) {
    this.root = config.PORTAL_DIR;
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isReservedPath(req.path)) {
      next();
      return;
    }
    if (req.path === '/' || req.path === '/index.html') {
      this.sendIndex(res, next);
      return;
    }
    const hashed = req.path.startsWith(HASHED_ASSETS);
    const caching = hashed
      ? { maxAge: '365d', immutable: true }
      : { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } };
    res.sendFile(req.path, { root: this.root, dotfiles: 'ignore', ...caching }, (error) => {
      if (!error || res.headersSent) return;
      // A missing hashed asset stays a 404: a page in its place would be parsed as script.
      if (!hashed && wantsPage(req)) this.sendIndex(res, next);
      else next();
    });
  };

  private sendIndex(res: Response, next: NextFunction): void {
    const options = {
      root: this.root,
      cacheControl: false,
      headers: { 'Cache-Control': 'no-cache' },
    };
    res.sendFile('index.html', options, (error?: Error & { code?: string }) => {
      if (!error || res.headersSent) return;
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
        sendGatewayError(res, new PortalNotBuiltError());
      } else {
        next(error);
      }
    });
  }
}
