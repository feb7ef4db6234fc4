import { PeriodicJob, type PeriodicJobOptions } from './periodic-job';

/** What a provider does: states its run in the constructor it exposes to Nest. */
class Job extends PeriodicJob<number> {
  constructor(options: PeriodicJobOptions<number>) {
    super({ ...options, name: `${options.name} job` });
  }
}

describe('PeriodicJob', () => {
  const logger = { warn: jest.fn() };

  beforeEach(() => {
    jest.useFakeTimers();
    logger.warn.mockReset();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('should start its task when the application has bootstrapped and stop it before shutdown', async () => {
    const run = jest.fn().mockResolvedValue(1);
    const job = new Job({ name: 'scan', intervalMs: 1_000, run, logger });
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(run).toHaveBeenCalledTimes(2);
    await job.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('should run once at start when asked, even with the interval turned off', async () => {
    const run = jest.fn().mockResolvedValue(1);
    const job = new Job({ name: 'recovery', intervalMs: 0, run, logger, runAtStart: true });
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    await job.beforeApplicationShutdown();
  });

  it('should log a failed run at start and keep going', async () => {
    const run = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue(1);
    const job = new Job({ name: 'recovery', intervalMs: 1_000, run, logger, runAtStart: true });
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(2);
    await expect(job.runOnce()).resolves.toBe(1);
    await job.beforeApplicationShutdown();
  });
});
