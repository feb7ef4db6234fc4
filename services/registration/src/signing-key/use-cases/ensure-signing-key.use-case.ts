import { Injectable } from '@nestjs/common';
import { TokenSigner } from '@kipp/auth';
import { SigningKeyPublishedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { SigningKeyRepository } from '../signing-key.repository';

const ALGORITHM = 'EdDSA';

/**
 * Makes sure a current access-token signing key exists and returns its signer. A new key
 * is published (public half only) through the outbox, so every service learns it.
 */
@Injectable()
export class EnsureSigningKeyUseCase {
  constructor(
    private readonly keys: SigningKeyRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(now = new Date()): Promise<TokenSigner> {
    const existing = await this.keys.findCurrent();
    if (existing)
      return TokenSigner.fromPkcs8Pem(existing.privateKeyPem, existing.alg, existing._id);

    const kid = `k-${now.toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
    const signer = await TokenSigner.generate(ALGORITHM, kid);
    const publicJwk = signer.publicJwk();
    const event = createEvent(SigningKeyPublishedV1, {
      kid,
      jwk: publicJwk,
      retiresAt: null,
      publishedAt: now.toISOString(),
    });
    const won = await this.keys.insertCurrent(
      {
        _id: kid,
        alg: ALGORITHM,
        privateKeyPem: await signer.exportPkcs8Pem(),
        publicJwk,
        retiresAt: null,
      },
      [event],
    );
    if (won) {
      this.outbox.nudge();
      return signer;
    }
    const winner = await this.keys.findCurrent();
    if (!winner) throw new Error('signing key vanished after a concurrent insert');
    return TokenSigner.fromPkcs8Pem(winner.privateKeyPem, winner.alg, winner._id);
  }
}
