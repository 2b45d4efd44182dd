// Readers of one field of a rule given as untrusted data: each returns the value typed (labels by
// the schema's name) or throws a RuleSetError naming the field's path and the reason.
import { findLabel, type LabelSchema } from '../../schema/label-schema.js';
import { RuleSetError } from '../rule-set-error.js';

/** The longest `id` or `message` accepted. */
export const MAX_TEXT_LENGTH = 500;

export interface Fields {
  obj: Record<string, unknown>;
  /** The rule's path, e.g. 'rules[2]'. */
  path: string;
  schema: LabelSchema;
}

export const fail = (path: string, reason: string): never => {
  throw new RuleSetError(path, reason);
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 'a string', 'an array', 'null', 'NaN', ... for "expected X, got Y". */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' || typeof value === 'undefined' ? `an ${typeof value}` : `a ${typeof value}`;
}

const has = (f: Fields, key: string): boolean => Object.hasOwn(f.obj, key) && f.obj[key] !== undefined;

export function optionalText(f: Fields, key: string): string | undefined {
  if (!has(f, key)) return undefined;
  const value = f.obj[key];
  const path = `${f.path}.${key}`;
  if (typeof value !== 'string') return fail(path, `expected a string, got ${typeName(value)}`);
  if (value.trim() === '') return fail(path, 'must not be empty');
  if (value.length > MAX_TEXT_LENGTH) return fail(path, `longer than ${MAX_TEXT_LENGTH} characters`);
  return value;
}

export function requiredBoolean(f: Fields, key: string): boolean {
  const value = f.obj[key];
  if (!has(f, key)) return fail(`${f.path}.${key}`, 'required');
  return typeof value === 'boolean' ? value : fail(`${f.path}.${key}`, `expected a boolean, got ${typeName(value)}`);
}

export interface NumberBounds {
  integer: boolean;
  /** The smallest value allowed. */
  min: number;
  /** Whether `min` itself is excluded. */
  exclusive?: boolean;
}

export function optionalNumber(f: Fields, key: string, bounds: NumberBounds): number | undefined {
  if (!has(f, key)) return undefined;
  const value = f.obj[key];
  const path = `${f.path}.${key}`;
  const what = `${bounds.integer ? 'an integer' : 'a finite number'} ${bounds.exclusive ? '>' : '>='} ${bounds.min}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, `expected ${what}, got ${typeName(value)}`);
  const ok = (!bounds.integer || Number.isInteger(value)) && (bounds.exclusive ? value > bounds.min : value >= bounds.min);
  return ok ? value : fail(path, `expected ${what}, got ${value}`);
}

export function requiredNumber(f: Fields, key: string, bounds: NumberBounds): number {
  return optionalNumber(f, key, bounds) ?? fail(`${f.path}.${key}`, 'required');
}

function labelAt(schema: LabelSchema, value: unknown, path: string, kind: 'local' | 'global' | undefined): string {
  if (typeof value !== 'string') return fail(path, `expected a label name, got ${typeName(value)}`);
  const label = findLabel(schema, value);
  if (label === undefined) return fail(path, `unknown label ${JSON.stringify(value)} (not in the ${schema.name} schema)`);
  if (kind !== undefined && label.kind !== kind) return fail(path, `${JSON.stringify(value)} is a ${label.kind} label; expected a ${kind} one`);
  return label.name;
}

/** A label name, returned as the schema spells it (aliases resolved); undefined when absent. */
export function optionalLabel(f: Fields, key: string, kind?: 'local' | 'global'): string | undefined {
  return has(f, key) ? labelAt(f.schema, f.obj[key], `${f.path}.${key}`, kind) : undefined;
}

export function requiredLabel(f: Fields, key: string, kind?: 'local' | 'global'): string {
  return optionalLabel(f, key, kind) ?? fail(`${f.path}.${key}`, 'required');
}

/** A list of at least `minItems` distinct label names (as the schema spells them). */
export function labelList(f: Fields, key: string, minItems: number, kind?: 'local' | 'global'): string[] {
  const path = `${f.path}.${key}`;
  const value = f.obj[key];
  if (!has(f, key)) return fail(path, 'required');
  if (!Array.isArray(value)) return fail(path, `expected an array of label names, got ${typeName(value)}`);
  if (value.length < minItems) return fail(path, `expected at least ${minItems} label${minItems === 1 ? '' : 's'}, got ${value.length}`);
  const names: string[] = [];
  value.forEach((item: unknown, i) => {
    const name = labelAt(f.schema, item, `${path}[${i}]`, kind);
    if (names.includes(name)) fail(`${path}[${i}]`, `${JSON.stringify(name)} is listed twice`);
    names.push(name);
  });
  return names;
}
