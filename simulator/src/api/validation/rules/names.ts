/**
 * metadata.name, generateName and namespace: the rule of ValidateObjectMetaAccessor
 * (apimachinery/pkg/api/validation/objectmeta.go) with each kind's name function.
 */
import { invalid, required, type Finding } from '../finding';
import type { ValidationRule } from '../rule';
import { asString, get } from './common';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPathSegmentName } from './formats';

type NameCheck = (name: string) => string[];

interface NameRule {
  check: NameCheck;
  fr: string;
}

const SUBDOMAIN: NameRule = {
  check: isDNS1123Subdomain,
  fr: "Le nom doit être un sous-domaine DNS (RFC 1123) : lettres minuscules, chiffres, « - » et « . », 253 caractères au plus, commençant et finissant par une lettre ou un chiffre. Pas de majuscule, pas d'espace, pas de « _ ».",
};
const LABEL: NameRule = {
  check: isDNS1123Label,
  fr: "Le nom doit être un label DNS (RFC 1123) : lettres minuscules, chiffres et « - », 63 caractères au plus, commençant et finissant par une lettre ou un chiffre. Le point est interdit ici.",
};
const DNS1035: NameRule = {
  check: isDNS1035Label,
  fr: "Le nom d'un Service devient un nom DNS du cluster : lettres minuscules, chiffres et « - », 63 caractères au plus, et il doit commencer par une lettre (pas par un chiffre).",
};
const PATH_SEGMENT: NameRule = {
  check: isValidPathSegmentName,
  fr: "Le nom d'un objet RBAC apparaît dans l'URL de l'API : il ne peut pas être « . » ni « .. », ni contenir « / » ou « % ».",
};

// Which name function each kind's validation passes to ValidateObjectMeta (v1.30).
const BY_KIND: Record<string, NameRule> = {
  // ValidateNamespaceName
  Namespace: LABEL,
  // ValidateStatefulSetName: DNS label since v1.27 (pkg/apis/apps/validation)
  StatefulSet: LABEL,
  // ValidateServiceName = NameIsDNS1035Label
  Service: DNS1035,
  // ValidateRBACName = path.ValidatePathSegmentName (pkg/apis/rbac/validation)
  Role: PATH_SEGMENT,
  ClusterRole: PATH_SEGMENT,
  RoleBinding: PATH_SEGMENT,
  ClusterRoleBinding: PATH_SEGMENT,
};

/** maskTrailingDash: a generateName may end with '-', the random suffix follows. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

// Mirrors ValidateCronJobCreate (pkg/apis/batch/validation): Job names get an 11-character suffix.
const CRONJOB_NAME_MAX = 52;

function checkName(kind: string, name: string | undefined, generateName: string | undefined): Finding[] {
  const rule = BY_KIND[kind] ?? SUBDOMAIN;
  const findings: Finding[] = [];
  if (generateName) {
    for (const message of rule.check(maskTrailingDash(generateName))) {
      findings.push(invalid({ code: 'name-invalid', path: ['metadata', 'generateName'], fr: rule.fr }, generateName, message));
    }
  }
  if (!name) {
    // With generateName, the API server has generated the name before validating.
    if (!generateName) {
      findings.push(
        required(
          { code: 'name-required', path: ['metadata', 'name'], fr: "Il manque `metadata.name` : chaque objet doit avoir un nom (ou un `generateName` pour que Kubernetes en invente un)." },
          'name or generateName is required',
        ),
      );
    }
    return findings;
  }
  for (const message of rule.check(name)) findings.push(invalid({ code: 'name-invalid', path: ['metadata', 'name'], fr: rule.fr }, name, message));
  if (kind === 'CronJob' && name.length > CRONJOB_NAME_MAX) {
    findings.push(
      invalid(
        { code: 'name-too-long', path: ['metadata', 'name'], fr: "Le nom d'un CronJob est limité à 52 caractères : chaque Job créé reçoit ce nom suivi d'un suffixe de 11 caractères." },
        name,
        `must be no more than ${CRONJOB_NAME_MAX} characters`,
      ),
    );
  }
  return findings;
}

function checkNamespace(namespace: string | undefined): Finding[] {
  if (!namespace) return [];
  return isDNS1123Label(namespace).map((message) =>
    invalid({ code: 'namespace-invalid', path: ['metadata', 'namespace'], fr: LABEL.fr.replace('Le nom', 'Le nom du namespace') }, namespace, message),
  );
}

/** Mirrors ValidateObjectMetaAccessor: name (or generateName) per kind, and the namespace name. */
export const namesRule: ValidationRule = {
  id: 'names',
  kinds: '*',
  check(object, context) {
    const name = asString(get(object, 'metadata', 'name'));
    const generateName = asString(get(object, 'metadata', 'generateName'));
    const findings = checkName(context.info.kind, name, generateName);
    if (context.info.namespaced) findings.push(...checkNamespace(asString(get(object, 'metadata', 'namespace'))));
    return findings;
  },
};
