import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { RegistrationConfig } from './config/registration.config';
import { InstitutionModule } from './institution/institution.module';
import { SigningKeyModule } from './signing-key/signing-key.module';

@Module({})
export class AppModule {
  static register(config: Readonly<RegistrationConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'registration', config }),
        SigningKeyModule,
        InstitutionModule,
      ],
    };
  }
}
