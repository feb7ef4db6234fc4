import { Controller, Delete, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, errorResponseSchema, ZodBody } from '@kipp/service-kit';
import {
  ConfirmSecondFactorUseCase,
  secondFactorCodeSchema,
  type SecondFactorCodeInput,
} from './use-cases/confirm-second-factor.use-case';
import { DisableSecondFactorUseCase } from './use-cases/disable-second-factor.use-case';
import { StartSecondFactorUseCase } from './use-cases/start-second-factor.use-case';
import type { TotpEnrolmentOffer } from './use-cases/start-totp-enrolment.use-case';

const totpEnrolmentResponse = z.object({ secret: z.string(), otpauthUri: z.string() });

/** The signed-in person's own TOTP, for every role (no @Roles: any valid token). */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('me/second-factor')
export class SecondFactorController {
  constructor(
    private readonly startSecondFactor: StartSecondFactorUseCase,
    private readonly confirmSecondFactor: ConfirmSecondFactorUseCase,
    private readonly disableSecondFactor: DisableSecondFactorUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, totpEnrolmentResponse, 'A secret for the authenticator app')
  @ApiZodResponse(HttpStatus.CONFLICT, errorResponseSchema, 'SECOND_FACTOR_ALREADY_ENABLED')
  start(@CurrentUser() user: AuthenticatedUser): Promise<TotpEnrolmentOffer> {
    return this.startSecondFactor.execute(user);
  }

  @Post('confirmation')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiZodResponse(HttpStatus.NO_CONTENT, z.void(), 'TOTP is on; sign-in asks for a code')
  @ApiZodResponse(HttpStatus.BAD_REQUEST, errorResponseSchema, 'TOTP_CODE_INVALID')
  @ApiZodResponse(HttpStatus.CONFLICT, errorResponseSchema, 'NO_PENDING_SECOND_FACTOR')
  async confirm(
    @ZodBody(secondFactorCodeSchema) body: SecondFactorCodeInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.confirmSecondFactor.execute(user, body);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiZodResponse(HttpStatus.NO_CONTENT, z.void(), 'TOTP is off')
  @ApiZodResponse(HttpStatus.BAD_REQUEST, errorResponseSchema, 'TOTP_CODE_INVALID')
  @ApiZodResponse(HttpStatus.FORBIDDEN, errorResponseSchema, 'SECOND_FACTOR_REQUIRED')
  async disable(
    @ZodBody(secondFactorCodeSchema) body: SecondFactorCodeInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.disableSecondFactor.execute(user, body);
  }
}
