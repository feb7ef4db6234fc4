import { clientAddressKey, rateLimitBuckets, type RateLimitBudgets } from './rate-limit-buckets';

const budgets: RateLimitBudgets = {
  ip: { max: 100, windowSeconds: 60 },
  user: { max: 50, windowSeconds: 60 },
  credentials: { max: 5, windowSeconds: 300 },
};

describe('rateLimitBuckets', () => {
  it('should hold an anonymous request to its address only', () => {
    expect(
      rateLimitBuckets({ clientIp: '198.51.100.4', userId: null, credentialRoute: false }, budgets),
    ).toEqual([{ scope: 'ip', key: 'gateway:rate:ip:198.51.100.4', max: 100, windowSeconds: 60 }]);
  });

  it('should hold a signed-in request to its address and its user', () => {
    expect(
      rateLimitBuckets(
        { clientIp: '198.51.100.4', userId: 'acct_7', credentialRoute: false },
        budgets,
      ),
    ).toEqual([
      { scope: 'ip', key: 'gateway:rate:ip:198.51.100.4', max: 100, windowSeconds: 60 },
      { scope: 'user', key: 'gateway:rate:user:acct_7', max: 50, windowSeconds: 60 },
    ]);
  });

  it('should add the small per-address credential budget when the request is a sign-in step', () => {
    const buckets = rateLimitBuckets(
      { clientIp: '198.51.100.4', userId: null, credentialRoute: true },
      budgets,
    );

    expect(buckets.map((bucket) => [bucket.scope, bucket.key, bucket.max])).toEqual([
      ['ip', 'gateway:rate:ip:198.51.100.4', 100],
      ['credentials', 'gateway:rate:credentials:198.51.100.4', 5],
    ]);
  });
});

describe('clientAddressKey', () => {
  it.each([
    ['198.51.100.4', '198.51.100.4'],
    ['::ffff:198.51.100.4', '198.51.100.4'],
    ['::FFFF:198.51.100.4', '198.51.100.4'],
    ['2001:db8:85a3:1:aaaa:bbbb:cccc:dddd', '2001:db8:85a3:1::/64'],
    ['2001:db8:85a3:1::1', '2001:db8:85a3:1::/64'],
    ['2001:0db8:0000:0001:0000:0000:0000:0001', '2001:db8:0:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['unknown', 'unknown'],
  ])('should key %s as %s', (ip, key) => {
    expect(clientAddressKey(ip)).toBe(key);
  });

  it('should give two addresses of one /64 one key and neighbouring /64s different ones', () => {
    expect(clientAddressKey('2001:db8:1:2::a')).toBe(clientAddressKey('2001:db8:1:2:ffff::b'));
    expect(clientAddressKey('2001:db8:1:2::a')).not.toBe(clientAddressKey('2001:db8:1:3::a'));
  });
});
