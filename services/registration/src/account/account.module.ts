import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountController } from './account.controller';
import { AccountRepository } from './account.repository';
import { ACCOUNT_MODEL, accountSchema } from './account.schema';
import { AppointmentLetterStore } from './local-admin-request/appointment-letter.store';
import { LocalAdminRequestController } from './local-admin-request/local-admin-request.controller';
import { LocalAdminRequestRepository } from './local-admin-request/local-admin-request.repository';
import {
  LOCAL_ADMIN_REQUEST_MODEL,
  localAdminRequestSchema,
} from './local-admin-request/local-admin-request.schema';
import { DecideLocalAdminRequestUseCase } from './local-admin-request/use-cases/decide-local-admin-request.use-case';
import { GetAppointmentLetterUseCase } from './local-admin-request/use-cases/get-appointment-letter.use-case';
import { ListLocalAdminRequestsUseCase } from './local-admin-request/use-cases/list-local-admin-requests.use-case';
import { SubmitLocalAdminRequestUseCase } from './local-admin-request/use-cases/submit-local-admin-request.use-case';
import { MyAccountController } from './my-account.controller';
import { AccountFactory } from './new-account';
import { PasswordHasher } from './password-hasher';
import { UnitController } from './unit/unit.controller';
import { UnitRepository } from './unit/unit.repository';
import { UNIT_MODEL, unitSchema } from './unit/unit.schema';
import { CreateUnitUseCase } from './unit/use-cases/create-unit.use-case';
import { ListUnitsUseCase } from './unit/use-cases/list-units.use-case';
import { ChangeAccountStatusUseCase } from './use-cases/change-account-status.use-case';
import { CreateAccountUseCase } from './use-cases/create-account.use-case';
import { GetAccountHistoryUseCase } from './use-cases/get-account-history.use-case';
import { GetMyAccountUseCase } from './use-cases/get-my-account.use-case';
import { GrantRoleUseCase } from './use-cases/grant-role.use-case';
import { ImportEvaluatorsUseCase } from './use-cases/import-evaluators.use-case';
import { ListAccountsUseCase } from './use-cases/list-accounts.use-case';
import { ResetAccountPasswordUseCase } from './use-cases/reset-account-password.use-case';

const accountModels = MongooseModule.forFeature([
  { name: ACCOUNT_MODEL, schema: accountSchema },
  { name: UNIT_MODEL, schema: unitSchema },
  { name: LOCAL_ADMIN_REQUEST_MODEL, schema: localAdminRequestSchema },
]);

/**
 * Account administration: provisioning (one by one, by evaluator import, by approving a
 * local-admin request), roles, deactivation, password resets by an administrator, and the
 * service units unit operators belong to. Sign-in lives elsewhere and reads the same model.
 */
@Module({})
export class AccountModule {
  /**
   * `institutions` is the app's InstitutionModule, whose InstitutionDirectory tells whether
   * an institution is registered; passing the same instance keeps it one module.
   */
  static register(institutions: DynamicModule): DynamicModule {
    return {
      module: AccountModule,
      imports: [accountModels, institutions],
      controllers: [
        AccountController,
        MyAccountController,
        UnitController,
        LocalAdminRequestController,
      ],
      providers: [
        PasswordHasher,
        AccountFactory,
        AccountRepository,
        UnitRepository,
        LocalAdminRequestRepository,
        AppointmentLetterStore,
        CreateAccountUseCase,
        GrantRoleUseCase,
        ChangeAccountStatusUseCase,
        ResetAccountPasswordUseCase,
        GetAccountHistoryUseCase,
        GetMyAccountUseCase,
        ListAccountsUseCase,
        ImportEvaluatorsUseCase,
        CreateUnitUseCase,
        ListUnitsUseCase,
        SubmitLocalAdminRequestUseCase,
        ListLocalAdminRequestsUseCase,
        GetAppointmentLetterUseCase,
        DecideLocalAdminRequestUseCase,
      ],
      exports: [accountModels, PasswordHasher],
    };
  }
}
