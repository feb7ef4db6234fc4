import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EditionController } from './edition.controller';
import { DirectoryInstitutionRegistry, InstitutionRegistry } from './institution-registry';
import { EditionRepository } from './edition.repository';
import { EDITION_MODEL, editionSchema } from './edition.schema';
import { PHASE_SCHEDULER_OPTIONS, PhaseScheduler } from './phase-scheduler';
import { PublicEditionController } from './public-edition.controller';
import { AdvanceEditionPhasesUseCase } from './use-cases/advance-edition-phases.use-case';
import { ChangeEditionPhaseUseCase } from './use-cases/change-edition-phase.use-case';
import { CloneEditionUseCase } from './use-cases/clone-edition.use-case';
import { CreateEditionUseCase } from './use-cases/create-edition.use-case';
import { GetEditionCalendarUseCase } from './use-cases/get-edition-calendar.use-case';
import { GetEditionUseCase } from './use-cases/get-edition.use-case';
import { ListEditionsUseCase } from './use-cases/list-editions.use-case';
import { PublishEditionUseCase } from './use-cases/publish-edition.use-case';
import { UpdateEditionUseCase } from './use-cases/update-edition.use-case';

export interface EditionModuleConfig {
  readonly PHASE_SCHEDULER_ENABLED: boolean;
  readonly PHASE_SCHEDULER_INTERVAL_MS: number;
}

@Module({})
export class EditionModule {
  /** `institutions`: the registry module, for the invited institutions of a group. */
  static register(config: EditionModuleConfig, institutions: DynamicModule): DynamicModule {
    return {
      module: EditionModule,
      imports: [
        institutions,
        MongooseModule.forFeature([{ name: EDITION_MODEL, schema: editionSchema }]),
      ],
      controllers: [EditionController, PublicEditionController],
      providers: [
        {
          provide: PHASE_SCHEDULER_OPTIONS,
          useValue: {
            enabled: config.PHASE_SCHEDULER_ENABLED,
            intervalMs: config.PHASE_SCHEDULER_INTERVAL_MS,
          },
        },
        EditionRepository,
        { provide: InstitutionRegistry, useClass: DirectoryInstitutionRegistry },
        CreateEditionUseCase,
        CloneEditionUseCase,
        UpdateEditionUseCase,
        PublishEditionUseCase,
        GetEditionUseCase,
        ListEditionsUseCase,
        GetEditionCalendarUseCase,
        ChangeEditionPhaseUseCase,
        AdvanceEditionPhasesUseCase,
        PhaseScheduler,
      ],
    };
  }
}
