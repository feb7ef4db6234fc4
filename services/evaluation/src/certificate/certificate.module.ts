import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { EvaluationConfig } from '../config/evaluation.config';
import { OutputModule } from '../output/output.module';
import { CertificateController } from './certificate.controller';
import { CERTIFICATE_OPTIONS, type CertificateOptions } from './certificate.options';
import { CertificateRepository } from './certificate.repository';
import { CERTIFICATE_MODEL, certificateSchema } from './certificate.schema';
import { IssueCertificatesUseCase } from './use-cases/issue-certificates.use-case';
import { ListInstitutionCertificatesUseCase } from './use-cases/list-institution-certificates.use-case';
import { RenderCertificateUseCase } from './use-cases/render-certificate.use-case';
import { VerifyCertificateUseCase } from './use-cases/verify-certificate.use-case';
import { VerifyRateLimiter } from './verify-rate-limiter';

export type CertificateModuleConfig = Pick<
  EvaluationConfig,
  'PUBLIC_BASE_URL' | 'CERTIFICATE_VERIFY_RATE_LIMIT' | 'CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS'
>;

/** Certificates of awards: issuing (with `certificate.issued`), the PDF, public verification. */
@Module({})
export class CertificateModule {
  static register(config: CertificateModuleConfig): DynamicModule {
    const options: CertificateOptions = {
      publicBaseUrl: config.PUBLIC_BASE_URL,
      verifyRateLimit: config.CERTIFICATE_VERIFY_RATE_LIMIT,
      verifyRateWindowSeconds: config.CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS,
    };
    return {
      module: CertificateModule,
      imports: [
        OutputModule,
        MongooseModule.forFeature([{ name: CERTIFICATE_MODEL, schema: certificateSchema }]),
      ],
      controllers: [CertificateController],
      providers: [
        { provide: CERTIFICATE_OPTIONS, useValue: options },
        CertificateRepository,
        VerifyRateLimiter,
        IssueCertificatesUseCase,
        ListInstitutionCertificatesUseCase,
        RenderCertificateUseCase,
        VerifyCertificateUseCase,
      ],
    };
  }
}
