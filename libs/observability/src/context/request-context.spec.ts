import { setTimeout as sleep } from 'node:timers/promises';
import { currentContext, newCorrelationId, runWithContext } from './request-context';

describe('request context', () => {
  it('should be undefined when nothing runs inside a context', () => {
    expect(currentContext()).toBeUndefined();
  });

  it('should follow the work through awaits and timers when set at the start', async () => {
    const seen = await runWithContext({ correlationId: 'c-1', causationId: null }, async () => {
      await sleep(1);
      const afterAwait = currentContext();
      const inTimer = await new Promise((resolve) => {
        setTimeout(() => {
          resolve(currentContext());
        }, 1);
      });
      return { afterAwait, inTimer };
    });

    expect(seen.afterAwait).toEqual({ correlationId: 'c-1', causationId: null });
    expect(seen.inTimer).toEqual({ correlationId: 'c-1', causationId: null });
  });

  it('should keep concurrent flows apart when they interleave', async () => {
    const flow = (correlationId: string, delayMs: number) =>
      runWithContext({ correlationId, causationId: `event-of-${correlationId}` }, async () => {
        await sleep(delayMs);
        return currentContext()?.correlationId;
      });

    await expect(Promise.all([flow('a', 5), flow('b', 1), flow('c', 3)])).resolves.toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('should restore the outer context when a nested flow ends', () => {
    runWithContext({ correlationId: 'outer', causationId: null }, () => {
      runWithContext({ correlationId: 'inner', causationId: 'e-1' }, () => {
        expect(currentContext()?.correlationId).toBe('inner');
      });
      expect(currentContext()?.correlationId).toBe('outer');
    });
  });

  it('should not let handlers change the context when they try to mutate it', () => {
    runWithContext({ correlationId: 'c-1', causationId: null }, () => {
      expect(Object.isFrozen(currentContext())).toBe(true);
    });
  });

  it('should create distinct UUIDs when asked for new correlation ids', () => {
    const ids = new Set(Array.from({ length: 100 }, newCorrelationId));

    expect(ids.size).toBe(100);
    expect([...ids][0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
