import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@kipp/auth';
import type { Response } from 'express';
import type { HealthCheckFn } from './health-checks';

export interface NamedHealthCheck {
  readonly name: string;
  readonly check: HealthCheckFn;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
export const HEALTH_CHECK_TIMEOUT_MS = Symbol('HEALTH_CHECK_TIMEOUT_MS');

/** Served under /health/ (see isHealthCheckPath in @kipp/observability: not traced, not logged). */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_CHECKS) private readonly checks: readonly NamedHealthCheck[],
    @Inject(HEALTH_CHECK_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  /** The process is up and serving; no dependency is consulted, so a restart would not help. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Every dependency answers; 503 with the failing ones otherwise. */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    try {
      return await this.health.check(this.checks.map((check) => () => this.run(check)));
    } catch (error) {
      // Terminus reports failure as an exception carrying the report; the report is the
      // answer probes and operators want, so it bypasses the generic error body.
      if (error instanceof ServiceUnavailableException) {
        response.status(error.getStatus());
        return error.getResponse();
      }
      throw error;
    }
  }

  private async run({ name, check }: NamedHealthCheck): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(name);
    try {
      await withTimeout(check(), this.timeoutMs);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
