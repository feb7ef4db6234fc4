import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, errorResponseSchema } from '@kipp/service-kit';
import {
  GetMyAccountUseCase,
  myAccountView,
  type MyAccountView,
} from './use-cases/get-my-account.use-case';

/** The signed-in person's own account, for every role (no @Roles: any valid token). */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MyAccountController {
  constructor(private readonly getMyAccount: GetMyAccountUseCase) {}

  @Get()
  @ApiZodResponse(HttpStatus.OK, myAccountView, 'My account')
  @ApiZodResponse(HttpStatus.UNAUTHORIZED, errorResponseSchema, 'AUTH_TOKEN_MISSING or _INVALID')
  get(@CurrentUser() user: AuthenticatedUser): Promise<MyAccountView> {
    return this.getMyAccount.execute(user);
  }
}
