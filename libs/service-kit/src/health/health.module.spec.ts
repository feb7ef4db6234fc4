import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Response } from 'express';
import { healthCheck, type HealthCheckFactory } from './health-checks';
import { HealthController } from './health.controller';
import { HealthModule } from './health.module';

const CLOCK = 'CLOCK';

@Module({ providers: [{ provide: CLOCK, useValue: { now: () => 42 } }], exports: [CLOCK] })
class ClockModule {}

async function readiness(checks: HealthCheckFactory[], options: { timeoutMs?: number } = {}) {
  const moduleRef = await Test.createTestingModule({
    imports: [HealthModule.forRoot({ checks, imports: [ClockModule], ...options })],
  })
    .setLogger({ log: jest.fn(), error: jest.fn(), warn: jest.fn() })
    .compile();
  const statuses: number[] = [];
  const response = { status: (code: number) => statuses.push(code) } as unknown as Response;
  const body = await moduleRef.get(HealthController).ready(response);
  await moduleRef.close();
  return { body, status: statuses.at(-1) ?? 200 };
}

describe('HealthModule', () => {
  it('should build checks from injected providers when a factory names them', async () => {
    const seen: number[] = [];
    const usesClock: HealthCheckFactory = {
      name: 'clock',
      inject: [CLOCK],
      useFactory: (clock: { now(): number }) => () => {
        seen.push(clock.now());
        return Promise.resolve();
      },
    };

    const { status } = await readiness([usesClock]);

    expect(status).toBe(200);
    expect(seen).toEqual([42]);
  });

  it('should report a check as down when it does not answer in time', async () => {
    const hangs = healthCheck('search', () => new Promise<void>(() => undefined));

    const { body, status } = await readiness([hangs], { timeoutMs: 20 });

    expect(status).toBe(503);
    expect(body).toMatchObject({
      error: { search: { status: 'down', message: 'no answer within 20 ms' } },
    });
  });

  it('should be ready when there is nothing to check', async () => {
    expect((await readiness([])).status).toBe(200);
  });
});
