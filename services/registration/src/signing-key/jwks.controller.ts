import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, type PublicSigningJwk } from '@kipp/auth';
import { ListPublicKeysUseCase } from './use-cases/list-public-keys.use-case';

/** The public keys as a JWKS, for verifiers outside the platform; services get them by event. */
@ApiTags('keys')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly listPublicKeys: ListPublicKeysUseCase) {}

  @Public()
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  async jwks(): Promise<{ keys: PublicSigningJwk[] }> {
    return { keys: await this.listPublicKeys.execute() };
  }
}
