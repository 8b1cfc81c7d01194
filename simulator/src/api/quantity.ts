/**
 * resource.Quantity, as apimachinery parses and prints it (v1.30): `500m`, `128Mi`,
 * `1.5Gi`, `1e3`, plain numbers. A parsed quantity keeps its exact value in nano-units
 * (10^-9, rounded up in magnitude like Quantity does), so requests, limits and capacities
 * compare exactly; `formatQuantity` gives Quantity.String()'s canonical form. The API
 * validation, the scheduler and the kubelet share this one parser.
 */

// Mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go: the three decode errors.
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value times 10^9, rounded up in magnitude to a whole nano-unit. */
  nanos: bigint;
  /** How Quantity.String() prints it: decimal suffixes, binary suffixes, or `e` exponents. */
  format: QuantityFormat;
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string };

const NANO = 10n ** 9n;
const MAX_INT64 = 2n ** 63n - 1n;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';

interface Parts {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** Mirrors parseQuantityString: sign, numerator, denominator, then the suffix. */
function splitQuantity(str: string): Parts | undefined {
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (str[pos] === '0') pos++;
  let start = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(start, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    start = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) return undefined;
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

/** Mirrors suffixHandler.interpret: the base, the exponent and the format a suffix means. */
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix]!, format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) <= 2 ** 31) return { base: 10, exponent, format: 'DecimalExponent' };
  }
  return undefined;
}

/** Ceiling of a / b for non-negative a and positive b. */
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/**
 * resource.ParseQuantity (after Quantity.UnmarshalJSON trims the text). Numbers from
 * YAML are read as the JSON number kubectl sends.
 */
export function parseQuantity(input: string | number): QuantityResult {
  // Defensive: stored objects may hold what the types do not promise (a null from YAML).
  if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const str = (typeof input === 'number' ? String(input) : input).trim();
  if (str === '') return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const parts = splitQuantity(str);
  if (!parts) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const meaning = interpretSuffix(parts.suffix);
  if (!meaning) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  const digits = BigInt(parts.num + parts.denom);
  let magnitude: bigint;
  if (meaning.base === 10) {
    const shift = meaning.exponent + 9 - parts.denom.length;
    magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : ceilDiv(digits, 10n ** BigInt(-shift));
  } else {
    magnitude = ceilDiv(digits * 2n ** BigInt(meaning.exponent) * NANO, 10n ** BigInt(parts.denom.length));
  }
  let format = meaning.format;
  if (format === 'BinarySI') {
    // The max is a simple cap, and a binary value below one prints in decimal.
    if (magnitude > MAX_INT64 * NANO) magnitude = MAX_INT64 * NANO;
    if (magnitude > 0n && magnitude < NANO) format = 'DecimalSI';
  }
  return { ok: true, quantity: { nanos: parts.negative ? -magnitude : magnitude, format } };
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Rounds nano-units up (towards +infinity) to a multiple of `unit`, like ScaledValue. */
function scaledValue(nanos: bigint, unit: bigint): bigint {
  const quotient = nanos / unit;
  return nanos % unit > 0n ? quotient + 1n : quotient;
}

/** Quantity.MilliValue(): the value in thousandths, rounded up (`1.5` -> 1500, `1n` -> 1). */
export function milliValue(quantity: Quantity): bigint {
  return scaledValue(quantity.nanos, 10n ** 6n);
}

/** Quantity.Value(): the value rounded up to a whole unit (`500m` -> 1). */
export function integerValue(quantity: Quantity): bigint {
  return scaledValue(quantity.nanos, NANO);
}

/** Removes factors of `base` from `value`: 1500000 in base 10 -> [15, 5]. */
function removeFactors(value: bigint, base: bigint): [bigint, number] {
  let times = 0;
  while (value !== 0n && value % base === 0n) {
    value /= base;
    times++;
  }
  return [value, times];
}

function decimalSuffix(exponent: number, format: QuantityFormat): string {
  if (format === 'DecimalExponent') return exponent === 0 ? '' : `e${exponent}`;
  return Object.entries(DECIMAL_SUFFIXES).find(([, value]) => value === exponent)?.[0] ?? `e${exponent}`;
}

/** AsCanonicalBytes: trailing zeros go to the exponent, which becomes a multiple of three. */
function formatDecimal(nanos: bigint, format: QuantityFormat): string {
  const negative = nanos < 0n;
  let [mantissa, exponent] = removeFactors(negative ? -nanos : nanos, 10n);
  exponent -= 9;
  const adjust = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(adjust);
  exponent -= adjust;
  // Past exa, decimal SI has no suffix: keep the mantissa whole.
  if (format === 'DecimalSI' && exponent > 18) {
    mantissa *= 10n ** BigInt(exponent - 18);
    exponent = 18;
  }
  return `${negative ? '-' : ''}${mantissa}${decimalSuffix(exponent, format)}`;
}

/**
 * Quantity.String(): the canonical form (`1536Mi` for `1.5Gi`, `1` for `1000m`, `500m`
 * for `0.5`). Binary quantities below 1024 or with fractions print in decimal.
 */
export function formatQuantity(quantity: Quantity): string {
  if (quantity.nanos === 0n) return '0';
  if (quantity.format === 'BinarySI') {
    const absolute = quantity.nanos < 0n ? -quantity.nanos : quantity.nanos;
    if (absolute >= 1024n * NANO && absolute % NANO === 0n) {
      const [mantissa, exponent] = removeFactors(absolute / NANO, 1024n);
      const suffix = exponent === 0 ? '' : Object.keys(BINARY_SUFFIXES)[Math.min(exponent, 6) - 1]!;
      const scaled = exponent > 6 ? mantissa * 1024n ** BigInt(exponent - 6) : mantissa;
      return `${quantity.nanos < 0n ? '-' : ''}${scaled}${suffix}`;
    }
    return formatDecimal(quantity.nanos, 'DecimalSI');
  }
  return formatDecimal(quantity.nanos, quantity.format);
}

/**
 * Parses and prints in one step; the input back when it does not parse. A null or absent
 * value is Go's zero Quantity (what Quantity.UnmarshalJSON makes of `null`): `0`.
 */
export function canonicalQuantity(input: unknown): string {
  if (input === null || input === undefined) return '0';
  if (typeof input !== 'string' && typeof input !== 'number') return '';
  const result = parseQuantity(input);
  return result.ok ? formatQuantity(result.quantity) : String(input);
}
