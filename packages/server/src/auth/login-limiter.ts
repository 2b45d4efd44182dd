// Login rate limiting, in memory: after `perAccount` failed logins for one user name from one address,
// or `perAddress` from one address, further attempts get 429 until the window has passed.
export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 30, windowMs: 15 * 60 * 1000 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS, private readonly clock: () => number = Date.now) {}

  /** Seconds to wait before trying again, or 0 when an attempt may go ahead. */
  retryAfter(address: string, username: string): number {
    const now = this.clock();
    const wait = (key: string, limit: number): number => {
      const recent = this.recent(key, now);
      return recent.length >= limit ? Math.ceil((recent[0]! + this.limits.windowMs - now) / 1000) : 0;
    };
    return Math.max(wait(`a|${address}`, this.limits.perAddress), wait(`u|${address}|${username.toLowerCase()}`, this.limits.perAccount));
  }

  failed(address: string, username: string): void {
    const now = this.clock();
    for (const key of [`a|${address}`, `u|${address}|${username.toLowerCase()}`]) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.prune(now);
  }

  succeeded(address: string, username: string): void {
    this.failures.delete(`u|${address}|${username.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key, now).length === 0) this.failures.delete(key);
  }
}
