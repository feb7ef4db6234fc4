import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import { AccountModule } from './account/account.module';
import type { RegistrationConfig } from './config/registration.config';
import { EditionModule } from './edition/edition.module';
import { ImportJobModule } from './import-job/import-job.module';
import { InstitutionModule } from './institution/institution.module';
import { SessionModule } from './session/session.module';
import { SigningKeyModule } from './signing-key/signing-key.module';

@Module({})
export class AppModule {
  static register(config: Readonly<RegistrationConfig>): DynamicModule {
    const institutions = InstitutionModule.register({
      seedRegionsOnStart: config.REGIONS_SEED_ON_START,
    });
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'registration', config }),
        SigningKeyModule,
        ImportJobModule.register(config),
        SessionModule.register(config),
        AccountModule.register(institutions),
        EditionModule.register(config, institutions),
        institutions,
      ],
    };
  }
}
