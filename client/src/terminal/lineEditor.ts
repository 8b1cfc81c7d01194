/**
 * A line editor over the raw keystrokes a terminal sends (what readline does for a
 * shell): printable characters, Backspace, Delete, Left/Right, Home/End, Up/Down through
 * the history, Tab completion, Ctrl+C (the line is dropped, `^C`), Ctrl+L (clear the
 * screen), Ctrl+U/K/W, Ctrl+D on an empty line (end of input), Enter. It writes what the
 * terminal must show (lines end with `\r\n`) and hands back each line entered. No
 * `vscode` here: the Pseudoterminal adapter (kubectlTerminal.ts) feeds it.
 */

/** What completing the text before the cursor offers. */
export interface Completion {
  /** Where the word being completed starts, in the text before the cursor. */
  start: number;
  /** Replacements for that word, already quoted if needed; one that ends with `/` or `=` is not followed by a blank. */
  candidates: string[];
}

export interface LineEditorOptions {
  /** The prompt to show (read each time: it changes when a shell is entered). */
  prompt: () => string;
  /** Writes to the terminal. */
  write: (data: string) => void;
  /** Completion of the text before the cursor (Tab). */
  complete?: (before: string) => Completion | undefined;
  /** Lines kept in the history (default 500). */
  historySize?: number;
}

/** What a chunk of keystrokes led to. */
export type EditorEvent =
  /** Enter: the line (already echoed, the cursor on the next line). */
  | { type: 'line'; line: string }
  /** Ctrl+D on an empty line. */
  | { type: 'eof' };

/** One key: a character, or a control sequence. */
type Key = string;

/** Cuts raw terminal input into keys: characters, and ESC sequences as one key each. */
export function keysOf(data: string): Key[] {
  const keys: Key[] = [];
  const chars = [...data];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '\r' && chars[i + 1] === '\n') {
      keys.push('\r');
      i++;
    } else if (char === '\x1b' && (chars[i + 1] === '[' || chars[i + 1] === 'O')) {
      // CSI: ESC [ parameters final-byte; SS3: ESC O letter.
      let j = i + 2;
      if (chars[i + 1] === '[') while (j < chars.length && /[0-9;?]/.test(chars[j]!)) j++;
      keys.push(chars.slice(i, j + 1).join(''));
      i = j;
    } else if (char === '\x1b' && i + 1 < chars.length) {
      // Alt+key.
      keys.push(char + chars[i + 1]!);
      i++;
    } else {
      keys.push(char);
    }
  }
  return keys;
}

const HOME = new Set(['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~', '\x01']);
const END = new Set(['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~', '\x05']);
const WORD_LEFT = new Set(['\x1b[1;5D', '\x1b[1;3D', '\x1bb']);
const WORD_RIGHT = new Set(['\x1b[1;5C', '\x1b[1;3C', '\x1bf']);

/** The longest common prefix of the candidates. */
function commonPrefix(candidates: readonly string[]): string {
  let prefix = candidates[0] ?? '';
  for (const candidate of candidates) while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export class LineEditor {
  private text = '';
  private position = 0;
  private readonly entries: string[] = [];
  /** Where Up/Down are in the history (entries.length: the line being written). */
  private browsing = 0;
  /** The line being written, kept while browsing the history. */
  private draft = '';
  private readonly historySize: number;

  constructor(private readonly options: LineEditorOptions) {
    this.historySize = options.historySize ?? 500;
  }

  /** The line being edited. */
  get line(): string {
    return this.text;
  }

  /** The cursor, as an index in the line. */
  get cursor(): number {
    return this.position;
  }

  /** The lines entered, oldest first. */
  get history(): readonly string[] {
    return this.entries;
  }

  /** Shows the prompt and the line being edited (after output, or a clear). */
  showPrompt(): void {
    this.options.write(this.options.prompt() + this.text + this.back(this.text.length - this.position));
  }

  /**
   * Handles raw input. Stops after the first Enter (or end of input) and returns what
   * remains unread, so that the caller can run the line before the next keys are echoed.
   */
  handle(data: string): { event?: EditorEvent; rest: string } {
    const keys = keysOf(data);
    for (let i = 0; i < keys.length; i++) {
      const event = this.key(keys[i]!);
      if (event) return { event, rest: keys.slice(i + 1).join('') };
    }
    return { rest: '' };
  }

  private key(key: Key): EditorEvent | undefined {
    switch (key) {
      case '\r':
      case '\n':
        return this.enter();
      case '\x7f':
      case '\b':
        if (this.position > 0) this.edit(this.text.slice(0, this.position - 1) + this.text.slice(this.position), this.position - 1);
        return undefined;
      case '\x1b[3~':
        if (this.position < this.text.length) this.edit(this.text.slice(0, this.position) + this.text.slice(this.position + 1), this.position);
        return undefined;
      case '\x04':
        if (this.text === '') return { type: 'eof' };
        if (this.position < this.text.length) this.edit(this.text.slice(0, this.position) + this.text.slice(this.position + 1), this.position);
        return undefined;
      case '\x1b[D':
      case '\x02':
        this.move(this.position - 1);
        return undefined;
      case '\x1b[C':
      case '\x06':
        this.move(this.position + 1);
        return undefined;
      case '\x1b[A':
      case '\x10':
        this.browse(-1);
        return undefined;
      case '\x1b[B':
      case '\x0e':
        this.browse(1);
        return undefined;
      case '\t':
        this.complete();
        return undefined;
      case '\x03':
        this.options.write('^C\r\n');
        this.text = '';
        this.position = 0;
        this.browsing = this.entries.length;
        this.showPrompt();
        return undefined;
      case '\x0c':
        this.options.write('\x1b[2J\x1b[3J\x1b[H');
        this.showPrompt();
        return undefined;
      case '\x15':
        this.edit(this.text.slice(this.position), 0);
        return undefined;
      case '\x0b':
        this.edit(this.text.slice(0, this.position), this.position);
        return undefined;
      case '\x17': {
        const start = this.wordStart();
        this.edit(this.text.slice(0, start) + this.text.slice(this.position), start);
        return undefined;
      }
    }
    if (HOME.has(key)) this.move(0);
    else if (END.has(key)) this.move(this.text.length);
    else if (WORD_LEFT.has(key)) this.move(this.wordStart());
    else if (WORD_RIGHT.has(key)) this.move(this.wordEnd());
    else if (key.length > 0 && !key.startsWith('\x1b') && [...key].every((char) => char >= ' ' && char !== '\x7f')) this.insert(key);
    // Other control keys and sequences (F1, Insert...) do nothing.
    return undefined;
  }

  private enter(): EditorEvent {
    const line = this.text;
    this.options.write(this.back(0, this.text.length - this.position) + '\r\n');
    if (line.trim() !== '' && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > this.historySize) this.entries.shift();
    }
    this.text = '';
    this.position = 0;
    this.draft = '';
    this.browsing = this.entries.length;
    return { type: 'line', line };
  }

  private insert(chars: string): void {
    if (this.position === this.text.length) {
      // Typing at the end: the echo is enough.
      this.text += chars;
      this.position = this.text.length;
      this.options.write(chars);
      return;
    }
    this.edit(this.text.slice(0, this.position) + chars + this.text.slice(this.position), this.position + chars.length);
  }

  /** Replaces the line and redraws it: back to the column after the prompt, the line, erase to the end, cursor back. */
  private edit(text: string, position: number): void {
    const before = this.position;
    this.text = text;
    this.position = Math.max(0, Math.min(position, text.length));
    this.options.write(`${this.back(before)}${text}\x1b[K${this.back(text.length - this.position)}`);
  }

  private move(position: number): void {
    const target = Math.max(0, Math.min(position, this.text.length));
    if (target < this.position) this.options.write(this.back(this.position - target));
    else if (target > this.position) this.options.write(this.back(0, target - this.position));
    this.position = target;
  }

  /** Cursor `left` columns to the left (or `right` to the right). */
  private back(left: number, right = 0): string {
    if (left > 0) return `\x1b[${left}D`;
    if (right > 0) return `\x1b[${right}C`;
    return '';
  }

  private browse(step: number): void {
    const next = this.browsing + step;
    if (next < 0 || next > this.entries.length) {
      this.options.write('\x07');
      return;
    }
    if (this.browsing === this.entries.length) this.draft = this.text;
    this.browsing = next;
    const text = next === this.entries.length ? this.draft : this.entries[next]!;
    this.edit(text, text.length);
  }

  private wordStart(): number {
    let i = this.position;
    while (i > 0 && this.text[i - 1] === ' ') i--;
    while (i > 0 && this.text[i - 1] !== ' ') i--;
    return i;
  }

  private wordEnd(): number {
    let i = this.position;
    while (i < this.text.length && this.text[i] === ' ') i++;
    while (i < this.text.length && this.text[i] !== ' ') i++;
    return i;
  }

  private complete(): void {
    const before = this.text.slice(0, this.position);
    const completion = this.options.complete?.(before);
    if (!completion || completion.candidates.length === 0) {
      this.options.write('\x07');
      return;
    }
    const word = before.slice(completion.start);
    const after = this.text.slice(this.position);
    const replace = (insert: string): void => this.edit(before.slice(0, completion.start) + insert + after, completion.start + insert.length);
    if (completion.candidates.length === 1) {
      const only = completion.candidates[0]!;
      const blank = /[/=]$/.test(only) || after.startsWith(' ') ? '' : ' ';
      replace(only + blank);
      return;
    }
    const prefix = commonPrefix(completion.candidates);
    if (prefix.length > word.length) {
      replace(prefix);
      return;
    }
    // Nothing more in common: list the candidates under the line, then the line again.
    this.options.write(`${this.back(0, this.text.length - this.position)}\r\n${columns(completion.candidates)}\r\n`);
    this.showPrompt();
  }
}

/** Candidates side by side, as readline lists them (80 columns). */
function columns(candidates: readonly string[]): string {
  const width = Math.max(...candidates.map((c) => c.length)) + 2;
  const perLine = Math.max(1, Math.floor(80 / width));
  const lines: string[] = [];
  for (let i = 0; i < candidates.length; i += perLine) lines.push(candidates.slice(i, i + perLine).map((c, k, row) => (k === row.length - 1 ? c : c.padEnd(width))).join(''));
  return lines.join('\r\n');
}
