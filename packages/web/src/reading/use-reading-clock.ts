// The active reading time of the task on screen: a ReadingClock per task, fed by the reader's input and
// the tab's visibility. Returns a stable function giving the milliseconds read so far.
import { useCallback, useEffect, useRef } from 'react';
import { ReadingClock } from './reading-clock.js';

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;
/** Pointer moves are many: one in this many ms counts. */
const MOVE_SAMPLE_MS = 1000;

export interface ReadingClockHandle {
  /** Milliseconds of active reading so far. */
  elapsed(): number;
  /** Starts a new task's clock from `startMs`. */
  restart(startMs: number): void;
}

export function useReadingClock(): ReadingClockHandle {
  const clock = useRef<ReadingClock>(null as unknown as ReadingClock);
  if (clock.current === null) clock.current = new ReadingClock(0, performance.now(), typeof document === 'undefined' || !document.hidden);

  useEffect(() => {
    let lastMove = 0;
    const onInput = () => clock.current.input(performance.now());
    const onMove = () => {
      const now = performance.now();
      if (now - lastMove < MOVE_SAMPLE_MS) return;
      lastMove = now;
      clock.current.input(now);
    };
    const onVisibility = () => clock.current.setVisible(!document.hidden, performance.now());
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
    window.addEventListener('pointermove', onMove, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true });
      window.removeEventListener('pointermove', onMove, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const elapsed = useCallback(() => clock.current.elapsed(performance.now()), []);
  const restart = useCallback((startMs: number) => {
    clock.current = new ReadingClock(startMs, performance.now(), !document.hidden);
  }, []);
  return { elapsed, restart };
}
