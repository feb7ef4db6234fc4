import { useCallback, useState } from 'react';

export interface Action {
  /** True while an action runs (for `busy` on its button). */
  readonly busy: boolean;
  /** The last action's failure, until the next one starts. */
  readonly error: unknown;
  /** Runs `action`, keeping `busy` and `error` current; resolves true when it succeeded. */
  readonly run: (action: () => Promise<void>) => Promise<boolean>;
  readonly setError: (error: unknown) => void;
}

/** The state of a button's action: busy while it runs, its error afterwards. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (reason) {
      setError(reason);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
