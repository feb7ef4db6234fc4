import type { Logger } from 'pino';

export interface PeriodicTaskOptions<T> {
  /** Names the task in logs, e.g. `evidence orphan sweep`. */
  name: string;
  /** Milliseconds between runs; 0 turns the task off. */
  intervalMs: number;
  run: () => Promise<T>;
  logger: Pick<Logger, 'warn'>;
}

/**
 * Runs `run` every `intervalMs` in this process once started. Runs never overlap: a tick
 * that finds the previous run still going is skipped. A failed run is logged and the next
 * tick tries again. `stop` clears the timer and waits for the run in flight, so a service
 * calls `start` on application bootstrap and awaits `stop` before shutdown.
 */
export class PeriodicTask<T = unknown> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(private readonly options: PeriodicTaskOptions<T>) {}

  get started(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.options.intervalMs === 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.runOnce().catch((error: unknown) => {
        this.options.logger.warn(
          { err: error, task: this.options.name },
          `${this.options.name} failed; retrying next interval`,
        );
      });
    }, this.options.intervalMs);
  }

  /** One run now, or the one already in flight; rejects when that run fails. */
  runOnce(): Promise<T> {
    this.running ??= this.options.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
