// Stopping `cxrlab serve`: SIGINT (Ctrl-C) or SIGTERM abort a signal the command waits on; tests
// abort their own. After the first signal a second Ctrl-C is no longer caught and ends the process.
export interface StopSignal {
  signal: AbortSignal;
  dispose(): void;
}

export function processStopSignal(): StopSignal {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Resolves when the signal is aborted (never, without a signal). */
export function whenAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
