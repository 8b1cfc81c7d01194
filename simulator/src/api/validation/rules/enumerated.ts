/**
 * Enum-like string fields (restartPolicy, protocol, Service type, pathType, accessModes…):
 * `Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"`,
 * reading the supported values from api/enums.ts. Fields whose check prints something
 * else (a whole strategy struct, an `Invalid value`) are left to their kind's rule.
 */
import { notSupported, type Finding } from '../finding';
import type { ValidationRule } from '../rule';
import { enumValues } from '../../enums';
import type { Path } from './common';
import { walkSchemaFor, type WalkTarget } from './targeted';

// Checked by workloads.ts and rbac.ts with upstream's own wording.
const SPECIAL = new Set([
  'apps.v1.DeploymentStrategy.type',
  'apps.v1.DaemonSetUpdateStrategy.type',
  'apps.v1.StatefulSetUpdateStrategy.type',
  'apps.v1.StatefulSetSpec.podManagementPolicy',
  'rbac.v1.RoleRef.kind',
  'rbac.v1.Subject.kind',
  // validateMetricTarget says `Invalid value: ...: must be either Utilization, Value, or AverageValue`.
  'autoscaling.v2.MetricTarget.type',
]);

// List fields whose error names the list, not the item (ValidatePersistentVolumeClaimSpec).
const WHOLE_LIST = new Set(['core.v1.PersistentVolumeClaimSpec.accessModes', 'core.v1.PersistentVolumeSpec.accessModes']);

const FR: Record<string, string> = {
  restartPolicy: "restartPolicy vaut Always (redémarrer toujours, par défaut), OnFailure (seulement en cas d'échec) ou Never.",
  imagePullPolicy: "imagePullPolicy vaut Always (toujours retélécharger), IfNotPresent (seulement si l'image manque sur le nœud) ou Never.",
  protocol: 'Le protocole vaut TCP (par défaut), UDP ou SCTP, en majuscules.',
  type: 'Cette valeur de `type` n’existe pas : respecte la casse exacte des valeurs permises.',
  accessModes: 'Les modes d’accès sont ReadWriteOnce, ReadOnlyMany, ReadWriteMany ou ReadWriteOncePod (casse exacte).',
  pathType: 'pathType vaut Prefix (le chemin et tout ce qui suit), Exact (ce chemin seulement) ou ImplementationSpecific.',
};

function frenchFor(property: string, supported: readonly string[]): string {
  return FR[property] ?? `Valeur inconnue pour ${property} : les valeurs permises sont ${supported.join(', ')} (casse exacte).`;
}

function skipped(kind: string, path: Path): boolean {
  if (path[0] === 'status') return true;
  // ValidatePodTemplateSpecForStatefulSet does not validate the pod spec.
  return kind === 'StatefulSet' && path[0] === 'spec' && path[1] === 'template' && path[2] === 'spec' && path[3] !== 'restartPolicy';
}

/** The places of enum-like fields: a property some definition declares with supported values. */
export const ENUM_FIELDS: WalkTarget = {
  wants: (owner, property) => owner !== undefined && property !== undefined && enumValues(owner, property) !== undefined,
};

/** NotSupported for every enum-like value outside its supported set (empty values are defaulted). */
export const enumsRule: ValidationRule = {
  id: 'enums',
  kinds: '*',
  check(object, context) {
    const findings: Finding[] = [];
    walkSchemaFor(context.info.definition, object, ENUM_FIELDS, ({ path, value, owner, property }) => {
      if (typeof value !== 'string' || value === '' || !owner || !property) return;
      const key = `${owner}.${property}`;
      const supported = enumValues(owner, property);
      if (!supported || SPECIAL.has(key) || supported.includes(value) || skipped(context.info.kind, path)) return;
      // The StatefulSet rule reports restartPolicy itself (only Always is allowed there).
      if (context.info.kind === 'StatefulSet' && property === 'restartPolicy') return;
      const at = WHOLE_LIST.has(key) && typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
      findings.push(notSupported({ code: 'value-unsupported', path: at, fr: frenchFor(property, supported) }, value, supported));
    });
    return findings;
  },
};
