/**
 * The scaffolding every `kubectl describe` shares (k8s.io/kubectl/pkg/describe, v1.30):
 * a PrefixWriter (two spaces per level) over one tabwriter (padding 2) that aligns every
 * `Label:\tvalue` line of a block, the multi-line Labels / Annotations / Tolerations /
 * Taints fields, and the Events table.
 */
import { compareStrings } from '../../store/json';
import { parseTime } from '../age';
import { eventInterval } from '../events';
import { arr, nameOf, num, obj, str, type Json } from '../fields';
import { DESCRIBE_TABWRITER, TabBuffer } from '../tabwriter';

/** printers.WriteEscaped: terminal control characters are shown, not obeyed. */
const escapeTerminal = (text: string): string => text.split('\u001b').join('^[').split('\r').join('\\r');

/** describe's PrefixWriter: `write(level, text)` indents by two spaces per level. */
export class DescribeWriter {
  private readonly buffer: TabBuffer;

  /** @param align false writes tabs as they are (`rollout history --revision` does). */
  constructor(align = true) {
    this.buffer = new TabBuffer(align ? DESCRIBE_TABWRITER : undefined);
  }

  write(level: number, text: string): void {
    this.buffer.write(escapeTerminal('  '.repeat(level) + text));
  }

  /** WriteLine: the text and a newline, without indentation. */
  line(text: string): void {
    this.buffer.write(escapeTerminal(`${text}\n`));
  }

  /** Ends the current tabwriter block (describe flushes before the Events table). */
  flush(): void {
    this.buffer.flush();
  }

  toString(): string {
    return this.buffer.toString();
  }
}

/** Annotations describe never shows (the last-applied configuration is noise). */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LENGTH = 140;

/** printLabelsMultilineWithIndent: `Labels:\tapp=web`, one label per line, sorted; `<none>`. */
export function writeLabels(w: DescribeWriter, title: string, labels: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(obj(labels)).sort(compareStrings);
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${str(obj(labels)[key])}\n`);
  });
}

/** Go's len() of a string: its UTF-8 byte count. */
function utf8Length(text: string): number {
  let length = 0;
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    length += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return length;
}

/** Go's s[:n] on a UTF-8 string, cut at a character boundary. */
function shorten(text: string, max: number): string {
  if (utf8Length(text) <= max) return text;
  let out = '';
  for (const c of text) {
    if (utf8Length(out + c) > max) break;
    out += c;
  }
  return `${out}...`;
}

/** printAnnotationsMultiline: `key: value`; long or multi-line values on their own lines, cut at 140. */
export function writeAnnotations(w: DescribeWriter, title: string, annotations: unknown): void {
  w.write(0, `${title}:\t`);
  const map = obj(annotations);
  const keys = Object.keys(map)
    .filter((key) => !SKIPPED_ANNOTATIONS.has(key))
    .sort(compareStrings);
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = str(map[key]).replace(/\n$/, '');
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const part of value.split('\n')) w.write(0, `\t  ${shorten(part, MAX_ANNOTATION_LENGTH - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: unknown, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = arr(tolerations).sort((a, b) => compareStrings(str(a.key), str(b.key)));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    let text = str(t.key);
    if (str(t.value) !== '') text += `=${str(t.value)}`;
    if (str(t.effect) !== '') text += `:${str(t.effect)}`;
    if (str(t.operator) === 'Exists' && str(t.value) === '') text += str(t.key) !== '' || str(t.effect) !== '' ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${num(t.tolerationSeconds)}s`;
    w.write(0, `${text}\n`);
  });
}

/** printNodeTaintsMultiline: `key=value:Effect`, sorted by effect then key. */
export function writeTaints(w: DescribeWriter, title: string, taints: unknown): void {
  w.write(0, `${title}:\t`);
  const list = arr(taints).sort((a, b) => compareStrings(`${str(a.effect)},${str(a.key)}`, `${str(b.effect)},${str(b.key)}`));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = str(t.value);
    w.write(0, `${str(t.key)}${value === '' ? '' : `=${value}`}:${str(t.effect)}\n`);
  });
}

/**
 * DescribeEvents: `Events:  <none>`, or a table sorted by last occurrence (ties keep the
 * API server's name order) with the `Age` as `2m (x4 over 10m)` for repeats.
 */
export function writeEvents(w: DescribeWriter, events: readonly Json[] | undefined, now: number): void {
  if (events === undefined) return;
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n');
  w.flush();
  // kubectl's event.SortableEvents: lastTimestamp, else eventTime.
  const time = (e: Json): number => parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? 0;
  const sorted = [...events].sort((a, b) => time(a) - time(b) || compareStrings(nameOf(a), nameOf(b)));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = str(obj(e.source).component) || str(e.reportingComponent) || str(e.reportingController);
    w.write(1, `${str(e.type)}\t${str(e.reason)}\t${eventInterval(e, now)}\t${source}\t${str(e.message).trim()}\n`);
  }
}
