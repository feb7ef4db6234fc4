import { Injectable } from '@nestjs/common';
import type { PublicSigningJwk } from '@kipp/auth';
import { SigningKeyRepository } from '../signing-key.repository';

@Injectable()
export class ListPublicKeysUseCase {
  constructor(private readonly keys: SigningKeyRepository) {}

  async execute(now = new Date()): Promise<PublicSigningJwk[]> {
    return (await this.keys.findPublishable(now)).map((key) => key.publicJwk);
  }
}
