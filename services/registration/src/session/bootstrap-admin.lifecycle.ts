import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectLogger, type Logger } from '@kipp/observability';
import { BootstrapAdminUseCase } from './use-cases/bootstrap-admin.use-case';

/** Runs the first-admin bootstrap once at start-up. */
@Injectable()
export class BootstrapAdminLifecycle implements OnApplicationBootstrap {
  constructor(
    private readonly bootstrapAdmin: BootstrapAdminUseCase,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const outcome = await this.bootstrapAdmin.execute();
    if (outcome === 'created') this.logger.info('bootstrap national admin created');
  }
}
