// The shape of one rule kind's check: it looks at the resolved read and emits violations in order.
import type { Rule } from '../rule.js';
import type { ViolationCode } from '../violation.js';
import { schemaName, type ReadView } from './read-view.js';

export type Emit = (code: ViolationCode, path: string, message: string) => void;

export type Check<R extends Rule> = (rule: R, view: ReadView, emit: Emit) => void;

/** A label a rule names, by the schema's name for it (or as written when the schema lacks it: it then matches nothing). */
export const ruleLabel = (view: ReadView, label: string): string => schemaName(view.schema, label) ?? label;

/** Whether a global entry is a non-empty string. */
export const isGiven = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
