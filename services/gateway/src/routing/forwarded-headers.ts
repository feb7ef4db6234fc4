import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1, plus the legacy
 * ones proxies still meet), so they never cross the gateway in either direction.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Set again by the gateway: forwarding facts a client could otherwise forge, the host of
 * the upstream, and `expect` (Node has already answered `100-continue` to the client).
 */
const REPLACED_ON_REQUEST = new Set([
  'host',
  'expect',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-real-ip',
]);

/** The gateway owns CORS and the request id; a service's own would contradict it. */
function isOwnedByGateway(name: string): boolean {
  return name.startsWith('access-control-') || name === 'x-request-id' || name === 'x-powered-by';
}

/** The header names a `Connection` header lists: hop-by-hop for this message only. */
function connectionListed(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection;
  if (value === undefined) return new Set();
  return new Set(
    value
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter((token) => token.length > 0),
  );
}

function endToEnd(headers: IncomingHttpHeaders, drop: (name: string) => boolean) {
  const listed = connectionListed(headers);
  return Object.entries(headers).filter(
    (entry): entry is [string, string | string[]] =>
      entry[1] !== undefined &&
      !HOP_BY_HOP.has(entry[0]) &&
      !listed.has(entry[0]) &&
      !drop(entry[0]),
  );
}

export interface ForwardingFacts {
  /** The client as the gateway's `TRUST_PROXY` sees it. */
  readonly clientIp: string;
  /** `http` or `https`, as the client reached the platform. */
  readonly proto: string;
  /** The host the client asked for. */
  readonly host: string | undefined;
  /** `host[:port]` of the upstream. */
  readonly upstreamHost: string;
  readonly requestId: string;
}

/**
 * The request headers a service receives: the client's end-to-end headers untouched
 * (Authorization included: each service verifies tokens itself), and the forwarding facts
 * as the gateway established them. `X-Forwarded-For` is the one client address the gateway
 * settled on, so a service that trusts the gateway needs to trust nothing else.
 */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  facts: ForwardingFacts,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = Object.fromEntries(
    endToEnd(incoming, (name) => REPLACED_ON_REQUEST.has(name)),
  );
  headers['host'] = facts.upstreamHost;
  headers['x-forwarded-for'] = facts.clientIp;
  headers['x-forwarded-proto'] = facts.proto;
  if (facts.host !== undefined) headers['x-forwarded-host'] = facts.host;
  headers['x-request-id'] = facts.requestId;
  return headers;
}

/** The response headers a client receives from a service: its end-to-end headers. */
export function clientResponseHeaders(
  upstream: IncomingHttpHeaders,
): readonly (readonly [string, string | string[]])[] {
  return endToEnd(upstream, isOwnedByGateway);
}
