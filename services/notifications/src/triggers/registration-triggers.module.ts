import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { RegistrationConsumer } from './registration/registration.consumer';
import { AnnounceLocalAdminDecisionUseCase } from './registration/use-cases/announce-local-admin-decision.use-case';
import { RecordRoleGrantUseCase } from './registration/use-cases/record-role-grant.use-case';
import { SendPasswordResetUseCase } from './registration/use-cases/send-password-reset.use-case';
import { WelcomeAccountUseCase } from './registration/use-cases/welcome-account.use-case';

/**
 * Registration's events: keeps the directory (institutions, editions, accounts) and sends
 * the account mail (welcome, password reset, local-admin decision).
 */
@Module({
  imports: [DirectoryModule],
  providers: [
    RegistrationConsumer,
    WelcomeAccountUseCase,
    RecordRoleGrantUseCase,
    SendPasswordResetUseCase,
    AnnounceLocalAdminDecisionUseCase,
  ],
})
export class RegistrationTriggersModule {}
