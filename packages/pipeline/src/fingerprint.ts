import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/**
 * A short stable hash of options (JSON data): the same for the same values whatever the key order,
 * with undefined members left out. 16 hex digits of SHA-256.
 */
export function optionsFingerprint(options: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(options)) ?? 'undefined').digest('hex').slice(0, 16);
}
