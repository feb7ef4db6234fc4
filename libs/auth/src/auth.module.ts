import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { SigningKeyStore } from './signing-key-store';
import { TokenVerifier } from './token-verifier';

export interface AuthModuleOptions {
  /** A store filled elsewhere (e.g. from a JWKS in tests); a fresh empty one otherwise. */
  readonly store?: SigningKeyStore;
}

/**
 * Provides the signing key store (one per process, fed by the key consumer), the token
 * verifier and the global AuthGuard. Global, so the key consumer can inject the store.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: SigningKeyStore, useValue: options.store ?? new SigningKeyStore() },
        {
          provide: TokenVerifier,
          useFactory: (store: SigningKeyStore) => new TokenVerifier(store),
          inject: [SigningKeyStore],
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [SigningKeyStore, TokenVerifier],
    };
  }
}
