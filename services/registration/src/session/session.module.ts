import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ACCOUNT_MODEL, accountSchema } from '../account/account.schema';
import { PasswordHasher } from '../account/password-hasher';
import type { RegistrationConfig } from '../config/registration.config';
import { SigningKeyModule } from '../signing-key/signing-key.module';
import { BootstrapAdminLifecycle } from './bootstrap-admin.lifecycle';
import { CredentialsRepository } from './credentials.repository';
import { IpRateLimiter } from './ip-rate-limiter';
import { MyPasswordController } from './my-password.controller';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetRepository } from './password-reset.repository';
import { PendingSecondFactorRepository } from './pending-second-factor.repository';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SecondFactor } from './second-factor';
import { SecondFactorController } from './second-factor.controller';
import { SessionController } from './session.controller';
import { SessionIssuer } from './session-issuer';
import {
  PASSWORD_RESET_MODEL,
  passwordResetSchema,
  PENDING_SECOND_FACTOR_MODEL,
  pendingSecondFactorSchema,
  REFRESH_TOKEN_MODEL,
  refreshTokenSchema,
  SIGN_IN_CHALLENGE_MODEL,
  signInChallengeSchema,
  USED_TOTP_STEP_MODEL,
  usedTotpStepSchema,
} from './session.schema';
import { SESSION_SETTINGS, sessionSettingsFrom } from './session.settings';
import { SignInChallengeRepository } from './sign-in-challenge.repository';
import { BootstrapAdminUseCase } from './use-cases/bootstrap-admin.use-case';
import { ChangeInitialPasswordUseCase } from './use-cases/change-initial-password.use-case';
import { ChangeMyPasswordUseCase } from './use-cases/change-my-password.use-case';
import { ConfirmSecondFactorUseCase } from './use-cases/confirm-second-factor.use-case';
import { ConfirmPasswordResetUseCase } from './use-cases/confirm-password-reset.use-case';
import { ConfirmTotpEnrolmentUseCase } from './use-cases/confirm-totp-enrolment.use-case';
import { DisableSecondFactorUseCase } from './use-cases/disable-second-factor.use-case';
import { LogOutUseCase } from './use-cases/log-out.use-case';
import { RefreshSessionUseCase } from './use-cases/refresh-session.use-case';
import { RequestPasswordResetUseCase } from './use-cases/request-password-reset.use-case';
import { SignInUseCase } from './use-cases/sign-in.use-case';
import { StartSecondFactorUseCase } from './use-cases/start-second-factor.use-case';
import { StartTotpEnrolmentUseCase } from './use-cases/start-totp-enrolment.use-case';
import { VerifyTotpUseCase } from './use-cases/verify-totp.use-case';

/** Sign-in: passwords, second factor, access and refresh tokens, password reset. */
@Module({})
export class SessionModule {
  static register(config: Readonly<RegistrationConfig>): DynamicModule {
    return {
      module: SessionModule,
      imports: [
        SigningKeyModule,
        MongooseModule.forFeature([
          { name: ACCOUNT_MODEL, schema: accountSchema },
          { name: SIGN_IN_CHALLENGE_MODEL, schema: signInChallengeSchema },
          { name: REFRESH_TOKEN_MODEL, schema: refreshTokenSchema },
          { name: PASSWORD_RESET_MODEL, schema: passwordResetSchema },
          { name: USED_TOTP_STEP_MODEL, schema: usedTotpStepSchema },
          { name: PENDING_SECOND_FACTOR_MODEL, schema: pendingSecondFactorSchema },
        ]),
      ],
      controllers: [
        SessionController,
        PasswordResetController,
        SecondFactorController,
        MyPasswordController,
      ],
      providers: [
        { provide: SESSION_SETTINGS, useValue: sessionSettingsFrom(config) },
        PasswordHasher,
        CredentialsRepository,
        SignInChallengeRepository,
        RefreshTokenRepository,
        PasswordResetRepository,
        PendingSecondFactorRepository,
        IpRateLimiter,
        SecondFactor,
        SessionIssuer,
        SignInUseCase,
        ChangeInitialPasswordUseCase,
        StartTotpEnrolmentUseCase,
        ConfirmTotpEnrolmentUseCase,
        VerifyTotpUseCase,
        StartSecondFactorUseCase,
        ConfirmSecondFactorUseCase,
        DisableSecondFactorUseCase,
        ChangeMyPasswordUseCase,
        RefreshSessionUseCase,
        LogOutUseCase,
        RequestPasswordResetUseCase,
        ConfirmPasswordResetUseCase,
        BootstrapAdminUseCase,
        BootstrapAdminLifecycle,
      ],
    };
  }
}
