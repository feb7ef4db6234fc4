import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { InjectLogger, type Logger } from '@kipp/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import {
  GatewayError,
  PayloadTooLargeError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../edge/edge.errors';
import { sendGatewayError } from '../edge/send-error';
import type { RoutedService } from './api-route';
import { BodyMeter } from './body-meter';
import {
  clientResponseHeaders,
  upstreamRequestHeaders,
  type ForwardingFacts,
} from './forwarded-headers';
import { upstreamPath, Upstreams } from './upstreams';

export interface ProxyExchange {
  readonly req: Request;
  readonly res: Response;
  readonly service: RoutedService;
  /** The service path and query, as the client sent them. */
  readonly path: string;
  readonly bodyLimitBytes: number;
  readonly facts: Omit<ForwardingFacts, 'upstreamHost'>;
}

/**
 * Forwards one request to its service and the answer back, both streamed with
 * backpressure: an evidence upload or an open-data download passes through a few stream
 * buffers, never a whole body. Built on node:http rather than http-proxy-middleware so
 * that every failure has exactly one answer: a body over its limit is cut as it streams
 * (413), a refused or broken connection is 502, a silent one 504, and a client that goes
 * away takes its upstream request with it.
 */
@Injectable()
export class UpstreamProxy implements OnApplicationShutdown {
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: Readonly<GatewayConfig>,
    private readonly upstreams: Upstreams,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  forward(exchange: ProxyExchange): void {
    const { req, res, service, bodyLimitBytes } = exchange;
    const started = process.hrtime.bigint();
    res.once('close', () => {
      this.logExchange(exchange, Number(process.hrtime.bigint() - started) / 1e6);
    });

    const declared = declaredLength(req);
    if (declared !== null && declared > bodyLimitBytes) {
      sendGatewayError(res, new PayloadTooLargeError(bodyLimitBytes));
      return;
    }

    const base = this.upstreams.baseOf(service);
    const timeoutMs = this.config.UPSTREAM_TIMEOUT_MS;
    const upstream = (base.protocol === 'https:' ? https : http).request({
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port,
      method: req.method,
      path: upstreamPath(base, exchange.path),
      headers: upstreamRequestHeaders(req.headers, { ...exchange.facts, upstreamHost: base.host }),
      agent: base.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
      // Idle time on the socket: connecting, waiting for the answer, or mid-stream.
      timeout: timeoutMs,
    });

    let clientGone = false;
    const abandon = () => {
      if (res.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    };
    res.once('close', abandon);
    req.once('error', abandon);

    upstream.once('timeout', () => {
      upstream.destroy(new UpstreamTimeoutError(service, timeoutMs));
    });
    upstream.on('error', (error) => {
      if (clientGone || res.writableFinished) return;
      if (!(error instanceof PayloadTooLargeError)) {
        this.logger.warn(
          { err: error, upstream: service, request_id: exchange.facts.requestId },
          'upstream failed',
        );
      }
      sendGatewayError(
        res,
        error instanceof GatewayError ? error : new UpstreamUnavailableError(service),
      );
    });
    upstream.once('response', (answer) => {
      this.relayResponse(answer, res, upstream);
    });

    const meter = new BodyMeter(bodyLimitBytes);
    meter.once('error', (error) => {
      req.unpipe(meter);
      upstream.destroy(error);
    });
    req.pipe(meter).pipe(upstream);
  }

  private relayResponse(answer: IncomingMessage, res: Response, upstream: http.ClientRequest) {
    res.statusCode = answer.statusCode ?? 502;
    for (const [name, value] of clientResponseHeaders(answer.headers)) {
      if (name === 'vary') {
        res.vary(Array.isArray(value) ? value.join(', ') : value);
      } else if (!res.hasHeader(name)) {
        // What the gateway set already (security headers, CORS, request id) stays.
        res.setHeader(name, value);
      }
    }
    pipeline(answer, res, (error) => {
      // The client left or the upstream broke off mid-body: nothing left to answer.
      if (error) upstream.destroy();
    });
  }

  private logExchange(exchange: ProxyExchange, durationMs: number): void {
    const { req, res, service } = exchange;
    const status = res.statusCode;
    const fields = {
      request_id: exchange.facts.requestId,
      upstream: service,
      method: req.method,
      path: exchange.path.split('?', 1)[0],
      status,
      completed: res.writableFinished,
      durationMs: Math.round(durationMs * 10) / 10,
    };
    if (status >= 500) this.logger.error(fields, 'proxied');
    else if (status >= 400) this.logger.warn(fields, 'proxied');
    else this.logger.info(fields, 'proxied');
  }

  onApplicationShutdown(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** The body length the client announced, or null when it streams one of unknown length. */
function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}
