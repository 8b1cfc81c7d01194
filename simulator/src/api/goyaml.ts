/**
 * How kubectl reads the scalars of a manifest. kubectl v1.30 decodes YAML with
 * sigs.k8s.io/yaml, which parses with its go-yaml v2 fork: YAML 1.1 resolution, not 1.2.
 * So, unquoted: `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0400` is octal (256), `0x1F`
 * hex, `0b101` binary, `0o17` octal, underscores are dropped from numbers (`1_000` is
 * 1000), `1e3` is a float; `2024-01-01` stays a string (timestamps decoded into
 * interface{} are kept as text), and so does `1:30` (no base-60). Mirrors goyaml.v2
 * resolve(). Map keys are turned to text afterwards (`on:` becomes the key "true").
 *
 * The simulator's manifest reader and the language server both parse with these options,
 * so the editor and `kubectl apply` see the same values.
 */
import type { ScalarTag } from 'yaml';

const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity,
  '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};

// strconv.ParseInt(s, 0, 64) and ParseUint's syntax: a sign, then 0x, 0b, 0o, a leading 0 (octal), or decimal.
const GO_INTEGER = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// strconv.ParseFloat of a text starting with a dot (resolve's '.' hint).
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

/** The value of a Go integer literal (base prefix or leading 0 for octal). */
function goInteger(sign: string, digits: string): number {
  let value: number;
  if (/^0[xXbBoO]/.test(digits)) value = Number(digits.toLowerCase());
  else if (digits.length > 1 && digits.startsWith('0')) value = parseInt(digits.slice(1), 8);
  else value = Number(digits);
  return sign === '-' ? -value : value;
}

/**
 * goyaml.v2 resolve() for an unquoted scalar, as it reaches kubectl's JSON: null, a
 * boolean, a number, or the text itself.
 */
export function resolveGoYamlScalar(text: string): null | boolean | number | string {
  if (NULL.has(text)) return null;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  if (Object.hasOwn(SPECIAL_FLOATS, text)) return SPECIAL_FLOATS[text]!;
  const first = text[0]!;
  if (first === '.') return DOT_FLOAT.test(text) ? Number(text) : text;
  if (first !== '+' && first !== '-' && (first < '0' || first > '9')) return text;
  const plain = text.replace(/_/g, '');
  const integer = GO_INTEGER.exec(plain);
  if (integer) return goInteger(integer[1]!, integer[2]!);
  if (YAML_STYLE_FLOAT.test(plain)) return Number(plain);
  return text;
}

/** A RegExp whose test() is a predicate: the yaml library picks implicit tags with `test.test(text)`. */
class Predicate extends RegExp {
  constructor(private readonly holds: (text: string) => boolean) {
    super('(?:)');
  }

  override test(text: string): boolean {
    return this.holds(text);
  }
}

const kindOf = (text: string): string => {
  const value = resolveGoYamlScalar(text);
  return value === null ? 'null' : typeof value;
};

/** Implicit tags for the `yaml` library's failsafe schema: go-yaml v2's null, bool, int and float. */
export const GO_YAML_TAGS: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:null', default: true, test: new Predicate((text) => NULL.has(text)), resolve: () => null },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: new Predicate((text) => TRUE.has(text) || FALSE.has(text)), resolve: (text) => TRUE.has(text) },
  {
    tag: 'tag:yaml.org,2002:int',
    default: true,
    test: new Predicate((text) => kindOf(text) === 'number' && Number.isInteger(resolveGoYamlScalar(text))),
    resolve: (text) => resolveGoYamlScalar(text),
  },
  { tag: 'tag:yaml.org,2002:float', default: true, test: new Predicate((text) => kindOf(text) === 'number'), resolve: (text) => resolveGoYamlScalar(text) },
];

/** The `yaml` library options that read a document as kubectl does (spread them into parse options). */
export const GO_YAML_OPTIONS = { schema: 'failsafe', customTags: GO_YAML_TAGS, merge: true } as const;
