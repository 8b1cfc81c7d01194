/**
 * A small POSIX shell parser, for what manifests put in `command: [sh, -c, "..."]`:
 * `;`, `&&`, `||`, pipes, redirections, `while`/`until`/`for`/`if`, `{ }` groups and
 * assignments. Words are kept raw (quotes included) and expanded when they run
 * (shell.ts), as a shell does.
 */

export type Redirect = { fd: 1 | 2; op: '>' | '>>'; target: string } | { fd: 2; op: '>&'; target: '1' } | { fd: 1; op: '>&'; target: '2' };

export type Command =
  | { type: 'simple'; assignments: [string, string][]; words: string[]; redirects: Redirect[] }
  | { type: 'while'; until: boolean; condition: List; body: List }
  | { type: 'for'; variable: string; items: string[] | undefined; body: List }
  | { type: 'if'; branches: { condition: List; body: List }[]; otherwise: List | undefined }
  | { type: 'group'; body: List };

export type Pipeline = { negate: boolean; commands: Command[] };
/** `a && b || c`: the first pipeline, then each operator with the next. */
export type AndOr = { first: Pipeline; rest: { op: '&&' | '||'; pipeline: Pipeline }[] };
export type List = AndOr[];

export class ShellSyntaxError extends Error {}

const OPERATORS = ['&&', '||', ';;', '>>', '2>&1', '1>&2', '>&2', '2>>', '2>', '1>', ';', '&', '|', '\n', '>', '<', '(', ')'];
const RESERVED = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', '}', 'in']);

/** Splits a script into raw words (quotes kept) and operators. */
export function tokenize(script: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < script.length) {
    const char = script[i]!;
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
      continue;
    }
    if (char === '\\' && script[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (char === '#') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    const operator = OPERATORS.find((op) => script.startsWith(op, i) && !(op === '2>' && /\S/.test(script[i - 1] ?? ' ')));
    if (operator) {
      tokens.push(operator);
      i += operator.length;
      continue;
    }
    let word = '';
    while (i < script.length) {
      const c = script[i]!;
      if (' \t\r\n;&|<>()'.includes(c)) break;
      if (c === "'" || c === '"' || c === '`') {
        const end = findClosing(script, i, c);
        word += script.slice(i, end + 1);
        i = end + 1;
      } else if (c === '$' && script[i + 1] === '(') {
        const end = findParen(script, i + 1);
        word += script.slice(i, end + 1);
        i = end + 1;
      } else if (c === '\\' && i + 1 < script.length) {
        word += script.slice(i, i + 2);
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    tokens.push(word);
  }
  return tokens;
}

function findClosing(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== "'") i++;
    else if (text[i] === quote) return i;
  }
  throw new ShellSyntaxError(`unterminated quoted string`);
}

function findParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') i = findClosing(text, i, c);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new ShellSyntaxError(`unexpected end of file (expecting ")")`);
}

/** Parses a whole script. */
export function parseScript(script: string): List {
  const parser = new Parser(tokenize(script));
  const list = parser.list([]);
  if (!parser.done()) throw new ShellSyntaxError(`syntax error: unexpected "${parser.peek()!}"`);
  return list;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: string[]) {}

  done(): boolean {
    return this.position >= this.tokens.length;
  }

  peek(): string | undefined {
    return this.tokens[this.position];
  }

  private next(): string {
    const token = this.tokens[this.position++];
    if (token === undefined) throw new ShellSyntaxError('syntax error: unexpected end of file');
    return token;
  }

  private expect(word: string): void {
    this.skipNewlines();
    const token = this.next();
    if (token !== word) throw new ShellSyntaxError(`syntax error: unexpected "${token}" (expecting "${word}")`);
  }

  private skipNewlines(): void {
    while (this.peek() === '\n' || this.peek() === ';') this.position++;
  }

  /** Commands up to one of the `stops` keywords (or the end). */
  list(stops: string[]): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token === undefined || stops.includes(token) || token === ')') return list;
      list.push(this.andOr());
      const separator = this.peek();
      if (separator === ';' || separator === '&' || separator === '\n') this.position++;
    }
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.peek() === '&&' || this.peek() === '||') {
      const op = this.next() as '&&' | '||';
      while (this.peek() === '\n') this.position++;
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.peek() === '!') {
      negate = true;
      this.position++;
    }
    const commands = [this.command()];
    while (this.peek() === '|') {
      this.position++;
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    const token = this.peek();
    switch (token) {
      case 'while':
      case 'until': {
        this.position++;
        const condition = this.list(['do']);
        this.expect('do');
        const body = this.list(['done']);
        this.expect('done');
        return { type: 'while', until: token === 'until', condition, body };
      }
      case 'for': {
        this.position++;
        const variable = this.next();
        let items: string[] | undefined;
        if (this.peek() === 'in') {
          this.position++;
          items = [];
          while (this.peek() !== undefined && this.peek() !== ';' && this.peek() !== '\n') items.push(this.next());
        }
        this.expect('do');
        const body = this.list(['done']);
        this.expect('done');
        return { type: 'for', variable, items, body };
      }
      case 'if': {
        this.position++;
        const branches: { condition: List; body: List }[] = [];
        let otherwise: List | undefined;
        for (;;) {
          const condition = this.list(['then']);
          this.expect('then');
          branches.push({ condition, body: this.list(['elif', 'else', 'fi']) });
          this.skipNewlines();
          const keyword = this.next();
          if (keyword === 'elif') continue;
          if (keyword === 'else') {
            otherwise = this.list(['fi']);
            this.expect('fi');
          } else if (keyword !== 'fi') throw new ShellSyntaxError(`syntax error: unexpected "${keyword}" (expecting "fi")`);
          return { type: 'if', branches, otherwise };
        }
      }
      case '{':
      case '(': {
        this.position++;
        const body = this.list(token === '{' ? ['}'] : []);
        this.expect(token === '{' ? '}' : ')');
        return { type: 'group', body };
      }
      default:
        return this.simple();
    }
  }

  private simple(): Command {
    const assignments: [string, string][] = [];
    const words: string[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const token = this.peek();
      if (token === undefined || ['\n', ';', '&', '&&', '||', '|', ')', ';;'].includes(token)) break;
      // Reserved words count only where a command starts: `echo done` prints "done".
      if (words.length === 0 && assignments.length === 0 && RESERVED.has(token)) throw new ShellSyntaxError(`syntax error: unexpected "${token}"`);
      this.position++;
      if (token === '2>&1') redirects.push({ fd: 2, op: '>&', target: '1' });
      else if (token === '>&2' || token === '1>&2') redirects.push({ fd: 1, op: '>&', target: '2' });
      else if (token === '>' || token === '>>' || token === '1>') redirects.push({ fd: 1, op: token === '>>' ? '>>' : '>', target: this.next() });
      else if (token === '2>' || token === '2>>') redirects.push({ fd: 2, op: token === '2>>' ? '>>' : '>', target: this.next() });
      else if (token === '<') this.next();
      else if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(token)) {
        const equals = token.indexOf('=');
        assignments.push([token.slice(0, equals), token.slice(equals + 1)]);
      } else words.push(token);
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) {
      throw new ShellSyntaxError(`syntax error: unexpected "${this.peek() ?? 'end of file'}"`);
    }
    return { type: 'simple', assignments, words, redirects };
  }
}
