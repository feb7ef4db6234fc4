import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import { AssignmentModule } from './assignment/assignment.module';
import { CalibrationModule } from './calibration/calibration.module';
import { CertificateModule } from './certificate/certificate.module';
import type { EvaluationConfig } from './config/evaluation.config';
import { EditionModule } from './edition/edition.module';
import { FeedbackModule } from './feedback/feedback.module';
import { InstitutionModule } from './institution/institution.module';
import { ObjectionModule } from './objection/objection.module';
import { OutputModule } from './output/output.module';
import { FieldVerificationModule } from './field-verification/field-verification.module';
import { InterviewModule } from './interview/interview.module';
import { PlenaryModule } from './plenary/plenary.module';
import { ProposalProjectionModule } from './proposal/proposal-projection.module';
import { ProposalModule } from './proposal/proposal.module';
import { ReviewerModule } from './reviewer/reviewer.module';
import { ScoringModule } from './scoring/scoring.module';
import { SelectionModule } from './selection/selection.module';
import { StageModule } from './stage/stage.module';

@Module({})
export class AppModule {
  static register(config: Readonly<EvaluationConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'evaluation', config }),
        AssignmentModule,
        CalibrationModule,
        ScoringModule,
        EditionModule,
        InstitutionModule,
        ProposalModule,
        ProposalProjectionModule,
        ReviewerModule,
        SelectionModule,
        PlenaryModule,
        InterviewModule,
        FieldVerificationModule,
        OutputModule,
        CertificateModule.register(config),
        FeedbackModule,
        StageModule,
        ObjectionModule.register(config),
      ],
    };
  }
}
