/**
 * Label keys and values, annotation keys and the 256 KiB annotation budget, on the
 * object and on its pod template. Mirrors ValidateLabels (apimachinery
 * meta/v1/validation) and ValidateAnnotations (apimachinery api/validation/objectmeta.go).
 */
import { invalid, tooLong, type Finding } from '../finding';
import type { ValidationRule } from '../rule';
import { stringMap, type Path } from './common';
import { byteLength, isQualifiedName, isValidLabelValue } from './formats';
import { at, podLocation } from './podspec';

const KEY_FR =
  "Une clé de label s'écrit [préfixe/]nom : le nom fait 63 caractères au plus (lettres, chiffres, « - », « _ », « . », commençant et finissant par une lettre ou un chiffre) ; le préfixe facultatif est un nom de domaine (example.com/).";
const VALUE_FR =
  "Une valeur de label fait 63 caractères au plus : vide, ou des lettres, chiffres, « - », « _ », « . », commençant et finissant par une lettre ou un chiffre. Pas d'espace ni de « / ». Mets entre guillemets les valeurs qui ressemblent à des nombres ou à des booléens.";
const ANNOTATION_KEY_FR =
  "Une clé d'annotation suit la même forme qu'une clé de label ([préfixe/]nom), mais les majuscules y sont permises. La valeur, elle, est libre.";

/** The API server's limit on the sum of annotation keys and values: 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/**
 * ValidateLabels: every key a qualified name, every value a label value. The errors
 * carry the map's path (`metadata.labels`), not the key, like upstream.
 */
export function validateLabels(labels: Record<string, string> | undefined, path: Path, code = 'label-invalid'): Finding[] {
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const message of isQualifiedName(key)) findings.push(invalid({ code, path, fr: KEY_FR }, key, message));
    for (const message of isValidLabelValue(value)) findings.push(invalid({ code, path, fr: VALUE_FR }, value, message));
  }
  return findings;
}

/** ValidateAnnotations: keys are qualified names (case ignored), and all of them fit in 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: Path): Finding[] {
  const findings: Finding[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    for (const message of isQualifiedName(key.toLowerCase())) {
      findings.push(invalid({ code: 'annotation-key-invalid', path, fr: ANNOTATION_KEY_FR }, key, message));
    }
    total += byteLength(key) + byteLength(value);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    findings.push(
      tooLong(
        { code: 'annotations-too-long', path, fr: `Les annotations (clés et valeurs réunies) dépassent 256 Kio (${total} octets) : elles servent aux métadonnées, pas à stocker des données. Range les gros contenus dans un ConfigMap.` },
        TOTAL_ANNOTATION_SIZE_LIMIT,
      ),
    );
  }
  return findings;
}

function validateMetadata(object: Record<string, unknown>, metadataPath: Path, fieldPath: Path): Finding[] {
  const metadata = at(object, metadataPath);
  return [
    ...validateLabels(stringMap(at({ metadata }, ['metadata', 'labels'])), [...fieldPath, 'labels']),
    ...validateAnnotations(stringMap(at({ metadata }, ['metadata', 'annotations'])), [...fieldPath, 'annotations']),
  ];
}

/** Labels and annotations of the object, then of its pod template (`spec.template.labels`). */
export const labelsRule: ValidationRule = {
  id: 'labels',
  kinds: '*',
  check(object, context) {
    const findings = validateMetadata(object, ['metadata'], ['metadata']);
    const location = podLocation(context.info.kind);
    if (location && context.info.kind !== 'Pod') findings.push(...validateMetadata(object, location.metadataPath, location.metadataFieldPath));
    return findings;
  },
};
