import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CurrentSigner } from './current-signer';
import { JwksController } from './jwks.controller';
import { SigningKeyRepository } from './signing-key.repository';
import { SIGNING_KEY_MODEL, signingKeySchema } from './signing-key.schema';
import { EnsureSigningKeyUseCase } from './use-cases/ensure-signing-key.use-case';
import { ListPublicKeysUseCase } from './use-cases/list-public-keys.use-case';

@Module({
  imports: [MongooseModule.forFeature([{ name: SIGNING_KEY_MODEL, schema: signingKeySchema }])],
  controllers: [JwksController],
  providers: [SigningKeyRepository, EnsureSigningKeyUseCase, ListPublicKeysUseCase, CurrentSigner],
  exports: [CurrentSigner],
})
export class SigningKeyModule {}
