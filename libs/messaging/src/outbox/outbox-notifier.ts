import { Injectable } from '@nestjs/common';

/**
 * Lets a use case tell the relay that it has just written events, so they go out at once
 * instead of at the next poll. Purely a latency hint: the relay polls anyway.
 */
@Injectable()
export class OutboxNotifier {
  private listener: (() => void) | undefined;

  attach(listener: () => void): void {
    this.listener = listener;
  }

  nudge(): void {
    this.listener?.();
  }
}
