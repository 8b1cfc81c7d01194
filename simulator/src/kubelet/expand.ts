/**
 * Word expansion as a POSIX shell does it, for the simulated containers: quotes,
 * `$VAR`, `${VAR:-default}`, `$?`, `$((1 + 2))`, `$(date)` and backquotes, then field
 * splitting of unquoted results.
 */

/** What expansion needs from the running shell. */
export interface Scope {
  vars: Record<string, string>;
  status: number;
  now: number;
  /** Runs a command substitution and returns its output. */
  capture(script: string): string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date` in the C locale, UTC: `Mon Jan  1 00:00:05 UTC 2024` (busybox and coreutils agree). */
export function formatDate(ms: number, _gnu = false): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Expands raw words into fields (split: unquoted results split on blanks, as for arguments). */
export function expandWords(words: readonly string[], scope: Scope, split: boolean): string[] {
  const fields: string[] = [];
  for (const word of words) {
    let current = '';
    let started = false;
    const literal = (text: string) => {
      current += text;
      started = true;
    };
    const unquoted = (text: string) => {
      if (!split) return literal(text);
      const parts = text.split(/[ \t\n]+/);
      parts.forEach((part, index) => {
        if (index > 0 && started) {
          fields.push(current);
          current = '';
          started = false;
        }
        if (part !== '') literal(part);
      });
    };
    let i = 0;
    while (i < word.length) {
      const char = word[i]!;
      if (char === "'") {
        const end = word.indexOf("'", i + 1);
        literal(word.slice(i + 1, end === -1 ? word.length : end));
        i = end === -1 ? word.length : end + 1;
      } else if (char === '"') {
        let text = '';
        i++;
        while (i < word.length && word[i] !== '"') {
          if (word[i] === '\\' && '$`"\\'.includes(word[i + 1] ?? '')) {
            text += word[i + 1];
            i += 2;
          } else if (word[i] === '$' || word[i] === '`') {
            const [value, next] = expansion(word, i, scope);
            text += value;
            i = next;
          } else text += word[i++];
        }
        literal(text);
        i++;
      } else if (char === '\\') {
        literal(word[i + 1] ?? '');
        i += 2;
      } else if (char === '$' || char === '`') {
        const [value, next] = expansion(word, i, scope);
        unquoted(value);
        i = next;
      } else {
        literal(char);
        i++;
      }
    }
    if (started || !split) fields.push(current);
  }
  return fields;
}

/** One `$...` or backquote expansion starting at `i`: its value and where the word continues. */
function expansion(word: string, i: number, scope: Scope): [string, number] {
  if (word[i] === '`') {
    const end = word.indexOf('`', i + 1);
    return [scope.capture(word.slice(i + 1, end === -1 ? word.length : end)), end === -1 ? word.length : end + 1];
  }
  const next = word[i + 1];
  if (next === '(' && word[i + 2] === '(') {
    const end = word.indexOf('))', i + 3);
    const close = end === -1 ? word.length : end;
    return [String(arithmetic(word.slice(i + 3, close), scope)), close + 2];
  }
  if (next === '(') {
    let depth = 0;
    let end = i + 1;
    for (; end < word.length; end++) {
      if (word[end] === '(') depth++;
      else if (word[end] === ')' && --depth === 0) break;
    }
    return [scope.capture(word.slice(i + 2, end)).replace(/\n+$/, ''), end + 1];
  }
  if (next === '{') {
    const end = word.indexOf('}', i + 2);
    const body = word.slice(i + 2, end === -1 ? word.length : end);
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-=+])?(.*)$/.exec(body);
    const value = match ? scope.vars[match[1]!] : undefined;
    let result = value ?? '';
    if (match?.[2]) {
      const empty = match[2].startsWith(':') ? !value : value === undefined;
      if (match[2].endsWith('+')) result = empty ? '' : match[3]!;
      else if (empty) result = match[3]!;
    }
    return [result, end === -1 ? word.length : end + 1];
  }
  if (next === '?') return [String(scope.status), i + 2];
  if (next === '$') return ['1', i + 2];
  if (next === '#') return ['0', i + 2];
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i + 1))?.[0];
  if (!name) return ['$', i + 1];
  return [scope.vars[name] ?? '', i + 1 + name.length];
}

/** `$(( ))`: integers, variables, + - * / % and parentheses. */
function arithmetic(expression: string, scope: Scope): number {
  const tokens = expression.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*|[-+*/%()]/g) ?? [];
  let position = 0;
  const primary = (): number => {
    const token = tokens[position++];
    if (token === '(') {
      const value = sum();
      position++;
      return value;
    }
    if (token === '-') return -primary();
    if (token === undefined) return 0;
    if (/^\d+$/.test(token)) return Number(token);
    return Number.parseInt(scope.vars[token.replace(/^\$/, '')] ?? '0', 10) || 0;
  };
  const product = (): number => {
    let value = primary();
    while (tokens[position] === '*' || tokens[position] === '/' || tokens[position] === '%') {
      const op = tokens[position++];
      const right = primary();
      value = op === '*' ? value * right : right === 0 ? 0 : op === '/' ? Math.trunc(value / right) : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (tokens[position] === '+' || tokens[position] === '-') value = tokens[position++] === '+' ? value + product() : value - product();
    return value;
  };
  return sum();
}
