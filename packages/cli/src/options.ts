import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

/** node:util parseArgs, with its errors (unknown option, missing value) turned into usage errors. */
export function parseArguments<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** An option's whole-number value in [min, max]; undefined when the option was not given. */
export function wholeNumber(name: string, text: string, min: number, max?: number): number;
export function wholeNumber(name: string, text: string | undefined, min: number, max?: number): number | undefined;
export function wholeNumber(name: string, text: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : ` of at least ${min}`}, not "${text}"`);
  }
  return value;
}

/** An option's value, which must be one of `allowed`. */
export function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${text}"`);
  return text as T;
}

/** An option's decimal value in [min, max]; undefined when the option was not given. */
export function decimalNumber(name: string, text: string | undefined, min: number, max = Number.MAX_VALUE): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text) || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a number${max < Number.MAX_VALUE ? ` from ${min} to ${max}` : ` of at least ${min}`}, not "${text}"`);
  }
  return value;
}

/** A comma-separated list option ("CR,DX,DR"); undefined when the option was not given. */
export function commaList(name: string, text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`${name} needs at least one value`);
  return items;
}
