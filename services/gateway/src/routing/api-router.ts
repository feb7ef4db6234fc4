import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { RouteNotFoundError } from '../edge/edge.errors';
import { requestIdOf } from '../edge/request-id';
import { sendGatewayError } from '../edge/send-error';
import { resolveApiRoute } from './api-route';
import { bodyFamilyOf, type BodyLimits } from './route-families';
import { UpstreamProxy } from './upstream-proxy';

/**
 * `/api/<service>/…` goes to the service; `/api/docs…` is the gateway's own documentation
 * (served further down the chain); anything else under `/api` is `404 ROUTE_NOT_FOUND`.
 */
@Injectable()
export class ApiRouter {
  private readonly limits: BodyLimits;

  constructor(
    @Inject(GATEWAY_CONFIG) config: Readonly<GatewayConfig>,
    private readonly proxy: UpstreamProxy,
  ) {
    this.limits = {
      json: config.BODY_LIMIT_JSON_BYTES,
      import: config.BODY_LIMIT_IMPORT_BYTES,
      upload: config.BODY_LIMIT_UPLOAD_BYTES,
    };
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const route = resolveApiRoute(req.originalUrl);
    if (route === null || route.kind === 'docs') {
      next();
      return;
    }
    if (route.kind === 'unknown') {
      sendGatewayError(res, new RouteNotFoundError(req.path));
      return;
    }
    this.proxy.forward({
      req,
      res,
      service: route.service,
      path: route.path,
      bodyLimitBytes: this.limits[bodyFamilyOf(route.service, req.method, route.path)],
      facts: {
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        proto: req.protocol,
        host: req.headers.host === undefined ? undefined : req.host,
        requestId: requestIdOf(req),
      },
    });
  };
}
