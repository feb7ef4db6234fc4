import { isIPv4, isIPv6 } from 'node:net';

export type RateLimitScope = 'ip' | 'user' | 'credentials';

export interface RateBudget {
  /** Requests allowed per window. */
  readonly max: number;
  readonly windowSeconds: number;
}

export type RateLimitBudgets = Readonly<Record<RateLimitScope, RateBudget>>;

/** One counter a request is held to: Redis key `gateway:rate:<scope>:<id>`. */
export interface RateBucket extends RateBudget {
  readonly scope: RateLimitScope;
  readonly key: string;
}

export interface RateLimitSubject {
  /** The client address as the gateway's `TRUST_PROXY` sees it. */
  readonly clientIp: string;
  /** The `sub` of a valid bearer token, or null. */
  readonly userId: string | null;
  /** A sign-in or password-reset step. */
  readonly credentialRoute: boolean;
}

/**
 * The counters one request is held to: its client address always; its user when it
 * carries a valid token (a user is limited wherever they connect from, and colleagues
 * behind one NAT address do not share one user's budget); and, on sign-in and reset steps,
 * a much smaller budget per address that slows credential stuffing.
 */
export function rateLimitBuckets(
  subject: RateLimitSubject,
  budgets: RateLimitBudgets,
): RateBucket[] {
  const address = clientAddressKey(subject.clientIp);
  const buckets: RateBucket[] = [{ scope: 'ip', key: `gateway:rate:ip:${address}`, ...budgets.ip }];
  if (subject.userId !== null) {
    buckets.push({ scope: 'user', key: `gateway:rate:user:${subject.userId}`, ...budgets.user });
  }
  if (subject.credentialRoute) {
    buckets.push({
      scope: 'credentials',
      key: `gateway:rate:credentials:${address}`,
      ...budgets.credentials,
    });
  }
  return buckets;
}

/**
 * Who an address stands for: an IPv4 address itself (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address its /64, since one subscriber usually holds a whole
 * /64 and could otherwise walk through it.
 */
export function clientAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
  return ip;
}

/** The eight hextets of an IPv6 address, without leading zeros. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.toLowerCase().replace(/%.*$/, '').split('::');
  const part = (text: string) => (text === '' ? [] : text.split(':'));
  const withIPv4Tail = (hextets: string[]) => {
    const last = hextets.at(-1);
    if (last === undefined || !isIPv4(last)) return hextets;
    const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number);
    return [...hextets.slice(0, -1), ((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  const left = withIPv4Tail(part(head));
  const right = tail === undefined ? [] : withIPv4Tail(part(tail));
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((hextet) =>
    Number.parseInt(hextet, 16).toString(16),
  );
}
