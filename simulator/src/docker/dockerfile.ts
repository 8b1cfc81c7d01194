/**
 * A Dockerfile parser, pure and position-aware, shaped after BuildKit's
 * `frontend/dockerfile/parser` (parser.go): parser directives at the top, one instruction per
 * logical line, the escape character joining continuation lines, comment and empty lines
 * skipped inside a continuation, leading `--flags` extracted, JSON exec form tried before the
 * shell form, minimal heredocs. What an image built from it would look like lives in
 * dockerfileConfig.ts and is re-exported here.
 */

export interface Heredoc {
  name: string;
  /** Body lines, each ending with a newline (leading tabs stripped for `<<-`). */
  content: string;
}

export interface Instruction {
  /** `FROM`, `RUN`... upper-cased as written. */
  keyword: string;
  /** The source text from the keyword to the end of the last line (continuations, heredocs). */
  original: string;
  /** Arguments after the keyword and the flags, continuation lines joined, trimmed. */
  args: string;
  /** The JSON exec form (`["a", "b"]`), when args are a valid JSON array of strings. */
  exec?: string[];
  /** 0-based line of the keyword. */
  line: number;
  /** Offsets in the text: the keyword's first character and the end of the last line. */
  start: number;
  end: number;
  /** Leading `--name=value` flags (`--from`, `--chown`, `--platform`); `--link` gives ''. */
  flags: Record<string, string>;
  heredocs?: Heredoc[];
}

export interface Dockerfile {
  instructions: Instruction[];
  /** Parser directives (`# syntax=`, `# escape=`, `# check=`), names lower-cased. */
  directives: Record<string, string>;
  /** The escape character: `\` unless `# escape=` says otherwise. */
  escape: string;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** Instructions whose arguments may be a JSON array (BuildKit's parseMaybeJSON / parseMaybeJSONToList). */
const JSON_FORMS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD']);
/** Instructions that read heredocs (BuildKit: heredocs are allowed for RUN, COPY and ADD). */
const HEREDOC_FORMS = new Set(['RUN', 'COPY', 'ADD']);
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/** Document offsets of each character of an instruction's args (kept off the plain object). */
const ARG_OFFSETS = new WeakMap<Instruction, number[]>();

interface Line {
  text: string;
  start: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    const body = text.slice(start, stop);
    lines.push({ text: body.endsWith('\r') ? body.slice(0, -1) : body, start });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

const isBlank = (s: string) => /^\s*$/.test(s);
const isComment = (s: string) => /^\s*#/.test(s);

/** Parses a Dockerfile; never throws: whatever cannot be understood is left for diagnostics. */
export function parseDockerfile(text: string): Dockerfile {
  const lines = splitLines(text);
  const directives: Record<string, string> = {};
  let i = 0;
  // Mirrors BuildKit: directives are only looked for before any comment, empty line or instruction.
  for (; i < lines.length; i++) {
    const match = DIRECTIVE.exec(lines[i]!.text.trim());
    const name = match?.[1]!.toLowerCase();
    if (!match || !name || !KNOWN_DIRECTIVES.has(name) || name in directives) break;
    directives[name] = match[2]!;
  }
  const escape = directives.escape === '`' ? '`' : '\\';
  const continuation = new RegExp(`${escape === '`' ? '`' : '\\\\'}[ \\t]*$`);
  const instructions: Instruction[] = [];

  while (i < lines.length) {
    const first = lines[i]!;
    const firstIndex = i;
    if (isBlank(first.text) || isComment(first.text)) {
      i++;
      continue;
    }
    // The logical line and, for each of its characters, its offset in the document.
    let logical = '';
    const offsets: number[] = [];
    const append = (line: Line, from: number, to: number) => {
      logical += line.text.slice(from, to);
      for (let k = from; k < to; k++) offsets.push(line.start + k);
    };
    const indent = first.text.length - first.text.trimStart().length;
    let line = first;
    let from = indent;
    let last = first;
    for (;;) {
      const cont = continuation.exec(line.text);
      const to = cont && cont.index >= from ? cont.index : line.text.length;
      append(line, from, to);
      last = line;
      i++;
      if (!cont || cont.index < from) break;
      // Comment and empty lines inside a continuation are skipped (BuildKit warns on the empty ones).
      while (i < lines.length && (isBlank(lines[i]!.text) || isComment(lines[i]!.text))) i++;
      if (i >= lines.length) break;
      line = lines[i]!;
      from = 0;
    }
    // A first line holding only the escape character leaves leading blanks, or nothing at all.
    const lead = logical.length - logical.trimStart().length;
    const word = /^\S+/.exec(logical.slice(lead))?.[0];
    if (word === undefined) continue;
    const keyword = word.toUpperCase();
    let pos = lead + word.length;
    const flags: Record<string, string> = {};
    // Leading `--flag[=value]` words, as BuildKit's extractBuilderFlags; a bare `--` ends them.
    for (;;) {
      while (pos < logical.length && /\s/.test(logical[pos]!)) pos++;
      const flag = /^--(\S*)/.exec(logical.slice(pos));
      if (!flag) break;
      pos += flag[0].length;
      if (flag[1] === '') break;
      const eq = flag[1]!.indexOf('=');
      if (eq < 0) flags[flag[1]!] = '';
      else flags[flag[1]!.slice(0, eq)] = flag[1]!.slice(eq + 1);
    }
    let endArgs = logical.length;
    while (endArgs > pos && /\s/.test(logical[endArgs - 1]!)) endArgs--;
    while (pos < endArgs && /\s/.test(logical[pos]!)) pos++;
    const args = logical.slice(pos, endArgs);
    const argOffsets = offsets.slice(pos, endArgs);

    let heredocs: Heredoc[] | undefined;
    let end = last.start + last.text.length;
    if (HEREDOC_FORMS.has(keyword) && args.includes('<<')) {
      for (const match of args.matchAll(HEREDOC)) {
        // `<<` inside quotes is text, not a heredoc.
        if (insideQuotes(args, match.index)) continue;
        const [, dash, , name] = match;
        let content = '';
        while (i < lines.length) {
          const body = lines[i]!;
          i++;
          end = body.start + body.text.length;
          const bodyText = dash ? body.text.replace(/^\t+/, '') : body.text;
          if (bodyText === name) break;
          content += `${bodyText}\n`;
        }
        (heredocs ??= []).push({ name: name!, content });
      }
    }

    const start = offsets[lead] ?? first.start + indent;
    const instruction: Instruction = {
      keyword,
      original: text.slice(start, end),
      args,
      line: firstIndex,
      start,
      end,
      flags,
    };
    const exec = JSON_FORMS.has(keyword) ? parseExec(args) : undefined;
    if (exec) instruction.exec = exec;
    if (heredocs) instruction.heredocs = heredocs;
    argOffsets.push(end);
    ARG_OFFSETS.set(instruction, argOffsets);
    instructions.push(instruction);
  }
  return { instructions, directives, escape };
}

/** True when `index` of a shell line is inside single or double quotes. */
function insideQuotes(text: string, index: number): boolean {
  let quote = '';
  for (let k = 0; k < index; k++) {
    const ch = text[k]!;
    if (ch === '\\' && quote !== "'") k++;
    else if (quote ? ch === quote : ch === '"' || ch === "'") quote = quote ? '' : ch;
  }
  return quote !== '';
}

/** The JSON exec form, or undefined when args are not a JSON array of strings (then shell form). */
export function parseExec(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
  } catch {
    // Not JSON: Docker runs it in the shell form.
  }
  return undefined;
}

/**
 * The document offset of the character at `index` in `instruction.args`; `args.length` gives
 * the end of the instruction. Continuation lines make this more than `start + index`.
 */
export function argOffset(instruction: Instruction, index: number): number {
  const offsets = ARG_OFFSETS.get(instruction);
  if (!offsets || offsets.length === 0) return instruction.end;
  return offsets[Math.max(0, Math.min(index, offsets.length - 1))]!;
}

/**
 * Splits args into words as BuildKit's parseWords does: blanks separate words, quotes and
 * escaped characters are kept in the word (they are removed later by {@link expand}).
 */
export function splitWords(args: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  for (let k = 0; k < args.length; k++) {
    const ch = args[k]!;
    if (ch === escape && k + 1 < args.length && quote !== "'") {
      word += ch + args[++k]!;
    } else if (quote) {
      if (ch === quote) quote = '';
      word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word += ch;
    } else if (/\s/.test(ch)) {
      if (word) words.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) words.push(word);
  return words;
}

export interface KeyValue {
  key: string;
  /** The raw value, quotes and escapes kept: pass it through {@link expand}. Undefined for `ARG NAME`. */
  value: string | undefined;
}

/**
 * The pairs of ENV, LABEL or ARG, as BuildKit's parseNameVal: `KEY=value ...`, or the legacy
 * `ENV KEY value with spaces` when the first word has no `=`. `ARG NAME` (no default) gives an
 * undefined value.
 */
export function keyValues(instruction: Instruction, escape = '\\'): KeyValue[] {
  const words = splitWords(instruction.args, escape);
  const first = words[0];
  if (first === undefined) return [];
  if (!first.includes('=') && instruction.keyword !== 'ARG') {
    const rest = instruction.args.slice(instruction.args.indexOf(first) + first.length).trim();
    return [{ key: first, value: rest }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { key: w, value: undefined } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
  });
}

export { expand, expandWords } from './dockerfileExpand';
export { command, env, exposedPorts, fromImage, imageConfig, parsePortSpec, stages, workdir } from './dockerfileConfig';
export type { ImageConfig, Stage } from './dockerfileConfig';
