import { Controller, HttpCode, HttpStatus, Ip, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Public } from '@kipp/auth';
import { ApiZodResponse, errorResponseSchema, ZodBody } from '@kipp/service-kit';
import { withRetryAfter } from './session.controller';
import {
  confirmPasswordResetSchema,
  ConfirmPasswordResetUseCase,
  type ConfirmPasswordResetInput,
} from './use-cases/confirm-password-reset.use-case';
import {
  requestPasswordResetSchema,
  RequestPasswordResetUseCase,
  type RequestPasswordResetInput,
} from './use-cases/request-password-reset.use-case';

/** Password reset by an emailed one-time link. Public: the person cannot sign in. */
@ApiTags('sessions')
@Public()
@Controller('password-resets')
export class PasswordResetController {
  constructor(
    private readonly requestPasswordReset: RequestPasswordResetUseCase,
    private readonly confirmPasswordReset: ConfirmPasswordResetUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiZodResponse(HttpStatus.ACCEPTED, z.void(), 'A link is mailed if the account exists')
  @ApiZodResponse(HttpStatus.TOO_MANY_REQUESTS, errorResponseSchema, 'TOO_MANY_ATTEMPTS')
  async request(
    @ZodBody(requestPasswordResetSchema) body: RequestPasswordResetInput,
    @Ip() clientIp: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await withRetryAfter(response, () => this.requestPasswordReset.execute(body, clientIp));
  }

  @Post('confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiZodResponse(HttpStatus.NO_CONTENT, z.void(), 'The password is set; sign in with it')
  @ApiZodResponse(
    HttpStatus.BAD_REQUEST,
    errorResponseSchema,
    'RESET_TOKEN_INVALID or PASSWORD_POLICY',
  )
  async confirm(
    @ZodBody(confirmPasswordResetSchema) body: ConfirmPasswordResetInput,
  ): Promise<void> {
    await this.confirmPasswordReset.execute(body);
  }
}
