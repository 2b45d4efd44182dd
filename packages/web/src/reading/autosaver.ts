// Never lose work: every change goes to localStorage at once, and to the server (PUT .../annotation)
// after a short pause, one request at a time, from the version the last answer gave. Network failures
// retry with back-off while the draft stays on this device; a version conflict or a closed task stops the
// saver and is handed to the view. No React here: the hook use-autosave.ts wraps it.
import { docHash, plainDoc, writeDraft, type DraftDoc, type DraftRecord, type DraftStorage } from './draft-store.js';

export interface SaveBody {
  version: number;
  globals: string[];
  boxes: { label: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
  readingMs: number;
}

export type SaveStatus =
  | { kind: 'saved' }
  /** Changes waiting for the pause to end, or a save in flight. */
  | { kind: 'saving' }
  /** The server could not be reached: the draft is on this device, retrying in `retryInMs`. */
  | { kind: 'offline'; retryInMs: number }
  /** The server refused the draft (not a network problem): kept on this device; `message` says why. */
  | { kind: 'error'; message: string }
  /** No more saves (version conflict, task closed, or read-only). */
  | { kind: 'stopped' };

export interface AutosaverDeps {
  storage: DraftStorage | undefined;
  put(taskId: number, body: SaveBody, keepalive: boolean): Promise<{ version: number }>;
  readingMs(): number;
  onStatus(status: SaveStatus): void;
  /** A failure that stops saving (409 version conflict, task closed...): the view decides what to do. */
  onStop(error: unknown): void;
  /** Other failures (shown in a toast). */
  onError?(error: unknown): void;
  /** Whether an error is worth retrying (network, 5xx, 429). */
  retryable(error: unknown): boolean;
  /** Whether an error stops saving for good (409). */
  fatal(error: unknown): boolean;
  now?(): number;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

export const DEBOUNCE_MS = 600;
export const MAX_BACKOFF_MS = 30_000;
/** Browsers refuse keepalive bodies over 64 KiB (all in flight together). */
const KEEPALIVE_LIMIT = 60_000;

/** The wait before retry `attempt` (1, 2, ...): 1 s, 2 s, 4 s ... up to 30 s. */
export const backoffMs = (attempt: number): number => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));

export class Autosaver {
  private doc: DraftDoc;
  private changeSeq = 0;
  private savedSeq = 0;
  private inFlight: Promise<void> | undefined;
  private timer: unknown;
  private failures = 0;
  private stopped = false;
  private lastError: unknown;
  private sent: { baseVersion: number; hash: string }[] = [];
  private statusNow: SaveStatus = { kind: 'saved' };
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    readonly taskId: number,
    private baseVersion: number,
    doc: DraftDoc,
    private readonly deps: AutosaverDeps,
    /** Start with unsaved changes (a restored draft): saves at once. */
    pending = false,
  ) {
    this.doc = plainDoc(doc);
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    if (pending) {
      this.changeSeq = 1;
      this.persist();
      this.schedule(0);
    }
  }

  /** The server version the next save is made from. */
  get version(): number {
    return this.baseVersion;
  }

  get status(): SaveStatus {
    return this.statusNow;
  }

  /** Still saving (not stopped). */
  get active(): boolean {
    return !this.stopped;
  }

  /** Unsaved changes (waiting, in flight, or failed). */
  get pending(): boolean {
    return this.changeSeq > this.savedSeq;
  }

  /** The read changed: kept on this device now, saved after the pause. */
  change(doc: DraftDoc): void {
    if (this.stopped) return;
    this.doc = plainDoc(doc);
    this.changeSeq++;
    this.persist();
    this.setStatus(this.statusNow.kind === 'offline' ? this.statusNow : { kind: 'saving' });
    if (this.statusNow.kind !== 'offline') this.schedule(DEBOUNCE_MS);
  }

  /** Writes the local copy (and the reading time) without a change of the read; nothing once stopped. */
  persist(): void {
    if (this.stopped) return;
    const record: DraftRecord = {
      taskId: this.taskId,
      doc: this.doc,
      baseVersion: this.baseVersion,
      pending: this.pending,
      ...(this.sent.length > 0 ? { sent: this.sent } : {}),
      readingMs: this.deps.readingMs(),
      savedAt: this.deps.now?.() ?? Date.now(),
    };
    if (this.deps.storage !== undefined) writeDraft(this.deps.storage, record);
  }

  /** Saves now and resolves once the server has everything (throws when it could not). */
  async flush(): Promise<number> {
    this.cancelTimer();
    for (let guard = 0; guard < 5; guard++) {
      if (this.stopped) throw this.lastError ?? new Error('saving stopped');
      if (this.inFlight !== undefined) {
        await this.inFlight;
        continue;
      }
      if (!this.pending) return this.baseVersion;
      await this.send();
      if (this.pending && this.lastError !== undefined) throw this.lastError;
    }
    if (this.pending) throw this.lastError ?? new Error('the draft could not be saved');
    return this.baseVersion;
  }

  /** The page is going away: send what is unsaved with keepalive, without waiting. */
  unload(): void {
    if (this.stopped) return;
    this.persist();
    if (!this.pending) return;
    this.cancelTimer();
    // A save in flight will move the version on by one: send from there (if it lands first, ours is
    // refused, and the draft left on this device is restored next time).
    const base = this.inFlight !== undefined ? this.baseVersion + 1 : this.baseVersion;
    const body = this.body(base);
    this.remember(base, this.doc);
    this.deps.put(this.taskId, body, true).catch(() => undefined);
  }

  /** No more saves (the task view goes away or is read-only); the local copy stays. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** Back to a server read after a conflict: new base, no pending changes, saving again. */
  reset(version: number, doc: DraftDoc): void {
    this.cancelTimer();
    this.baseVersion = version;
    this.doc = plainDoc(doc);
    this.changeSeq = this.savedSeq = 0;
    this.sent = [];
    this.failures = 0;
    this.stopped = false;
    this.lastError = undefined;
    this.persist();
    this.setStatus({ kind: 'saved' });
  }

  private body(version: number): SaveBody {
    const doc = plainDoc(this.doc);
    return { version, globals: [...doc.globals], boxes: doc.boxes.map((b) => ({ ...b })), readingMs: this.deps.readingMs() };
  }

  private remember(baseVersion: number, doc: DraftDoc): void {
    this.sent = [...this.sent.slice(-2), { baseVersion, hash: docHash(doc) }];
    this.persist();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.send();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private send(): Promise<void> {
    if (this.inFlight !== undefined) return this.inFlight;
    if (this.stopped || !this.pending) return Promise.resolve();
    const seq = this.changeSeq;
    const doc = this.doc;
    const body = this.body(this.baseVersion);
    this.remember(this.baseVersion, doc);
    this.setStatus({ kind: 'saving' });
    const keepalive = JSON.stringify(body).length < KEEPALIVE_LIMIT;
    const run = async () => {
      try {
        const answer = await this.deps.put(this.taskId, body, keepalive);
        this.baseVersion = answer.version;
        this.savedSeq = seq;
        this.failures = 0;
        this.lastError = undefined;
        this.sent = [];
        this.persist();
        if (this.pending) this.schedule(DEBOUNCE_MS);
        else this.setStatus({ kind: 'saved' });
      } catch (error) {
        this.lastError = error;
        if (this.deps.fatal(error)) {
          this.stop();
          this.setStatus({ kind: 'stopped' });
          this.deps.onStop(error);
        } else if (this.deps.retryable(error)) {
          this.failures++;
          const wait = backoffMs(this.failures);
          this.setStatus({ kind: 'offline', retryInMs: wait });
          this.schedule(wait);
        } else {
          this.setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
          this.deps.onError?.(error);
        }
      }
    };
    this.inFlight = run().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private setStatus(status: SaveStatus): void {
    this.statusNow = status;
    this.deps.onStatus(status);
  }
}
