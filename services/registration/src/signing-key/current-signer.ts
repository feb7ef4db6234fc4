import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { TokenSigner } from '@kipp/auth';
import { EnsureSigningKeyUseCase } from './use-cases/ensure-signing-key.use-case';

/** Holds the signer of the current key for the use cases that issue tokens. */
@Injectable()
export class CurrentSigner implements OnApplicationBootstrap {
  private signer: TokenSigner | undefined;

  constructor(private readonly ensureSigningKey: EnsureSigningKeyUseCase) {}

  async onApplicationBootstrap(): Promise<void> {
    this.signer = await this.ensureSigningKey.execute();
  }

  get(): TokenSigner {
    if (!this.signer) throw new Error('the signing key is not loaded yet');
    return this.signer;
  }
}
