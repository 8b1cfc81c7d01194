/**
 * Schema validation with ajv: one validator per definition, compiled the first time a
 * kind is validated and cached. ajv's errors are turned into what kube-apiserver says
 * for the same mistake: strict field validation for unknown fields (`unknown field
 * "spec.replica"`), the JSON decoder's text for wrong types, `Required value` for
 * missing required properties.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { SCHEMA_BUNDLE, goTypeName, schemaAtPath, type SchemaNode } from '../schemas';
import { decodeFinding, formatField, required, type Finding, type PathSegment } from './finding';

import ajvSettings from '../generated/ajv-options.json';
import precompiled from '../generated/validators.js';

const BUNDLE_ID = 'k8s';

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function engine(): Ajv {
  if (!ajv) {
    // The same options as the precompiled validators (written by the generator), plus no
    // code optimisation: run-time compiling stays cheap for the rarely used definitions.
    ajv = new Ajv({ ...ajvSettings.options, code: { optimize: false } });
    ajv.addVocabulary(ajvSettings.keywords);
    ajv.addSchema(SCHEMA_BUNDLE, BUNDLE_ID);
  }
  return ajv;
}

/**
 * The validator of a definition: ajv's precompiled code for top-level kinds, else compiled
 * by ajv on first use; cached either way.
 */
export function validatorFor(definitionName: string): ValidateFunction {
  let validate = validators.get(definitionName);
  if (!validate) {
    validate = precompiled[definitionName.replace(/\./g, '_')] ?? engine().getSchema(`${BUNDLE_ID}#/definitions/${definitionName}`);
    if (!validate) throw new Error(`no schema definition ${definitionName}`);
    validators.set(definitionName, validate);
  }
  return validate;
}

/** Compiles `definitionName` with ajv at run time, bypassing the precompiled code (tests, benchmarks). */
export function compileAtRunTime(definitionName: string): ValidateFunction {
  const validate = engine().getSchema(`${BUNDLE_ID}#/definitions/${definitionName}`);
  if (!validate) throw new Error(`no schema definition ${definitionName}`);
  return validate;
}

/** True when the validator of this definition is already compiled (for benchmarks). */
export function isCompiled(definitionName: string): boolean {
  return validators.has(definitionName);
}

/**
 * A copy of `value` without null members: kubectl drops nulls from what it sends (a null
 * means "remove" in a patch) and Go's decoder leaves a null field at its zero value.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = withoutNulls(item);
    return out;
  }
  return value;
}

/** True when a null sits anywhere inside `value` (then `withoutNulls` would change it). */
export function holdsNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsNull(value[i])) return true;
    return false;
  }
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && holdsNull((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** `withoutNulls`, without copying the (usual) value that holds no null. */
export function nullsDropped(value: unknown): unknown {
  return holdsNull(value) ? withoutNulls(value) : value;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Go's name for the JSON type of a value, as encoding/json prints it. */
function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'number' : `number ${value}`;
  return typeof value;
}

const FRENCH_TYPES: Record<string, string> = {
  integer: 'un nombre entier',
  number: 'un nombre',
  string: 'un texte (une chaîne)',
  boolean: 'un booléen (true ou false)',
  array: 'une liste (des éléments commençant par « - »)',
  object: 'un objet (des clés indentées en dessous)',
};

function frenchType(node: SchemaNode | undefined): string {
  if (!node) return 'une autre valeur';
  if (node['x-kubernetes-int-or-string']) return 'un nombre entier ou un texte';
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object') {
    return 'une table de clés et de valeurs texte';
  }
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  return FRENCH_TYPES[type ?? 'object'] ?? 'une autre valeur';
}

function frenchValueType(value: unknown): string {
  if (Array.isArray(value)) return 'une liste';
  if (value !== null && typeof value === 'object') return 'un objet';
  if (typeof value === 'string') return 'un texte';
  if (typeof value === 'number') return Number.isInteger(value) ? 'un nombre entier' : 'un nombre à virgule';
  if (typeof value === 'boolean') return 'un booléen';
  return 'une valeur vide';
}

/** Suggests the closest property name when the distance is small enough to be a typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const exactCase = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (exactCase) return exactCase;
  const best = closest(word, candidates);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function convert(root: string, error: ErrorObject, object: unknown): Finding | undefined {
  const path = pointerToPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const property = (error.params as { additionalProperty: string }).additionalProperty;
    const location = schemaAtPath(root, path);
    const full = [...path, property];
    const suggestion = didYouMean(property, Object.keys(location.node?.properties ?? {}));
    const where = location.definition ? ` dans ${location.definition.split('.').pop()}` : '';
    const hint = suggestion ? ` Voulais-tu dire « ${suggestion} » ?` : '';
    return decodeFinding(
      { code: 'unknown-field', path: full, fr: `Le champ « ${property} » n'existe pas${where} : l'API Server refuse les champs inconnus.${hint}` },
      'FieldValueUnknown',
      `unknown field ${JSON.stringify(formatField(full))}`,
    );
  }
  if (error.keyword === 'required') {
    const property = (error.params as { missingProperty: string }).missingProperty;
    return required({ code: 'required-field', path: [...path, property], fr: `Le champ « ${property} » est obligatoire ici et il manque.` });
  }
  if (error.keyword === 'type') {
    const location = schemaAtPath(root, path);
    const value = valueAt(object, path);
    const goPath = goFieldPath(root, path);
    const owner = location.owner?.split('.').pop() ?? root.split('.').pop();
    const expected = frenchType(location.node);
    const last = path[path.length - 1];
    return decodeFinding(
      {
        code: 'wrong-type',
        path,
        fr: `« ${String(last ?? root)} » attend ${expected}, mais reçoit ${frenchValueType(value)}.`,
      },
      'FieldValueTypeInvalid',
      // Mirrors encoding/json's UnmarshalTypeError (Go 1.22): the struct that owns the field,
      // then the field's path from the root, then the Go type it decodes into.
      `json: cannot unmarshal ${jsonTypeName(value)} into Go struct field ${owner}.${goPath} of type ${goTypeName(location.node)}`,
    );
  }
  return undefined;
}

/** encoding/json's field path: struct field names only, no list indexes, no map keys. */
function goFieldPath(root: string, path: readonly PathSegment[]): string {
  const names: string[] = [];
  path.forEach((segment, index) => {
    if (typeof segment === 'number') return;
    if (schemaAtPath(root, path.slice(0, index + 1)).mapKey) return;
    names.push(segment);
  });
  return names.join('.');
}

function valueAt(object: unknown, path: readonly PathSegment[]): unknown {
  let current = object;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Validates `object` against definition `root`. Returns decode findings (unknown fields,
 * wrong types) and `Required value` findings, in document order of their paths.
 */
export function validateSchema(root: string, object: unknown): Finding[] {
  return validateWithoutNulls(root, nullsDropped(object));
}

/** `validateSchema` of a value that holds no null (validateObject drops them once for all its checks). */
export function validateWithoutNulls(root: string, clean: unknown): Finding[] {
  const validate = validatorFor(root);
  if (validate(clean)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // Errors under `anyOf` branches repeat their parent's; keep one finding per message.
    const finding = convert(root, error, clean);
    if (!finding || seen.has(finding.message)) continue;
    seen.add(finding.message);
    findings.push(finding);
  }
  return findings;
}
