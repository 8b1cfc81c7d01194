/**
 * JSON exactly as `kubectl get -o json` writes it: Go's json.MarshalIndent(obj, "", "    ")
 * of the unstructured object, so keys are sorted, `<`, `>`, `&`, U+2028 and U+2029 are
 * escaped (`\u003c`), empty collections print as `{}` and `[]`, and a newline ends it.
 */
import { compareStrings } from '../store/json';

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function goString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!);
}

function encode(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${encode(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort(compareStrings);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((key) => `${inner}${goString(key)}: ${encode(object[key], inner)}`).join(',\n')}\n${indent}}`;
}

/** The `-o json` text of a JSON value, with the final newline kubectl adds. */
export function toJson(value: unknown): string {
  return `${encode(value, '')}\n`;
}
