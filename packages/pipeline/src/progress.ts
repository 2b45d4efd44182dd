/** Where progress goes: a TTY stream (process.stderr) draws a bar; anything else gets none. */
export interface ProgressStream {
  isTTY?: boolean;
  /** Terminal width; the line is cut to fit. */
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Text before the counts, e.g. "convert". */
  label?: string;
  /** Least time between redraws (default 100 ms: at most ~10 redraws a second). */
  intervalMs?: number;
  /** Clock in milliseconds (tests pass a fake one). */
  now?: () => number;
}

export interface ProgressCounts {
  total: number;
  done: number;
  failed: number;
}

const CLEAR_LINE = '\r\x1b[2K';

function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

const BAR_WIDTH = 20;

/** "[#####...............]" for a fraction done. */
export function bar(fraction: number): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.floor(fraction * BAR_WIDTH)));
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

/** "[##..] 123/1000  12.3%  45.2 files/s  ETA 0:19  2 failed": the bar's text for counts after `elapsedMs`. */
export function formatProgress(counts: ProgressCounts, elapsedMs: number, label = ''): string {
  const { total, done, failed } = counts;
  const percent = total > 0 ? ((100 * done) / total).toFixed(1) : '100.0';
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = done > 0 && rate > 0 ? clock(((total - done) / rate) * 1000) : '--';
  const parts = [`${label ? `${label} ` : ''}${bar(total > 0 ? done / total : 1)} ${done}/${total}`, `${percent}%`, `${rate.toFixed(1)} files/s`, `ETA ${eta}`];
  if (failed > 0) parts.push(`${failed} failed`);
  return parts.join('  ');
}

/**
 * A progress line kept apart from the work: the batch calls start(total), tick(outcome) per input,
 * log(line) for messages and finish(). On a TTY it redraws one line in place, at most every
 * `intervalMs`; on anything else (a pipe, a file, a CI log) it draws nothing and log() just writes.
 */
export class ProgressReporter {
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly label: string;
  private counts: ProgressCounts = { total: 0, done: 0, failed: 0 };
  private startedAt = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private active = false;

  constructor(private readonly stream: ProgressStream, options: ProgressOptions = {}) {
    this.tty = stream.isTTY === true;
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.label = options.label ?? '';
  }

  get state(): Readonly<ProgressCounts> {
    return this.counts;
  }

  start(total: number): void {
    this.counts = { total, done: 0, failed: 0 };
    this.startedAt = this.now();
    this.active = true;
    this.draw();
  }

  tick(outcome: 'ok' | 'failed'): void {
    this.counts.done++;
    if (outcome === 'failed') this.counts.failed++;
    if (this.now() - this.lastDraw >= this.intervalMs) this.draw();
  }

  /** Writes a line (ending in a newline) above the bar. */
  log(line: string): void {
    if (this.tty && this.active) {
      this.stream.write(`${CLEAR_LINE}${line}`);
      this.draw();
    } else {
      this.stream.write(line);
    }
  }

  /** Removes the bar, leaving the cursor at the start of an empty line. */
  finish(): void {
    if (this.tty && this.active) this.stream.write(CLEAR_LINE);
    this.active = false;
  }

  private draw(): void {
    if (!this.tty || !this.active) return;
    const now = this.now();
    this.lastDraw = now;
    let text = formatProgress(this.counts, now - this.startedAt, this.label);
    const width = this.stream.columns;
    if (width !== undefined && width > 1 && text.length > width - 1) text = text.slice(0, width - 1);
    this.stream.write(`${CLEAR_LINE}${text}`);
  }
}
