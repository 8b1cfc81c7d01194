/**
 * Label selectors: their syntax (ValidateLabelSelector, apimachinery meta/v1/validation),
 * what they match (LabelSelectorAsSelector), and the controllers' own rules: the
 * selector must match the template's labels, must not be empty, and cannot change.
 */
import { forbidden, invalid, required, type Finding } from '../finding';
import type { KubeObject } from '../rule';
import { asArray, asString, child, goLabelSelector, goStringMap, invalidGo, isRecord, stringMap, type Path } from './common';
import { isQualifiedName, isValidLabelValue } from './formats';
import { validateLabels } from './labels';

const OPERATOR_FR = "L'opérateur d'une matchExpression est In, NotIn, Exists ou DoesNotExist (avec cette casse).";

function validateRequirement(requirement: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  const operator = asString(child(requirement, 'operator')) ?? '';
  const values = asArray(child(requirement, 'values'));
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0) {
      findings.push(
        required(
          { code: 'selector-values-required', path: [...path, 'values'], fr: `Avec l'opérateur ${operator}, donne au moins une valeur dans \`values\`.` },
          "must be specified when `operator` is 'In' or 'NotIn'",
        ),
      );
    }
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) {
      findings.push(
        forbidden(
          { code: 'selector-values-forbidden', path: [...path, 'values'], fr: `Avec l'opérateur ${operator}, on ne teste que la présence de la clé : retire \`values\`.` },
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        ),
      );
    }
  } else {
    findings.push(invalid({ code: 'selector-operator-invalid', path: [...path, 'operator'], fr: OPERATOR_FR }, operator, 'not a valid selector operator'));
  }
  const key = asString(child(requirement, 'key')) ?? '';
  for (const message of isQualifiedName(key)) {
    findings.push(invalid({ code: 'label-invalid', path: [...path, 'key'], fr: "La clé d'une matchExpression est une clé de label ([préfixe/]nom)." }, key, message));
  }
  values.forEach((value, index) => {
    const text = String(value);
    for (const message of isValidLabelValue(text)) {
      findings.push(invalid({ code: 'label-invalid', path: [...path, 'values', index], fr: 'Chaque valeur doit être une valeur de label valide.' }, text, message));
    }
  });
  return findings;
}

/** ValidateLabelSelector: matchLabels as labels, each matchExpression well formed. */
export function validateLabelSelector(selector: unknown, path: Path): Finding[] {
  if (!isRecord(selector)) return [];
  const findings = validateLabels(stringMap(selector.matchLabels), [...path, 'matchLabels']);
  asArray(selector.matchExpressions).forEach((requirement, index) => findings.push(...validateRequirement(requirement, [...path, 'matchExpressions', index])));
  return findings;
}

/** True when the selector selects nothing in particular: `{}` (labels.Everything). */
export function isEmptySelector(selector: unknown): boolean {
  return Object.keys(stringMap(child(selector, 'matchLabels')) ?? {}).length === 0 && asArray(child(selector, 'matchExpressions')).length === 0;
}

/** labels.Selector.Matches for a LabelSelector: every matchLabel and every expression must hold. */
export function selectorMatches(selector: unknown, labels: Record<string, string> | undefined): boolean {
  if (!isRecord(selector)) return false;
  const set = labels ?? {};
  const has = (key: string) => Object.hasOwn(set, key);
  for (const [key, value] of Object.entries(stringMap(selector.matchLabels) ?? {})) if (!has(key) || set[key] !== value) return false;
  for (const requirement of asArray(selector.matchExpressions)) {
    const key = asString(child(requirement, 'key')) ?? '';
    const values = asArray(child(requirement, 'values')).map(String);
    const operator = asString(child(requirement, 'operator'));
    if (operator === 'In' && !(has(key) && values.includes(set[key]!))) return false;
    if (operator === 'NotIn' && has(key) && values.includes(set[key]!)) return false;
    if (operator === 'Exists' && !has(key)) return false;
    if (operator === 'DoesNotExist' && has(key)) return false;
  }
  return true;
}

const MISMATCH_FR =
  "Le selector ne sélectionne pas les Pods que ce modèle va créer : chaque label de `selector.matchLabels` doit figurer, avec la même valeur, dans `template.metadata.labels`. Sinon le contrôleur créerait des Pods qu'il ne reconnaîtrait pas comme les siens.";

/** The `selector` does not match template `labels` finding, at `labelsPath`. */
export function selectorMismatch(labels: Record<string, string> | undefined, labelsPath: Path): Finding {
  return invalidGo({ code: 'selector-mismatch', path: labelsPath, fr: MISMATCH_FR }, goStringMap(labels), '`selector` does not match template `labels`');
}

/** `empty selector is invalid for deployment`: the value printed is the selector itself. */
export function emptySelector(selector: unknown, path: Path, what: string): Finding {
  return invalidGo(
    { code: 'selector-empty', path, fr: `Un selector vide sélectionnerait tous les Pods du namespace : donne au moins un label dans \`matchLabels\`.` },
    goLabelSelector(selector),
    `empty selector is invalid for ${what}`,
  );
}

function requirementKey(requirement: unknown): string {
  const values = asArray(child(requirement, 'values')).map(String);
  return JSON.stringify([asString(child(requirement, 'key')) ?? '', asString(child(requirement, 'operator')) ?? '', values]);
}

/** apiequality.Semantic.DeepEqual for two selectors: nil and empty compare equal. */
export function sameSelector(a: unknown, b: unknown): boolean {
  const labelsA = Object.entries(stringMap(child(a, 'matchLabels')) ?? {}).sort().join('\n');
  const labelsB = Object.entries(stringMap(child(b, 'matchLabels')) ?? {}).sort().join('\n');
  const exprA = asArray(child(a, 'matchExpressions')).map(requirementKey).join('\n');
  const exprB = asArray(child(b, 'matchExpressions')).map(requirementKey).join('\n');
  return labelsA === labelsB && exprA === exprB && isRecord(a) === isRecord(b);
}

/** ValidateImmutableField on spec.selector: `field is immutable`, printing the new selector. */
export function immutableSelector(object: KubeObject, old: KubeObject | undefined): Finding[] {
  if (!old) return [];
  const selector = child(object.spec, 'selector');
  const previous = child(old.spec, 'selector');
  if (sameSelector(selector, previous)) return [];
  return [
    invalidGo(
      {
        code: 'selector-immutable',
        path: ['spec', 'selector'],
        fr: "Le selector d'un contrôleur ne peut plus changer après sa création (il relie le contrôleur à ses Pods). Pour le modifier, supprime l'objet puis recrée-le.",
      },
      goLabelSelector(selector),
      'field is immutable',
    ),
  ];
}
