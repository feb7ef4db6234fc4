import { SigningKeyPublishedV1 } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { NewSigningKey, SigningKeyRepository } from '../signing-key.repository';
import type { SigningKey } from '../signing-key.schema';
import { EnsureSigningKeyUseCase } from './ensure-signing-key.use-case';

class InMemoryKeys {
  current: SigningKey | null = null;
  published: PendingEvent[] = [];

  findCurrent(): Promise<SigningKey | null> {
    return Promise.resolve(this.current);
  }

  insertCurrent(key: NewSigningKey, events: readonly PendingEvent[]): Promise<boolean> {
    if (this.current) return Promise.resolve(false);
    const now = new Date();
    this.current = { ...key, slot: 'current', outbox: [...events], createdAt: now, updatedAt: now };
    this.published.push(...events);
    return Promise.resolve(true);
  }
}

describe('EnsureSigningKeyUseCase', () => {
  it('should create one key, publish only its public half, and reuse it afterwards', async () => {
    const keys = new InMemoryKeys();
    const useCase = new EnsureSigningKeyUseCase(
      keys as unknown as SigningKeyRepository,
      new OutboxNotifier(),
    );

    const first = await useCase.execute();
    const second = await useCase.execute();

    expect(second.kid).toBe(first.kid);
    expect(keys.published).toHaveLength(1);
    expect(keys.published[0]?.topic).toBe(SigningKeyPublishedV1.topic);
    const event = keys.published[0]!.value;
    expect(event).not.toContain('PRIVATE KEY');
    expect(JSON.parse(event)).toMatchObject({
      payload: { kid: first.kid, retiresAt: null, jwk: { alg: 'EdDSA' } },
    });
    expect((JSON.parse(event) as { payload: { jwk: object } }).payload.jwk).not.toHaveProperty('d');
  });
});
