/**
 * PromQL's tokens (promql/parser/lex.go): numbers (`1`, `1.5e3`, `0x1f`, `Inf`, `NaN`),
 * durations (`5m`, `1h30m`), identifiers and metric names (colons allowed), strings in
 * double, single or back quotes, operators and brackets. Comments (`# ...`) are skipped.
 */
import { PromQLError } from './ast';

export type TokenKind = 'number' | 'duration' | 'identifier' | 'string' | 'op' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offset in the input (0-based). */
  at: number;
}

const DURATION = /^(?:\d+(?:ms|[smhdwy]))+/;
const NUMBER = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;
const IDENTIFIER = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const OPERATORS = ['==', '!=', '>=', '<=', '=~', '!~', '+', '-', '*', '/', '%', '^', '>', '<', '=', '(', ')', '{', '}', '[', ']', ',', ':', '@'];

/** `line:column` of an offset, as the parser's error positions are written (1-based). */
export function position(input: string, at: number): string {
  const before = input.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}`;
}

/** A parse error at `at`: `1:5: parse error: ...`. */
export const parseError = (input: string, at: number, message: string): PromQLError => new PromQLError(`${position(input, at)}: parse error: ${message}`);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < input.length) {
    const char = input[at]!;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === '#') {
      while (at < input.length && input[at] !== '\n') at++;
      continue;
    }
    const rest = input.slice(at);
    if (char === '"' || char === "'" || char === '`') {
      let end = at + 1;
      while (end < input.length && input[end] !== char) {
        if (input[end] === '\\' && char !== '`') end++;
        end++;
      }
      if (end >= input.length) throw parseError(input, at, 'unterminated quoted string');
      tokens.push({ kind: 'string', text: input.slice(at, end + 1), at });
      at = end + 1;
      continue;
    }
    const duration = DURATION.exec(rest);
    if (duration && !/^[a-zA-Z0-9_:.]/.test(rest.slice(duration[0].length))) {
      tokens.push({ kind: 'duration', text: duration[0], at });
      at += duration[0].length;
      continue;
    }
    const number = /^[0-9.]/.test(char) ? NUMBER.exec(rest) : null;
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at });
      at += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      tokens.push({ kind: 'identifier', text: identifier[0], at });
      at += identifier[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op || op === '!') throw parseError(input, at, `unexpected character: '${char}'`);
    tokens.push({ kind: 'op', text: op, at });
    at += op.length;
  }
  tokens.push({ kind: 'end', text: '', at: input.length });
  return tokens;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** A PromQL duration (`1h30m`) in milliseconds, or undefined when it is not one. */
export function durationMs(text: string): number | undefined {
  if (!/^(?:\d+(?:ms|[smhdwy]))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|[smhdwy])/g)) total += Number(amount) * UNITS[unit!]!;
  return total;
}

/** The value of a string token (Go's strconv.Unquote; back quotes are raw). */
export function unquote(text: string): string {
  const body = text.slice(1, -1);
  if (text.startsWith('`')) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    if (escape.startsWith('u') || escape.startsWith('x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" } as Record<string, string>)[escape] ?? `\\${escape}`;
  });
}
