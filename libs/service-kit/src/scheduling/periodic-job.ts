import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask, type PeriodicTaskOptions } from './periodic-task';

export interface PeriodicJobOptions<T> extends PeriodicTaskOptions<T> {
  /** Also run once as soon as the application has started (e.g. to finish work left over). */
  runAtStart?: boolean;
}

/**
 * A {@link PeriodicTask} bound to the application's lifecycle: it starts once the
 * application has bootstrapped and is stopped, awaiting the run in flight, before shutdown.
 * A provider extends it and passes what to run to `super`.
 */
export abstract class PeriodicJob<T = unknown>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly task: PeriodicTask<T>;

  protected constructor(private readonly jobOptions: PeriodicJobOptions<T>) {
    this.task = new PeriodicTask(jobOptions);
  }

  onApplicationBootstrap(): void {
    if (this.jobOptions.runAtStart) {
      this.task.runOnce().catch((error: unknown) => {
        this.jobOptions.logger.warn(
          { err: error, task: this.jobOptions.name },
          `${this.jobOptions.name} at start failed; retrying next interval`,
        );
      });
    }
    this.task.start();
  }

  /** One run now, or the one already in flight. */
  runOnce(): Promise<T> {
    return this.task.runOnce();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
