/**
 * describe for kinds without a dedicated describer here: kubectl's genericDescriber, which
 * prints Name, Namespace, Labels, Annotations, then every other field of the object with
 * a "smart" label (`apiVersion` -> `API Version`), nested maps indented.
 */
import { compareStrings } from '../../store/json';
import { meta, nameOf, str, type Json } from '../fields';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

const SKIPPED = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** fatih/camelcase.Split: runs of one character class, `PDFLoader` -> `PDF`, `Loader`. */
function camelcaseSplit(text: string): string[] {
  const kind = (c: string): number => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of text) {
    const k = kind(c);
    if (k === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (kind(runs[i]![0]!) === 2 && kind(runs[i + 1]![0]!) === 1) runs[i + 1]!.unshift(runs[i]!.pop()!);
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(''));
}

/** smartLabelFor: `creationTimestamp` -> `Creation Timestamp`, `uid` -> `UID`. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** Go's %v of a JSON scalar. */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function content(w: DescribeWriter, level: number, object: Json, prefix: string): void {
  for (const field of Object.keys(object).sort(compareStrings)) {
    const value = object[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value as unknown[]) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) content(w, level + 1, child as Json, path);
        else w.write(level + 1, `${scalar(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      content(w, level + 1, value as Json, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${scalar(value)}\n`);
    }
  }
}

export function describeGeneric(w: DescribeWriter, object: Json, events: readonly Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${nameOf(object)}\n`);
  w.write(0, `Namespace:\t${str(meta(object).namespace)}\n`);
  writeLabels(w, 'Labels', meta(object).labels);
  writeAnnotations(w, 'Annotations', meta(object).annotations);
  content(w, 0, object, '');
  writeEvents(w, events, now);
}
