/**
 * Where the cursor is in a manifest being typed: in which object a key is being written,
 * or which field's value. The path comes from indentation and `- ` markers, walking the
 * lines above like a reader would (lines.ts), because the YAML tree of unfinished text
 * is unreliable: `  rep` above `  template:` parses as one key `rep template`.
 */
import type { Path } from '../../documents/positions';
import { entriesOf, keyOf, opensBlockScalar, splitLines, type Entry } from './lines';

export interface CursorSite {
  /** 'key': a key is typed in the object at `path`; 'value': the value of the field at `path`. */
  mode: 'key' | 'value';
  path: Path;
  /** Column of the key being typed, or of the key whose value is typed. */
  column: number;
  /** What is typed before the cursor (the start of the key or value). */
  prefix: string;
  /** Chunk offsets of the text an accepted item replaces. */
  replace: [number, number];
  /** Key mode: the key already has its colon (`rep|licas: 3`), so only the name is replaced. */
  hasColon: boolean;
  /** Value mode: the cursor is right after the colon, so a space must come first. */
  needsSpace: boolean;
  /** Value mode: the quote the value starts with, if any. */
  quote: string;
  /** Keys already written in the object (key mode). */
  present: Set<string>;
  /** The document's lines and the cursor's line (zero-based, in the chunk). */
  lines: string[];
  line: number;
  /** Chunk offsets of the cursor's line, line end excluded. */
  lineSpan: [number, number];
}

interface Child {
  type: 'key' | 'item';
  col: number;
  name?: string;
}

/** How a line's entry relates to `child`: the entry holding it, and a sibling of it on the line. */
function relate(entries: readonly Entry[], child: Child): { parent?: number; sibling?: Entry } {
  for (let k = entries.length - 1; k >= 0; k--) {
    const entry = entries[k]!;
    if (entry.col === child.col && entry.type === (child.type === 'key' ? 'key' : 'item')) {
      // A sibling: whatever stands left of it on its line holds both.
      return { sibling: entry, parent: k > 0 ? k - 1 : undefined };
    }
    // A list may sit at the indentation of its key (`containers:` then `- name: web`).
    const holds = entry.col < child.col || (child.type === 'item' && entry.type === 'key' && entry.col === child.col);
    if (holds) return entry.type === 'scalar' ? {} : { parent: k };
  }
  return {};
}

/**
 * The path of the object holding `start` (a key, or a list item), walking up from its
 * line; `entries` are the elements left of it on that line. Also returns the sibling keys
 * of `start` seen on the way. Undefined inside a block scalar or in a top-level list.
 */
function ancestry(lines: readonly string[], line: number, entries: Entry[], start: Child): { path: Path; siblings: string[] } | undefined {
  const reversed: Path = [];
  const siblings: string[] = [];
  let child = start;
  // Sibling items seen above the current child item: its index in its list.
  let count = 0;
  let current: Entry[] = entries;
  // Moves up from `child` to the entry `k` of the current line, which holds it.
  const climb = (k: number): boolean => {
    const parent = current[k]!;
    if (parent.type === 'key' && opensBlockScalar(parent.value)) return false;
    if (child.type === 'item') reversed.push(count);
    else if (child.name !== undefined) reversed.push(child.name);
    child = { type: parent.type === 'key' ? 'key' : 'item', col: parent.col, name: parent.name };
    count = 0;
    current = current.slice(0, k);
    return true;
  };
  for (let l = line; ; ) {
    // Whatever stands left of the child on its own line holds it.
    while (current.length > 0) if (!climb(current.length - 1)) return undefined;
    if (--l < 0) break;
    current = entriesOf(lines[l]!);
    if (current.length === 0) continue;
    const { parent, sibling } = relate(current, child);
    if (sibling?.type === 'key' && child === start) siblings.push(sibling.name!);
    if (sibling && child.type === 'item') count++;
    if (parent === undefined) {
      current = [];
      continue;
    }
    current = current.slice(0, parent + 1);
    if (!climb(parent)) return undefined;
  }
  // The root is a map: the last child is one of its keys.
  if (child.type === 'item') return undefined;
  if (child.name !== undefined) reversed.push(child.name);
  return { path: reversed.reverse(), siblings };
}

/** Keys at `col` below `line` in the same object. */
function siblingsBelow(lines: readonly string[], line: number, col: number): string[] {
  const found: string[] = [];
  for (let l = line + 1; l < lines.length; l++) {
    const entries = entriesOf(lines[l]!);
    if (entries.length === 0) continue;
    if (entries[0]!.col < col) break;
    const same = entries.find((entry) => entry.col === col);
    if (same?.type === 'key') found.push(same.name!);
  }
  return found;
}

const LINE_START = /^( *)((?:- +)*)(.*)$/;
const PARTIAL_KEY = /^(?!-)[^\s:#'"{}[\],&*!|>%@`]*$/;

/** What the cursor at chunk offset `offset` is typing. Undefined where nothing can be offered. */
export function cursorSite(text: string, offset: number): CursorSite | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  if (/(^|\s)#/.test(before)) return undefined;
  const [, indent, dashes, rest] = LINE_START.exec(before)!;
  const lines = splitLines(text);
  const line = countLines(text, lineStart);
  const items: Entry[] = [];
  for (let i = 0; i < dashes!.length; i++) if (dashes![i] === '-') items.push({ type: 'item', col: indent!.length + i });
  const column = indent!.length + dashes!.length;

  const key = keyOf(rest!);
  if (key) {
    // Value mode: `key: val|`; what follows the colon is the value typed so far.
    const typed = key.raw;
    if (/^[[{|>&*!]/.test(typed)) return undefined;
    const quote = /^["']/.test(typed) ? typed[0]! : '';
    const found = ancestry(lines, line, items, { type: 'key', col: column, name: key.name });
    if (!found) return undefined;
    return {
      mode: 'value', path: found.path, column, prefix: typed.slice(quote.length),
      replace: [offset - typed.length, offset + valueTail(after).length],
      hasColon: true, needsSpace: rest!.endsWith(':'), quote, present: new Set(), lines, line, lineSpan: [lineStart, lineEnd],
    };
  }
  if (!PARTIAL_KEY.test(rest!)) return undefined;
  const word = /^[^\s:#]*/.exec(after)![0];
  const hasColon = /^:(?:\s|$)/.test(after.slice(word.length));
  const found = ancestry(lines, line, items, { type: 'key', col: column });
  if (!found) return undefined;
  const present = new Set([...found.siblings, ...siblingsBelow(lines, line, column)]);
  return {
    mode: 'key', path: found.path, column, prefix: rest!, replace: [offset - rest!.length, offset + word.length],
    hasColon, needsSpace: false, quote: '', present, lines, line, lineSpan: [lineStart, lineEnd],
  };
}

/** The rest of a value after the cursor, up to a comment. */
function valueTail(after: string): string {
  const hash = after.search(/\s#/);
  return (hash === -1 ? after : after.slice(0, hash)).trimEnd();
}

function countLines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
