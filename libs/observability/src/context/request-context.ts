import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What ties together the work caused by one request or event: the correlation id of the
 * whole flow and the id of the event that directly caused this work (null for a request
 * that came from outside).
 */
export interface RequestContext {
  readonly correlationId: string;
  readonly causationId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `ctx` as the current context of everything it awaits or schedules. */
export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(Object.freeze({ ...ctx }), fn);
}

/** The context of the request or event being handled, if any. */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** Runs `fn` outside any request or event context (for background loops that a request
 * merely woke up, so they don't inherit its correlation id). */
export function runOutsideContext<T>(fn: () => T): T {
  return storage.exit(fn);
}
