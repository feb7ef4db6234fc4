import { Controller, HttpCode, HttpStatus, Ip, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Public } from '@kipp/auth';
import { ApiZodResponse, errorResponseSchema, ZodBody } from '@kipp/service-kit';
import { TooManyAttemptsError } from './session.errors';
import type { SignedIn, SignInResult } from './session-issuer';
import {
  changeInitialPasswordSchema,
  ChangeInitialPasswordUseCase,
  type ChangeInitialPasswordInput,
} from './use-cases/change-initial-password.use-case';
import {
  ConfirmTotpEnrolmentUseCase,
  totpCodeSchema,
  type TotpCodeInput,
} from './use-cases/confirm-totp-enrolment.use-case';
import { LogOutUseCase } from './use-cases/log-out.use-case';
import {
  refreshTokenBodySchema,
  RefreshSessionUseCase,
  type RefreshTokenBody,
} from './use-cases/refresh-session.use-case';
import { signInSchema, SignInUseCase, type SignInInput } from './use-cases/sign-in.use-case';
import {
  challengeOnlySchema,
  StartTotpEnrolmentUseCase,
  type ChallengeOnlyInput,
  type TotpEnrolmentOffer,
} from './use-cases/start-totp-enrolment.use-case';
import { VerifyTotpUseCase } from './use-cases/verify-totp.use-case';

const signedInResponse = z.object({
  status: z.literal('signed_in'),
  accessToken: z.string(),
  accessTokenExpiresIn: z.number().int(),
  refreshToken: z.string(),
});

const signInResultResponse = z.union([
  signedInResponse,
  z.object({
    status: z.enum(['password_change_required', 'totp_enrolment_required', 'totp_required']),
    challenge: z.string(),
  }),
]);

const totpEnrolmentResponse = z.object({ secret: z.string(), otpauthUri: z.string() });

/** Answers 429 with `Retry-After`, which the error filter alone cannot set. */
export async function withRetryAfter<T>(response: Response, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof TooManyAttemptsError) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    throw error;
  }
}

/** Sign-in and its steps. Public: these routes are how a caller gets a token. */
@ApiTags('sessions')
@Public()
@Controller('sessions')
export class SessionController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly changeInitialPassword: ChangeInitialPasswordUseCase,
    private readonly startTotpEnrolment: StartTotpEnrolmentUseCase,
    private readonly confirmTotpEnrolment: ConfirmTotpEnrolmentUseCase,
    private readonly verifyTotp: VerifyTotpUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly logOut: LogOutUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, signInResultResponse, 'Signed in, or the next step to take')
  @ApiZodResponse(HttpStatus.UNAUTHORIZED, errorResponseSchema, 'SIGN_IN_FAILED')
  @ApiZodResponse(HttpStatus.TOO_MANY_REQUESTS, errorResponseSchema, 'TOO_MANY_ATTEMPTS')
  create(
    @ZodBody(signInSchema) body: SignInInput,
    @Ip() clientIp: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignInResult> {
    return withRetryAfter(response, () => this.signIn.execute(body, clientIp));
  }

  @Post('password-change')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, signInResultResponse, 'Password changed; the next step')
  @ApiZodResponse(HttpStatus.BAD_REQUEST, errorResponseSchema, 'PASSWORD_POLICY')
  changePassword(
    @ZodBody(changeInitialPasswordSchema) body: ChangeInitialPasswordInput,
  ): Promise<SignInResult> {
    return this.changeInitialPassword.execute(body);
  }

  @Post('totp/enrolment')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, totpEnrolmentResponse, 'A secret for the authenticator app')
  enrolTotp(@ZodBody(challengeOnlySchema) body: ChallengeOnlyInput): Promise<TotpEnrolmentOffer> {
    return this.startTotpEnrolment.execute(body);
  }

  @Post('totp/enrolment/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, signInResultResponse, 'TOTP enabled; signed in')
  confirmTotp(@ZodBody(totpCodeSchema) body: TotpCodeInput): Promise<SignInResult> {
    return this.confirmTotpEnrolment.execute(body);
  }

  @Post('totp')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, signInResultResponse, 'Signed in')
  @ApiZodResponse(HttpStatus.UNAUTHORIZED, errorResponseSchema, 'TOTP_CODE_INVALID')
  totp(@ZodBody(totpCodeSchema) body: TotpCodeInput): Promise<SignInResult> {
    return this.verifyTotp.execute(body);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, signedInResponse, 'A new access and refresh token')
  @ApiZodResponse(HttpStatus.UNAUTHORIZED, errorResponseSchema, 'REFRESH_TOKEN_REUSED or _INVALID')
  refresh(@ZodBody(refreshTokenBodySchema) body: RefreshTokenBody): Promise<SignedIn> {
    return this.refreshSession.execute(body);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiZodResponse(HttpStatus.NO_CONTENT, z.void(), 'The session is ended')
  async logout(@ZodBody(refreshTokenBodySchema) body: RefreshTokenBody): Promise<void> {
    await this.logOut.execute(body);
  }
}
