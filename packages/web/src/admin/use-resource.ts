// Loads a GET answer for a component: the data (kept while reloading, so tables do not flicker),
// the error, and reload(). A null path loads nothing. Requests of a replaced path are aborted.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** `version`: a number that reloads the resource when it changes (e.g. after uploads elsewhere on the page). */
export function useResource<T>(path: string | null, version = 0): Resource<T> {
  const [state, setState] = useState<{ path: string | null; data: T | undefined; error: unknown; loading: boolean }>({ path, data: undefined, error: undefined, loading: path !== null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => setState({ path, data, error: undefined, loading: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ path, data: s.path === path ? s.data : undefined, error, loading: false }));
      });
    return () => controller.abort();
  }, [path, generation, version]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // data of another path is not shown while the new one loads
  const current = state.path === path;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: state.loading || !current, reload };
}
