/**
 * The pieces of go-yaml v2 that decide how a scalar looks in kubectl's YAML: resolve()
 * (would this text read back as a bool, number, null or timestamp? then it must be
 * quoted), the emitter's scalar analysis (which styles the text allows), the float
 * format, and the key order of its map sorter (digit runs compare as numbers, other
 * non-letters sort before letters).
 */

const MAP_VALUES = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMPS = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?$/,
];
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64) / ParseUint, as a BigInt, or undefined on error. */
function parseGoInteger(text: string, unsigned: boolean): bigint | undefined {
  let s = text;
  let negative = false;
  if (!unsigned && (s.startsWith('+') || s.startsWith('-'))) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(s)) [digits, prefix, s] = [/^[0-9a-fA-F]+$/, '0x', s.slice(2)];
  else if (/^0[bB]/.test(s)) [digits, prefix, s] = [/^[01]+$/, '0b', s.slice(2)];
  else if (/^0[oO]/.test(s)) [digits, prefix, s] = [/^[0-7]+$/, '0o', s.slice(2)];
  else if (/^0[0-9]/.test(s)) [digits, prefix, s] = [/^[0-7]+$/, '0o', s.slice(1)];
  else digits = /^[0-9]+$/;
  if (!digits.test(s)) return undefined;
  let value = BigInt(`${prefix}${s}`);
  if (negative) value = -value;
  if (unsigned) return value <= UINT64_MAX ? value : undefined;
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

/**
 * True when go-yaml's resolve() gives this unquoted text a non-string tag (or it is a
 * base-60 float), so its encoder asks for double quotes: `"80"`, `"true"`, `"yes"`, `""`,
 * `"1.5"`, `"0x1F"`, `"2024-01-01T00:00:00Z"`, `"1:30"`.
 */
export function isTextResolvingToNonString(text: string): boolean {
  if (BASE60_FLOAT.test(text)) return true;
  const first = text[0];
  const hint = text === '' ? 'N' : first === '+' || first === '-' ? 'S' : /[0-9]/.test(first!) ? 'D' : 'yYnNtTfFoO~'.includes(first!) ? 'M' : first === '.' ? '.' : '';
  if (hint === '') return false;
  if (MAP_VALUES.has(text)) return true;
  if (hint === '.') return YAML_STYLE_FLOAT.test(text);
  if (hint === 'D' || hint === 'S') {
    if (TIMESTAMPS.some((pattern) => pattern.test(text))) return true;
    const plain = text.replace(/_/g, '');
    if (parseGoInteger(plain, false) !== undefined || parseGoInteger(plain, true) !== undefined) return true;
    if (YAML_STYLE_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

const isLetter = (c: string): boolean => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(c);
};
const ALPHA = /^[A-Za-z]*$/;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** go-yaml v2's keyList.Less for string keys: digit runs compare as numbers, non-letters first. */
export function goKeyLess(a: string, b: string): boolean {
  // Letters only (most API field names): the natural order is the plain one.
  if (ALPHA.test(a) && ALPHA.test(b)) return a < b;
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai]!.charCodeAt(0) - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi]!.charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

export const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankOrEnd = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || isBreak(c) || c === '\0';

/** go-yaml's is_printable, by code point. */
export function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** yaml_emitter_analyze_scalar (flow context never occurs in kubectl's output). */
const SIMPLE = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;

export function analyzeScalar(value: string): ScalarAnalysis {
  // Fast path for names, images, versions: no indicator, space or break can occur.
  if (SIMPLE.test(value)) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  const chars = Array.from(value);
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const followedByWhitespace = i + 1 >= chars.length || chars[i + 1] === ' ' || chars[i + 1] === '\t';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || special) blockPlainAllowed = singleQuotedAllowed = blockAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/** A JSON number as go-yaml prints what it decoded: integers whole, floats with strconv 'g'. */
export function goYamlNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  // strconv.FormatFloat(f, 'g', -1, 64): %e when the exponent is < -4 or >= 6.
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

