// A mutating request for a component: busy while in flight (buttons disable themselves), then a
// success message or the error. run() resolves to the answer, or undefined when it failed.
import { useCallback, useRef, useState } from 'react';

export interface ActionState {
  busy: boolean;
  error: unknown;
  message: string | undefined;
}

export interface Action<A extends unknown[], R> extends ActionState {
  run(...args: A): Promise<R | undefined>;
  clear(): void;
}

export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>, success?: (result: R, ...args: A) => string): Action<A, R> {
  const [state, setState] = useState<ActionState>({ busy: false, error: undefined, message: undefined });
  const inFlight = useRef(false);
  const latest = useRef({ perform, success });
  latest.current = { perform, success };
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setState({ busy: true, error: undefined, message: undefined });
    try {
      const result = await latest.current.perform(...args);
      setState({ busy: false, error: undefined, message: latest.current.success?.(result, ...args) });
      return result;
    } catch (error) {
      setState({ busy: false, error, message: undefined });
      return undefined;
    } finally {
      inFlight.current = false;
    }
  }, []);
  const clear = useCallback(() => setState({ busy: false, error: undefined, message: undefined }), []);
  return { ...state, run, clear };
}
