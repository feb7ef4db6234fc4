import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import {
  HEALTH_CHECK_TIMEOUT_MS,
  HEALTH_CHECKS,
  HealthController,
  type NamedHealthCheck,
} from './health.controller';
import type { HealthCheckFactory, HealthCheckFn } from './health-checks';

export interface HealthModuleOptions {
  /** Dependencies `GET /health/ready` consults; `GET /health/live` consults none. */
  readonly checks: readonly HealthCheckFactory[];
  /** Modules that provide what the checks inject, when those are not global. */
  readonly imports?: ModuleMetadata['imports'];
  /** A check slower than this counts as down. Default 3000. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3_000;

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    const checkTokens = options.checks.map(
      (factory, index) => `HEALTH_CHECK_${index}_${factory.name}`,
    );
    const checkProviders = options.checks.map((factory, index): Provider => ({
      provide: checkTokens[index] ?? factory.name,
      inject: [...(factory.inject ?? [])],
      useFactory: (...dependencies: unknown[]): NamedHealthCheck => ({
        name: factory.name,
        // Nest resolved `inject` for exactly these parameters (see HealthCheckFactory).
        check: (factory.useFactory as (...deps: unknown[]) => HealthCheckFn)(...dependencies),
      }),
    }));
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        ...checkProviders,
        {
          provide: HEALTH_CHECKS,
          inject: checkTokens,
          useFactory: (...checks: NamedHealthCheck[]) => checks,
        },
        { provide: HEALTH_CHECK_TIMEOUT_MS, useValue: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      ],
    };
  }
}
