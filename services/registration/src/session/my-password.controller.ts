import { Controller, HttpCode, HttpStatus, Ip, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, errorResponseSchema, ZodBody } from '@kipp/service-kit';
import { withRetryAfter } from './session.controller';
import {
  changeMyPasswordSchema,
  ChangeMyPasswordUseCase,
  type ChangeMyPasswordInput,
} from './use-cases/change-my-password.use-case';

/** The signed-in person's own password, for every role (no @Roles: any valid token). */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('me/password')
export class MyPasswordController {
  constructor(private readonly changeMyPassword: ChangeMyPasswordUseCase) {}

  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiZodResponse(HttpStatus.NO_CONTENT, z.void(), 'Changed; every other session has ended')
  @ApiZodResponse(HttpStatus.BAD_REQUEST, errorResponseSchema, 'PASSWORD_POLICY')
  @ApiZodResponse(HttpStatus.UNAUTHORIZED, errorResponseSchema, 'CURRENT_PASSWORD_INVALID')
  @ApiZodResponse(HttpStatus.TOO_MANY_REQUESTS, errorResponseSchema, 'TOO_MANY_ATTEMPTS')
  async change(
    @ZodBody(changeMyPasswordSchema) body: ChangeMyPasswordInput,
    @CurrentUser() user: AuthenticatedUser,
    @Ip() clientIp: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await withRetryAfter(response, () => this.changeMyPassword.execute(user, body, clientIp));
  }
}
