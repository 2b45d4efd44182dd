import type { DicomJson } from './to-json.js';

const TAG_KEY = /^[0-9A-F]{8}$/;

/**
 * JSON text of a DICOM JSON data set with attributes in ascending tag order at every level.
 * (JSON.stringify cannot: JavaScript objects list integer-like keys such as "20100000" first.)
 */
export function stringifyDicomJson(json: DicomJson, indent = 2): string {
  return write(json, indent, 0);
}

function write(value: unknown, indent: number, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const pad = indent > 0 ? '\n' + ' '.repeat(indent * (depth + 1)) : '';
  const close = indent > 0 ? '\n' + ' '.repeat(indent * depth) : '';
  const sep = indent > 0 ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => pad + write(v, indent, depth + 1)).join(',')}${close}]`;
  }
  let keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => TAG_KEY.test(k))) keys = keys.sort();
  if (keys.length === 0) return '{}';
  const entries = keys.map((k) => `${pad}${JSON.stringify(k)}${sep}${write((value as Record<string, unknown>)[k], indent, depth + 1)}`);
  return `{${entries.join(',')}${close}}`;
}
