/**
 * Reading plain JSON objects the way Go's typed structs read: an absent field is the zero
 * value. Printers use these so that a half-filled object (no status yet) prints like the
 * real kubectl prints it, never `undefined`.
 */
import { compareStrings } from '../store/json';

export type Json = Record<string, unknown>;

export function isObj(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

export function arr(value: unknown): Json[] {
  return Array.isArray(value) ? (value as unknown[]).map(obj) : [];
}

export function strs(value: unknown): string[] {
  return Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === 'string') : [];
}

export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function num(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return 0;
}

export function bool(value: unknown): boolean {
  return value === true;
}

/** Walks `a.b.c`; undefined past a missing step. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[key];
  }
  return current;
}

export function meta(object: Json): Json {
  return obj(object.metadata);
}

export function nameOf(object: Json): string {
  return str(meta(object).name);
}

export function namespaceOf(object: Json): string {
  return str(meta(object).namespace);
}

/** A string map (labels, selectors, data keys) as a sorted list of entries. */
export function sortedEntries(value: unknown): [string, string][] {
  return Object.entries(obj(value))
    .map(([key, v]): [string, string] => [key, str(v)])
    .sort((a, b) => compareStrings(a[0], b[0]));
}

/** labels.FormatLabels: `a=1,b=2` with sorted keys, `<none>` when empty. */
export function formatLabels(value: unknown): string {
  const entries = sortedEntries(value);
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** intstr.IntOrString.String(). */
export function intOrString(value: unknown): string {
  return typeof value === 'number' ? String(value) : str(value);
}
