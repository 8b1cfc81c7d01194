/**
 * The block structure of YAML lines, read without the parser. Completion runs on text
 * that is being typed (`  rep`, `- `, `image: `), which the parser folds into other keys
 * or drops; indentation and `- ` markers still say where the cursor is, as they do for
 * the reader.
 */

/** One structural element of a line: a `- ` list marker, a `key:` or a plain value. */
export interface Entry {
  type: 'item' | 'key' | 'scalar';
  /** Zero-based column where the element starts. */
  col: number;
  /** The key's name (type 'key'). */
  name?: string;
  /** What follows the key's colon on the same line, comment removed (type 'key'). */
  value?: string;
}

const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:[ \t]+|$)(.*)$/;
// A plain key ends at the first colon followed by a space or the end of the line
// (`app.kubernetes.io/name:` and `http://x` are one key and one value).
const PLAIN_KEY = /^([^\s#'"{[|>][^#]*?)[ \t]*:(?:[ \t]+|$)(.*)$/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/**
 * `key: value # comment` -> `{ name: 'key', value: 'value', raw: 'value # comment' }`;
 * undefined when `text` is not a key.
 */
export function keyOf(text: string): { name: string; value: string; raw: string } | undefined {
  const match = QUOTED_KEY.exec(text) ?? PLAIN_KEY.exec(text);
  if (!match) return undefined;
  return { name: unquote(match[1]!.trim()), value: stripComment(match[2]!), raw: match[2]! };
}

/** A value without its trailing comment and spaces. */
export function stripComment(value: string): string {
  const hash = value.search(/(^|\s)#/);
  return (hash === -1 ? value : value.slice(0, hash)).trim();
}

/** The structural elements of one line; empty for blank lines, comments and `---`. */
export function entriesOf(line: string): Entry[] {
  const entries: Entry[] = [];
  let i = 0;
  while (line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#' || (i === 0 && DOCUMENT_MARKER.test(line))) return entries;
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    entries.push({ type: 'item', col: i });
    i++;
    while (line[i] === ' ') i++;
    if (i >= line.length || line[i] === '#') return entries;
  }
  const key = keyOf(line.slice(i));
  entries.push(key ? { type: 'key', col: i, name: key.name, value: key.value } : { type: 'scalar', col: i });
  return entries;
}

/** True when a key's inline value opens a block scalar (`|`, `>-`...): deeper lines are text. */
export function opensBlockScalar(value: string | undefined): boolean {
  return value !== undefined && /^[|>][-+0-9]*$/.test(value);
}

/** The lines of a chunk, without their line ends. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** True when every line but `except` is blank, a comment or a document marker. */
export function onlyLine(lines: readonly string[], except: number): boolean {
  return lines.every((line, index) => index === except || entriesOf(line).length === 0);
}

/**
 * The top-level `key: value` pairs written at column 0 (apiVersion, kind), read from
 * the text so that they are known even while the rest of the document does not parse.
 */
export function rootScalars(lines: readonly string[]): Map<string, { value: string; line: number }> {
  const found = new Map<string, { value: string; line: number }>();
  lines.forEach((line, index) => {
    if (line.startsWith(' ') || line.startsWith('-')) return;
    const key = keyOf(line);
    if (key && !found.has(key.name)) found.set(key.name, { value: key.value.replace(/^(["'])(.*)\1$/, '$2'), line: index });
  });
  return found;
}
