import { randomBytes } from 'node:crypto';
import {
  portalLinkPatternOf,
  type PasswordResetRequestedV1,
  type PayloadOf,
} from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { CredentialsRepository } from '../credentials.repository';
import type { IpRateLimiter } from '../ip-rate-limiter';
import { hashToken } from '../opaque-token';
import type { PasswordResetRepository } from '../password-reset.repository';
import { sealingKeyFromBase64, unseal } from '@kipp/service-kit';
import type { SessionSettings } from '../session.settings';
import { RequestPasswordResetUseCase } from './request-password-reset.use-case';

const now = new Date('2027-01-21T02:30:00Z');
const key = sealingKeyFromBase64('reset-1', randomBytes(32).toString('base64'));

function setUp(status: 'active' | 'deactivated' | null) {
  const stored: {
    reset: { tokenHash: string; expiresAt: Date };
    events: readonly PendingEvent[];
  }[] = [];
  const credentials = {
    findByUserId: () =>
      Promise.resolve(
        status && {
          _id: 'acct_1',
          name: 'Siti',
          email: 'siti@bandung.go.id',
          locale: 'id',
          status,
        },
      ),
  };
  const resets = {
    insert: (reset: { tokenHash: string; expiresAt: Date }, events: readonly PendingEvent[]) => {
      stored.push({ reset, events });
      return Promise.resolve();
    },
  };
  const notifier = new OutboxNotifier();
  const nudge = jest.fn();
  notifier.attach(nudge);
  const useCase = new RequestPasswordResetUseCase(
    credentials as unknown as CredentialsRepository,
    resets as unknown as PasswordResetRepository,
    { consume: () => Promise.resolve() } as unknown as IpRateLimiter,
    notifier,
    {
      portalUrl: 'https://portal',
      passwordResetTtlSeconds: 1800,
      passwordResetSealingKey: key,
    } as SessionSettings,
  );
  return { useCase, stored, nudge };
}

describe('RequestPasswordResetUseCase', () => {
  it('should store only the token hash and put the token only inside the sealed link', async () => {
    const { useCase, stored, nudge } = setUp('active');
    await useCase.execute({ userId: 'upp' }, '1.2.3.4', now);

    expect(stored).toHaveLength(1);
    const [{ reset, events }] = stored as [(typeof stored)[number]];
    const envelope = JSON.parse(events[0]?.value ?? '{}') as {
      payload: PayloadOf<typeof PasswordResetRequestedV1>;
    };
    const link = new URL(unseal(envelope.payload.sealedLink, key));
    const token = link.searchParams.get('token') ?? '';
    expect(link.pathname).toBe('/reset-password');
    expect(portalLinkPatternOf(link.pathname)).toBe('/reset-password');
    expect(reset.tokenHash).toBe(hashToken(token));
    expect(events[0]?.value).not.toContain(token);
    expect(reset.expiresAt).toEqual(new Date(now.getTime() + 1800_000));
    expect(envelope.payload).toMatchObject({ accountId: 'acct_1', email: 'siti@bandung.go.id' });
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it.each([null, 'deactivated' as const])(
    'should quietly do nothing for a %s account',
    async (status) => {
      const { useCase, stored } = setUp(status);
      await expect(useCase.execute({ userId: 'upp' }, '1.2.3.4', now)).resolves.toBeUndefined();
      expect(stored).toHaveLength(0);
    },
  );
});
