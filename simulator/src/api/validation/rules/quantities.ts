/**
 * Every resource.Quantity of the object must parse: the API server's JSON decoder calls
 * Quantity.UnmarshalJSON, and a bad quantity makes the whole request a 400 BadRequest
 * (`Pod in version "v1" cannot be handled as a Pod: unable to parse quantity's suffix`).
 */
import { decodeFinding, formatField, type Finding, type PathSegment } from '../finding';
import type { ValidationRule } from '../rule';
import { parseQuantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from '../../quantity';
import { walkSchemaFor, type WalkTarget } from './targeted';

function explain(value: string | number, error: string): string {
  const shown = `« ${String(value)} »`;
  if (error === QUANTITY_SUFFIX_ERROR) {
    return `${shown} n'a pas un suffixe d'unité connu. Suffixes permis : m (milli), k, M, G, T, P, E (puissances de 10) et Ki, Mi, Gi, Ti, Pi, Ei (puissances de 2), avec cette casse : « 128Mi », « 500m », « 1G ».`;
  }
  if (error === QUANTITY_FORMAT_ERROR) {
    return `${shown} n'est pas une quantité Kubernetes : un nombre suivi éventuellement d'une unité, sans espace (« 250m », « 1.5 », « 512Mi », « 2Gi »). « MB », « Go » ou « mb » ne sont pas reconnus.`;
  }
  return `${shown} n'est pas une quantité lisible.`;
}

/**
 * Defaulting copies a limit into an absent request: the decoder saw that bad quantity
 * once, under limits, and stopped there.
 */
function copiedFromLimit(object: unknown, path: readonly PathSegment[], value: string | number): boolean {
  if (path[path.length - 2] !== 'requests') return false;
  let limits: unknown = object;
  for (const segment of [...path.slice(0, -2), 'limits', path[path.length - 1]!]) {
    limits = limits !== null && typeof limits === 'object' ? (limits as Record<string | number, unknown>)[segment] : undefined;
  }
  return limits === value;
}

const QUANTITY = 'api.resource.Quantity';

/** The places typed api.resource.Quantity. */
export const QUANTITIES: WalkTarget = { wants: (_owner, _property, type) => type === QUANTITY };

/** Mirrors resource.ParseQuantity on every field typed api.resource.Quantity (a decode error). */
export const quantitiesRule: ValidationRule = {
  id: 'quantities',
  kinds: '*',
  check(object, context) {
    const findings: Finding[] = [];
    walkSchemaFor(context.info.definition, object, QUANTITIES, ({ path, value, type, element }) => {
      if (type !== QUANTITY || (typeof value !== 'string' && typeof value !== 'number')) return;
      const result = parseQuantity(value);
      if (result.ok || copiedFromLimit(object, path, value)) return;
      // Quantities live in maps (requests.cpu): the field prints the key in brackets.
      const mapKeys = element ? new Set([path.length - 1]) : new Set<number>();
      findings.push(decodeFinding({ code: 'quantity-invalid', path, field: formatField(path, mapKeys), fr: explain(value, result.error) }, 'FieldValueInvalid', result.error));
    });
    return findings;
  },
};
