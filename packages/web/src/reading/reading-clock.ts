// Active reading time: time counts while the tab is visible and the reader touched the mouse or keyboard
// within the last `idleMs` (60 s). Pure: the caller passes the time of every event (performance.now()).

export const IDLE_MS = 60_000;

export class ReadingClock {
  private total: number;
  private visible: boolean;
  private lastInput: number;
  /** Time accounted up to. */
  private accounted: number;

  /** `startMs`: time already read (from the server or a restored draft); starts visible and active at `now`. */
  constructor(startMs: number, now: number, visible = true, private readonly idleMs = IDLE_MS) {
    this.total = Math.max(0, startMs);
    this.visible = visible;
    this.lastInput = now;
    this.accounted = now;
  }

  /** Adds the active time between the last accounting and `now`. */
  private advance(now: number): void {
    if (now <= this.accounted) return;
    if (this.visible) {
      const activeUntil = Math.min(now, this.lastInput + this.idleMs);
      const from = Math.max(this.accounted, this.lastInput);
      if (activeUntil > from) this.total += activeUntil - from;
    }
    this.accounted = now;
  }

  /** The reader moved the mouse, pressed a key, scrolled... */
  input(now: number): void {
    this.advance(now);
    this.lastInput = Math.max(this.lastInput, now);
  }

  /** The tab was hidden or shown (showing it counts as input: the reader is looking). */
  setVisible(visible: boolean, now: number): void {
    this.advance(now);
    this.visible = visible;
    if (visible) this.lastInput = Math.max(this.lastInput, now);
  }

  /** Milliseconds read so far, whole. */
  elapsed(now: number): number {
    this.advance(now);
    return Math.floor(this.total);
  }
}
