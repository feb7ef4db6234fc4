import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@kipp/auth';
import { AWARD_TIERS } from '@kipp/contracts';
import { ApiZodResponse, ZodParams } from '@kipp/service-kit';
import { VerifyRateLimitedError } from './certificate.errors';
import { CERTIFICATE_STATUSES } from './certificate.schema';
import { IssueCertificatesUseCase } from './use-cases/issue-certificates.use-case';
import { ListInstitutionCertificatesUseCase } from './use-cases/list-institution-certificates.use-case';
import { RenderCertificateUseCase } from './use-cases/render-certificate.use-case';
import { VerifyCertificateUseCase } from './use-cases/verify-certificate.use-case';

const editionParams = z.strictObject({ editionId: z.string().min(1).max(64) });
const certificateParams = z.strictObject({ certificateId: z.string().min(1).max(64) });
// Loose on purpose: a mistyped code is "not found", never a hint at the format.
const verifyParams = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) });

const issuedView = z.object({
  editionId: z.string(),
  issued: z.number().int().describe('certificates this call created (new awards, new tiers)'),
  alreadyIssued: z.number().int().describe('active certificates that existed already'),
  revoked: z.number().int().describe('certificates this call revoked (tier changed, award gone)'),
  certificates: z.array(
    z.object({
      certificateId: z.string(),
      proposalId: z.string(),
      institutionId: z.string(),
      tier: z.enum(AWARD_TIERS),
      verificationCode: z.string(),
      issuedAt: z.iso.datetime(),
    }),
  ),
});

const institutionCertificatesView = z.object({
  certificates: z.array(
    z.object({
      certificateId: z.string(),
      proposalId: z.string(),
      editionId: z.string(),
      editionName: z.string(),
      year: z.number().int(),
      title: z.string(),
      tier: z.enum(AWARD_TIERS),
      status: z.enum(CERTIFICATE_STATUSES),
      verificationCode: z.string(),
      issuedAt: z.iso.datetime(),
      revokedAt: z.iso.datetime().nullable(),
      revocationReason: z.string().nullable(),
    }),
  ),
});

const verificationView = z.union([
  z.object({
    valid: z.literal(true),
    certificate: z.object({
      tier: z.enum(AWARD_TIERS),
      title: z.string(),
      institution: z.string(),
      edition: z.string(),
      year: z.number().int(),
      issuedAt: z.iso.datetime(),
    }),
  }),
  z.object({
    valid: z.literal(false),
    revoked: z.object({
      at: z.iso.datetime(),
      reason: z.string().describe('"superseded by <certificate id>" or "award withdrawn"'),
    }),
  }),
]);

@ApiTags('certificates')
@Controller()
export class CertificateController {
  constructor(
    private readonly issueCertificates: IssueCertificatesUseCase,
    private readonly listInstitutionCertificates: ListInstitutionCertificatesUseCase,
    private readonly renderCertificate: RenderCertificateUseCase,
    private readonly verifyCertificate: VerifyCertificateUseCase,
  ) {}

  @Post('editions/:editionId/certificates/issue')
  @Roles('national_admin')
  @ApiBearerAuth()
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, issuedView, 'The active certificates of the edition, new and old')
  async issue(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof issuedView>> {
    const result = await this.issueCertificates.execute(user, params.editionId);
    return {
      editionId: result.editionId,
      issued: result.issued,
      alreadyIssued: result.alreadyIssued,
      revoked: result.revoked,
      certificates: result.certificates.map((certificate) => ({
        certificateId: certificate._id,
        proposalId: certificate.proposalId,
        institutionId: certificate.institutionId,
        tier: certificate.tier,
        verificationCode: certificate.verificationCode,
        issuedAt: certificate.issuedAt.toISOString(),
      })),
    };
  }

  @Get('me/certificates')
  @Roles('local_admin', 'unit_operator')
  @ApiBearerAuth()
  @ApiZodResponse(
    HttpStatus.OK,
    institutionCertificatesView,
    "The caller's institution's certificates, active and revoked, newest first",
  )
  async mine(
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof institutionCertificatesView>> {
    const certificates = await this.listInstitutionCertificates.execute(user);
    return {
      certificates: certificates.map((certificate) => ({
        certificateId: certificate._id,
        proposalId: certificate.proposalId,
        editionId: certificate.editionId,
        editionName: certificate.editionName,
        year: certificate.year,
        title: certificate.title,
        tier: certificate.tier,
        status: certificate.status,
        verificationCode: certificate.verificationCode,
        issuedAt: certificate.issuedAt.toISOString(),
        revokedAt: certificate.revokedAt?.toISOString() ?? null,
        revocationReason: certificate.revocationReason,
      })),
    };
  }

  @Get('certificates/:certificateId.pdf')
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiBearerAuth()
  @ApiProduces('application/pdf')
  async pdf(
    @ZodParams(certificateParams) params: z.infer<typeof certificateParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const file = await this.renderCertificate.execute(user, params.certificateId);
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      disposition: `inline; filename="${file.filename}"`,
      length: file.body.length,
    });
  }

  @Get('public/certificates/verify/:code')
  @Public()
  @ApiZodResponse(HttpStatus.OK, verificationView)
  async verify(
    @ZodParams(verifyParams) params: z.infer<typeof verifyParams>,
    @Ip() clientIp: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<z.infer<typeof verificationView>> {
    try {
      const result = await this.verifyCertificate.execute(params.code, clientIp);
      if (!result.valid) {
        return {
          valid: false,
          revoked: { at: result.revoked.at.toISOString(), reason: result.revoked.reason },
        };
      }
      return {
        valid: true,
        certificate: {
          ...result.certificate,
          issuedAt: result.certificate.issuedAt.toISOString(),
        },
      };
    } catch (error) {
      if (error instanceof VerifyRateLimitedError) {
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }
}
