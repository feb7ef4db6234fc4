import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import {
  ApiZodResponse,
  errorResponseSchema,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@kipp/service-kit';
import { startedImportResponse } from '../import-job/import-job.controller';
import type { StartedImport } from '../import-job/import-job.runner';
import {
  accountView,
  provisionedAccountView,
  toAccountView,
  type AccountView,
  type ProvisionedAccountView,
} from './account.view';
import { newAccountSchema, type NewAccountInput } from './new-account';
import {
  ChangeAccountStatusUseCase,
  statusChangeSchema,
  type StatusChangeInput,
} from './use-cases/change-account-status.use-case';
import { CreateAccountUseCase } from './use-cases/create-account.use-case';
import { GetAccountHistoryUseCase } from './use-cases/get-account-history.use-case';
import {
  grantRoleSchema,
  GrantRoleUseCase,
  type GrantRoleInput,
} from './use-cases/grant-role.use-case';
import {
  importEvaluatorsSchema,
  ImportEvaluatorsUseCase,
  type ImportEvaluatorsInput,
} from './use-cases/import-evaluators.use-case';
import {
  listAccountsSchema,
  ListAccountsUseCase,
  type ListAccountsInput,
} from './use-cases/list-accounts.use-case';
import { ResetAccountPasswordUseCase } from './use-cases/reset-account-password.use-case';

const accountParams = z.strictObject({ accountId: z.string().min(1).max(64) });
type AccountParams = z.infer<typeof accountParams>;

const accountPage = z.object({
  items: z.array(accountView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const historyResponse = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      by: z.string(),
      action: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountController {
  constructor(
    private readonly createAccount: CreateAccountUseCase,
    private readonly grantRole: GrantRoleUseCase,
    private readonly changeStatus: ChangeAccountStatusUseCase,
    private readonly resetPassword: ResetAccountPasswordUseCase,
    private readonly getHistory: GetAccountHistoryUseCase,
    private readonly listAccounts: ListAccountsUseCase,
    private readonly importEvaluators: ImportEvaluatorsUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(
    HttpStatus.CREATED,
    provisionedAccountView,
    'The account, and its generated first password (shown this once only)',
  )
  async create(
    @ZodBody(newAccountSchema) body: NewAccountInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ProvisionedAccountView> {
    const { account, initialPassword } = await this.createAccount.execute(body, user);
    return { account: toAccountView(account), initialPassword };
  }

  @Get()
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, accountPage, 'Local admins see their own institution only')
  async list(
    @ZodQuery(listAccountsSchema) query: ListAccountsInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof accountPage>> {
    const page = await this.listAccounts.execute(query, user);
    return { ...page, items: page.items.map(toAccountView) };
  }

  @Post('evaluator-imports')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('national_admin')
  @ApiZodResponse(
    HttpStatus.ACCEPTED,
    startedImportResponse,
    'Every row is valid and is being imported; GET /imports/{importId} gives the first passwords once',
  )
  @ApiZodResponse(
    HttpStatus.UNPROCESSABLE_ENTITY,
    errorResponseSchema,
    'IMPORT_INVALID: nothing imported; details are the report ({ rows, issues })',
  )
  async import(
    @ZodBody(importEvaluatorsSchema) body: ImportEvaluatorsInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StartedImport> {
    return this.importEvaluators.execute(body, user);
  }

  @Post(':accountId/roles')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, accountView)
  async grant(
    @ZodParams(accountParams) params: AccountParams,
    @ZodBody(grantRoleSchema) body: GrantRoleInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AccountView> {
    return toAccountView(await this.grantRole.execute(params.accountId, body, user));
  }

  @Post(':accountId/deactivation')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, accountView, 'The account, which can no longer sign in')
  async deactivate(
    @ZodParams(accountParams) params: AccountParams,
    @ZodBody(statusChangeSchema) body: StatusChangeInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AccountView> {
    return toAccountView(
      await this.changeStatus.execute(params.accountId, 'deactivated', body, user),
    );
  }

  @Post(':accountId/reactivation')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, accountView)
  async reactivate(
    @ZodParams(accountParams) params: AccountParams,
    @ZodBody(statusChangeSchema) body: StatusChangeInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AccountView> {
    return toAccountView(await this.changeStatus.execute(params.accountId, 'active', body, user));
  }

  @Post(':accountId/password-reset')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, provisionedAccountView, 'The new first password, shown once')
  async reset(
    @ZodParams(accountParams) params: AccountParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ProvisionedAccountView> {
    const { account, initialPassword } = await this.resetPassword.execute(params.accountId, user);
    return { account: toAccountView(account), initialPassword };
  }

  @Get(':accountId/history')
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, historyResponse)
  async history(
    @ZodParams(accountParams) params: AccountParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof historyResponse>> {
    const entries = await this.getHistory.execute(params.accountId, user);
    return { items: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })) };
  }
}
