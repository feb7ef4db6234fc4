import { PeriodicTask } from './periodic-task';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('PeriodicTask', () => {
  const logger = { warn: jest.fn() };

  beforeEach(() => {
    jest.useFakeTimers();
    logger.warn.mockReset();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('should run the task every interval once started', async () => {
    const run = jest.fn().mockResolvedValue(1);
    const task = new PeriodicTask({ name: 'sweep', intervalMs: 1_000, run, logger });
    task.start();

    await jest.advanceTimersByTimeAsync(999);
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2_001);
    expect(run).toHaveBeenCalledTimes(3);
    await task.stop();
  });

  it('should never start when the interval is 0', async () => {
    const run = jest.fn().mockResolvedValue(undefined);
    const task = new PeriodicTask({ name: 'sweep', intervalMs: 0, run, logger });
    task.start();

    await jest.advanceTimersByTimeAsync(60_000);
    expect(task.started).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  it('should skip ticks while a run is still going, and share it with runOnce', async () => {
    const slow = deferred();
    const run = jest.fn().mockReturnValueOnce(slow.promise).mockResolvedValue(undefined);
    const task = new PeriodicTask({ name: 'sweep', intervalMs: 100, run, logger });
    task.start();

    await jest.advanceTimersByTimeAsync(550);
    const joined = task.runOnce();
    expect(run).toHaveBeenCalledTimes(1);
    slow.resolve();
    await joined;
    await jest.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    await task.stop();
  });

  it('should log a failed run and try again on the next tick', async () => {
    const run = jest.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(undefined);
    const task = new PeriodicTask({ name: 'stalled-proposal scan', intervalMs: 100, run, logger });
    task.start();

    await jest.advanceTimersByTimeAsync(100);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const [fields, message] = logger.warn.mock.calls[0] as [{ err: Error }, string];
    expect(fields.err.message).toBe('db down');
    expect(message).toBe('stalled-proposal scan failed; retrying next interval');
    await jest.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(2);
    await task.stop();
  });

  it('should reject runOnce with the error of a failed run', async () => {
    const run = jest.fn().mockRejectedValue(new Error('boom'));
    const task = new PeriodicTask({ name: 'sweep', intervalMs: 0, run, logger });

    await expect(task.runOnce()).rejects.toThrow('boom');
  });

  it('should stop ticking and wait for the run in flight when stopped', async () => {
    const slow = deferred();
    const run = jest.fn().mockReturnValue(slow.promise);
    const task = new PeriodicTask({ name: 'sweep', intervalMs: 100, run, logger });
    task.start();
    await jest.advanceTimersByTimeAsync(100);

    let stopped = false;
    const stopping = task.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    slow.reject(new Error('interrupted'));
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
