/**
 * API-server validation of one object: the kind must be served, the object must decode
 * into the kind's schema (strict field validation), then the API server's own rules run.
 * The language server and the simulated API server both call this, so a diagnostic
 * predicts what `apply` answers.
 */
import { apiVersionsOf, KINDS, kindInfo, type KindInfo } from '../catalog';
import { applyDefaults } from '../defaults/index';
import { didYouMean, nullsDropped, validateWithoutNulls } from './schema';
import { decodeFinding, type Finding } from './finding';
import { RULES } from './rules/index';
import type { KubeObject, ValidationRule } from './rule';

export type { Finding, CauseType, Phase, PathSegment } from './finding';
export type { KubeObject, RuleContext, ValidationRule } from './rule';
export { didYouMean } from './schema';

export interface ValidateOptions {
  /** The stored object when this is an update (for immutability rules). */
  old?: KubeObject;
  /**
   * The object is already defaulted (the simulated API server defaults before it
   * validates), so validation need not default a copy of it again. Defaulting is
   * idempotent: this only saves the copy, the findings are the same.
   */
  defaulted?: boolean;
}

export interface ValidationResult {
  /** The catalogue entry, when apiVersion and kind name a served resource. */
  info?: KindInfo;
  findings: Finding[];
}

function isObject(value: unknown): value is KubeObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const KIND_NAMES = [...new Set(KINDS.map((info) => info.kind))];

/**
 * What kubectl and the API server say before looking inside the object: apiVersion and
 * kind must be set (kubectl's `error validating data: [apiVersion not set, kind not set]`)
 * and name a served resource (`no matches for kind "X" in version "Y"`).
 */
export function checkHeader(object: unknown): ValidationResult {
  if (!isObject(object)) {
    return {
      findings: [
        decodeFinding(
          { code: 'not-an-object', path: [], fr: "Un manifeste Kubernetes doit être un objet YAML (des paires clé: valeur), pas une liste ni une valeur seule." },
          'FieldValueTypeInvalid',
          'error validating data: invalid object to validate',
        ),
      ],
    };
  }
  const findings: Finding[] = [];
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    findings.push(decodeFinding({ code: 'apiversion-missing', path: ['apiVersion'], fr: "Il manque `apiVersion` : sans elle, kubectl ne sait pas à quelle version de l'API envoyer l'objet." }, 'FieldValueRequired', 'apiVersion not set'));
  }
  if (typeof kind !== 'string' || kind === '') {
    findings.push(decodeFinding({ code: 'kind-missing', path: ['kind'], fr: "Il manque `kind` : c'est lui qui dit quel type de ressource tu décris (Pod, Deployment, Service…)." }, 'FieldValueRequired', 'kind not set'));
  }
  if (findings.length > 0) return { findings };
  const info = kindInfo(apiVersion as string, kind as string);
  if (info) return { info, findings };
  const versions = apiVersionsOf(kind as string);
  let fr: string;
  let path: string[] = ['kind'];
  if (versions.length > 0) {
    path = ['apiVersion'];
    fr = `Le kind ${String(kind)} n'existe pas dans la version « ${String(apiVersion)} ». Utilise apiVersion: ${versions[0]}.`;
  } else {
    const suggestion = didYouMean(kind as string, KIND_NAMES);
    fr = `Kubernetes ne connaît pas le kind « ${String(kind)} ».${suggestion ? ` Voulais-tu dire « ${suggestion} » ?` : ''}`;
  }
  // Mirrors kubectl's RESTMapper error for an unknown kind or version.
  return {
    findings: [decodeFinding({ code: 'unknown-kind', path, fr }, 'FieldValueNotSupported', `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}`)],
  };
}

/** The rules of one kind, in RULES order (computed once per kind). */
const rulesByKind = new Map<string, readonly ValidationRule[]>();

function rulesFor(kind: string): readonly ValidationRule[] {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = RULES.filter((rule) => rule.kinds === '*' || rule.kinds.includes(kind));
    rulesByKind.set(kind, rules);
  }
  return rules;
}

/**
 * Validates one object as a v1.30 API server would on create (or update, with `old`).
 * Decode findings (unknown fields, wrong types) stop validation there, as they stop the
 * API server; otherwise every rule runs and all findings are returned.
 */
export function validateObject(object: unknown, options: ValidateOptions = {}): ValidationResult {
  const header = checkHeader(object);
  if (!header.info) return header;
  const info = header.info;
  // Nulls are dropped once (kubectl does not send them), for the schema and the rules alike.
  const clean = nullsDropped(object) as KubeObject;
  const findings = validateWithoutNulls(info.definition, clean);
  if (findings.some((finding) => finding.phase === 'decode')) return { info, findings };
  // The API server defaults before it validates (decode -> default -> validate), so rules
  // see what will be stored: a Service port's targetPort, a container's imagePullPolicy.
  // Rules only read the object, so an already defaulted one is used as it is.
  const defaulted = options.defaulted === true && clean === object ? clean : applyDefaults(clean, info);
  const context = { info, old: options.old };
  for (const rule of rulesFor(info.kind)) {
    for (const finding of rule.check(defaulted, context)) findings.push(finding);
  }
  // Some checks are the decoder's in reality (quantities, base64 in a Secret): when one
  // fails, the request never reaches validation, so only those findings stand.
  const decode = findings.filter((finding) => finding.phase === 'decode');
  return { info, findings: decode.length > 0 ? decode : findings };
}
