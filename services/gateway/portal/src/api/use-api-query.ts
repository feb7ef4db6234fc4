import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from './client';
import { useApi } from './api-context';

export interface ApiQuery<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again (e.g. after a change); the current data stays shown meanwhile. */
  readonly reload: () => void;
}

/**
 * Loads data when the component mounts and whenever `key` changes; a load that a newer
 * one overtook, or one of an unmounted component, is aborted and ignored.
 */
export function useApiQuery<T>(
  key: string | null,
  load: (api: ApiClient, signal: AbortSignal) => Promise<T>,
): ApiQuery<T> {
  const api = useApi();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(key !== null);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(api, controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
