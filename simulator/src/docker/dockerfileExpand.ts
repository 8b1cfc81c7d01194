/**
 * Variable substitution in Dockerfile arguments, after BuildKit's shell lexer
 * (`frontend/dockerfile/shell/lex.go`, ProcessWord / ProcessWords): `$VAR`, `${VAR}`,
 * `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`, `${VAR:?msg}`; single
 * quotes are literal, double quotes expand; quotes are removed; the escape character makes the
 * next character literal. Unset variables expand to the empty string, as in Docker.
 * Applies to ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR and ARG,
 * not to RUN, CMD or ENTRYPOINT (their shell expands at run time).
 */

type Vars = Readonly<Record<string, string | undefined>>;

const NAME_CHAR = /[A-Za-z0-9_]/;

class Lexer {
  pos = 0;
  constructor(
    private readonly src: string,
    private readonly vars: Vars,
    private readonly escape: string,
  ) {}

  /** Words split on unquoted blanks; `split` false gives a single word. */
  run(split: boolean): string[] {
    const words: string[] = [];
    let word = '';
    let started = false;
    const { src, escape } = this;
    while (this.pos < src.length) {
      const ch = src[this.pos]!;
      if (split && /\s/.test(ch)) {
        if (started) words.push(word);
        word = '';
        started = false;
        this.pos++;
        continue;
      }
      started = true;
      if (ch === escape) {
        this.pos++;
        if (this.pos < src.length) word += src[this.pos++]!;
        else word += ch;
      } else if (ch === "'") {
        word += this.singleQuoted();
      } else if (ch === '"') {
        word += this.doubleQuoted();
      } else if (ch === '$') {
        word += this.dollar();
      } else {
        word += ch;
        this.pos++;
      }
    }
    if (started || !split) words.push(word);
    return words;
  }

  private singleQuoted(): string {
    const close = this.src.indexOf("'", this.pos + 1);
    const stop = close < 0 ? this.src.length : close;
    const text = this.src.slice(this.pos + 1, stop);
    this.pos = stop + 1;
    return text;
  }

  private doubleQuoted(): string {
    const { src, escape } = this;
    let out = '';
    this.pos++;
    while (this.pos < src.length && src[this.pos] !== '"') {
      const ch = src[this.pos]!;
      if (ch === '$') {
        out += this.dollar();
      } else if (ch === escape && this.pos + 1 < src.length && '"$'.concat(escape).includes(src[this.pos + 1]!)) {
        out += src[this.pos + 1]!;
        this.pos += 2;
      } else {
        out += ch;
        this.pos++;
      }
    }
    this.pos++;
    return out;
  }

  private name(): string {
    let name = '';
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos]!)) name += this.src[this.pos++]!;
    return name;
  }

  private dollar(): string {
    const { src } = this;
    this.pos++;
    if (src[this.pos] !== '{') {
      const name = this.name();
      return name ? (this.vars[name] ?? '') : '$';
    }
    this.pos++;
    const name = this.name();
    const value = this.vars[name];
    if (src[this.pos] === '}') {
      this.pos++;
      return value ?? '';
    }
    const colon = src[this.pos] === ':';
    if (colon) this.pos++;
    const op = src[this.pos] ?? '';
    this.pos++;
    const word = this.braceWord();
    const unset = value === undefined || (colon && value === '');
    switch (op) {
      case '-':
        return unset ? word : value;
      case '+':
        return unset ? '' : word;
      case '?':
        // Docker fails the build here; the simulation substitutes nothing.
        return unset ? '' : value;
      default:
        return value ?? '';
    }
  }

  /** The word inside `${NAME<op>word}`, itself expanded, up to the matching brace. */
  private braceWord(): string {
    const { src, escape } = this;
    let out = '';
    while (this.pos < src.length && src[this.pos] !== '}') {
      const ch = src[this.pos]!;
      if (ch === '$') out += this.dollar();
      else if (ch === "'") out += this.singleQuoted();
      else if (ch === '"') out += this.doubleQuoted();
      else if (ch === escape && this.pos + 1 < src.length) {
        out += src[this.pos + 1]!;
        this.pos += 2;
      } else {
        out += ch;
        this.pos++;
      }
    }
    this.pos++;
    return out;
  }
}

/** Substitutes variables and removes quotes, as Docker does for one word (ProcessWord). */
export function expand(value: string, vars: Vars, escape = '\\'): string {
  return new Lexer(value, vars, escape).run(false)[0] ?? '';
}

/** Like {@link expand}, then splits on unquoted blanks (ProcessWords: EXPOSE, VOLUME, USER...). */
export function expandWords(value: string, vars: Vars, escape = '\\'): string[] {
  return new Lexer(value, vars, escape).run(true);
}
