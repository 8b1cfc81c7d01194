/**
 * What validation finds, in the shape kube-apiserver reports it: a field path, a cause
 * type and the exact English message (apimachinery `field.Error`), with a French
 * explanation beside it for learners (never instead of it).
 */

/** The `type` of a metav1.StatusCause, as field.ErrorType names it. */
export type CauseType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid'
  | 'FieldValueUnknown';

/**
 * `decode`: the request body cannot even be decoded into the kind's Go type (unknown
 * field under strict field validation, wrong JSON type): a 400 BadRequest.
 * `validate`: the object decodes but the API server's validation rejects it: a 422 Invalid.
 */
export type Phase = 'decode' | 'validate';

export type PathSegment = string | number;

export interface Finding {
  /** Stable identifier, e.g. `unknown-field`, `selector-mismatch`. */
  code: string;
  phase: Phase;
  /** Where in the object, as keys and indexes: ['spec', 'template', 'spec', 'containers', 0]. */
  path: readonly PathSegment[];
  /** The field as the API server prints it: `spec.template.spec.containers[0].image`. */
  field: string;
  causeType: CauseType;
  /** The exact English text kube-apiserver returns for this cause. */
  message: string;
  /** A French explanation for learners. */
  fr: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats a path the way apimachinery's field.Path does: `.name` for struct fields,
 * `[0]` for list indexes, `[key]` for map keys (pass `mapKeys` with the indexes of
 * segments that are map keys).
 */
export function formatField(path: readonly PathSegment[], mapKeys: ReadonlySet<number> = new Set()): string {
  let out = '';
  path.forEach((segment, index) => {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (mapKeys.has(index) || (!IDENTIFIER.test(segment) && index > 0)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  });
  return out;
}

/** Go's `%q` for a string: double quotes, with backslash escapes. */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}

/**
 * Go's `%#v` rendering of a decoded JSON value, as field.Error prints a bad value that is
 * neither a string nor a number: `map[string]string{"app":"web"}`, `[]string{"a"}`.
 */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const allStrings = value.every((item) => typeof item === 'string');
    const inner = value.map(goValue).join(', ');
    return allStrings ? `[]string{${inner}}` : `[]interface {}{${inner}}`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  // Go prints map keys sorted.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const allStrings = entries.every(([, v]) => typeof v === 'string');
  const inner = entries.map(([k, v]) => `${goQuote(k)}:${goValue(v)}`).join(', ');
  return allStrings ? `map[string]string{${inner}}` : `map[string]interface {}{${inner}}`;
}

/** How field.Error.ErrorBody prints a bad value: numbers and booleans bare, strings quoted. */
function valueBody(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return goQuote(value);
  return goValue(value);
}

interface Base {
  code: string;
  path: readonly PathSegment[];
  fr: string;
  /** Overrides the printed field (map keys). */
  field?: string;
}

function make(base: Base, causeType: CauseType, body: string, phase: Phase = 'validate'): Finding {
  const field = base.field ?? formatField(base.path);
  return { code: base.code, phase, path: base.path, field, causeType, message: `${field}: ${body}`, fr: base.fr };
}

// The constructors below mirror apimachinery/pkg/util/validation/field/errors.go (v1.30):
// each prints `<field>: <type string>[: <value>][: <detail>]`.

/** field.Required: `spec.containers[0].image: Required value`. */
export function required(base: Base, detail = ''): Finding {
  return make(base, 'FieldValueRequired', detail === '' ? 'Required value' : `Required value: ${detail}`);
}

/** field.Invalid: `metadata.name: Invalid value: "Web": a lowercase RFC 1123 ...`. */
export function invalid(base: Base, value: unknown, detail: string): Finding {
  return make(base, 'FieldValueInvalid', `Invalid value: ${valueBody(value)}${detail === '' ? '' : `: ${detail}`}`);
}

/** field.NotSupported: `Unsupported value: "Sometimes": supported values: "Always", "Never"`. */
export function notSupported(base: Base, value: unknown, supported: readonly string[]): Finding {
  const list = supported.map(goQuote).join(', ');
  return make(base, 'FieldValueNotSupported', `Unsupported value: ${valueBody(value)}${list === '' ? '' : `: supported values: ${list}`}`);
}

/** field.Duplicate: `spec.containers[1].name: Duplicate value: "web"`. */
export function duplicate(base: Base, value: unknown): Finding {
  return make(base, 'FieldValueDuplicate', `Duplicate value: ${valueBody(value)}`);
}

/** field.Forbidden: `spec.selector: Forbidden: ...`. */
export function forbidden(base: Base, detail: string): Finding {
  return make(base, 'FieldValueForbidden', `Forbidden: ${detail}`);
}

/** field.TooLong (v1.30): `metadata.annotations: Too long: must have at most 262144 bytes`. */
export function tooLong(base: Base, maxLength: number): Finding {
  return make(base, 'FieldValueTooLong', `Too long: must have at most ${maxLength} bytes`);
}

/** A strict-decoding finding (400 BadRequest): the message is the decoder's own text. */
export function decodeFinding(base: Base, causeType: CauseType, message: string): Finding {
  return { code: base.code, phase: 'decode', path: base.path, field: base.field ?? formatField(base.path), causeType, message, fr: base.fr };
}
