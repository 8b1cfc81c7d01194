/**
 * HorizontalPodAutoscaler (autoscaling/v2), PodDisruptionBudget, LimitRange and
 * ResourceQuota. Mirrors pkg/apis/autoscaling/validation, pkg/apis/policy/validation
 * and ValidateLimitRange / ValidateResourceQuota (pkg/apis/core/validation), v1.30.
 */
import { forbidden, invalid, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { parseQuantity } from '../../quantity';
import { asArray, asNumber, asString, child, get, isRecord, keyField, type Path } from './common';
import { isQualifiedName, isValidPathSegmentName } from './formats';
import { notMoreThan100Percent, positiveIntOrPercent } from './intorpercent';
import { nonNegativeQuantity, quantities } from './resources';
import { validateLabelSelector } from './selectors';

function scaleTargetRef(ref: unknown): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['kind', 'name']) {
    const value = asString(child(ref, key));
    const path: Path = ['spec', 'scaleTargetRef', key];
    const fr = 'scaleTargetRef désigne l’objet à mettre à l’échelle : `kind: Deployment` et son `name`.';
    if (value === '') findings.push(required({ code: 'hpa-target', path, fr }));
    else if (value !== undefined) isValidPathSegmentName(value).forEach((message) => findings.push(invalid({ code: 'hpa-target', path, fr }, value, message)));
  }
  return findings;
}

const METRIC_FIELDS: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };
const SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

function metricTarget(target: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  const type = asString(child(target, 'type')) ?? '';
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') {
    findings.push(invalid({ code: 'hpa-target-type', path: [...path, 'type'], fr: 'Le type de cible vaut Utilization (pourcentage des requests), Value ou AverageValue.' }, type, 'must be either Utilization, Value, or AverageValue'));
  }
  for (const key of ['value', 'averageValue']) {
    const value = child(target, key);
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const parsed = parseQuantity(value);
    if (parsed.ok && parsed.quantity.nanos <= 0n) findings.push(invalid({ code: 'hpa-target-value', path: [...path, key], fr: 'La valeur cible doit être positive.' }, String(value), 'must be positive'));
  }
  const utilization = asNumber(child(target, 'averageUtilization'));
  if (utilization !== undefined && utilization < 1) findings.push(invalid({ code: 'hpa-target-value', path: [...path, 'averageUtilization'], fr: 'averageUtilization est un pourcentage strictement positif (par exemple 70).' }, utilization, 'must be greater than 0'));
  return findings;
}

function metric(spec: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  const type = asString(child(spec, 'type')) ?? '';
  if (type === '') findings.push(required({ code: 'hpa-metric-type', path: [...path, 'type'], fr: 'Indique le type de métrique : Resource pour le CPU ou la mémoire.' }, 'must specify a metric source type'));
  else if (!SOURCE_TYPES.includes(type)) return findings; // reported by the enums rule
  const field = METRIC_FIELDS[type];
  if (field && !isRecord(child(spec, field))) {
    findings.push(required({ code: 'hpa-metric-source', path: [...path, field], fr: `Avec type: ${type}, décris la métrique dans le bloc \`${field}\`.` }, 'must populate information for the given metric source'));
  }
  const resource = child(spec, 'resource');
  if (isRecord(resource)) {
    const at: Path = [...path, 'resource'];
    if ((asString(resource.name) ?? '') === '') findings.push(required({ code: 'hpa-metric-name', path: [...at, 'name'], fr: 'Nomme la ressource suivie : cpu ou memory.' }, 'must specify a resource name'));
    const target = resource.target;
    findings.push(...metricTarget(target, [...at, 'target']));
    const hasUtilization = child(target, 'averageUtilization') !== undefined;
    const hasValue = child(target, 'averageValue') !== undefined;
    if (!hasUtilization && !hasValue) findings.push(required({ code: 'hpa-target-value', path: [...at, 'target', 'averageUtilization'], fr: 'Donne la cible : averageUtilization (en %) ou averageValue.' }, 'must set either a target raw value or a target utilization'));
    if (hasUtilization && hasValue) findings.push(forbidden({ code: 'hpa-target-value', path: [...at, 'target', 'averageValue'], fr: 'Choisis averageUtilization ou averageValue, pas les deux.' }, 'may not set both a target raw value and a target utilization'));
  }
  return findings;
}

/** Mirrors validateHorizontalPodAutoscalerSpec (minReplicas lower bound 1: HPAScaleToZero is alpha). */
export const hpaRule: ValidationRule = {
  id: 'horizontalpodautoscaler',
  kinds: ['HorizontalPodAutoscaler'],
  check(object) {
    const findings: Finding[] = [];
    const min = asNumber(get(object, 'spec', 'minReplicas'));
    const max = asNumber(get(object, 'spec', 'maxReplicas'));
    if (min !== undefined && min < 1) findings.push(invalid({ code: 'hpa-min-replicas', path: ['spec', 'minReplicas'], fr: 'minReplicas vaut au moins 1.' }, min, 'must be greater than or equal to 1'));
    if (max !== undefined && max < 1) findings.push(invalid({ code: 'hpa-max-replicas', path: ['spec', 'maxReplicas'], fr: 'maxReplicas vaut au moins 1.' }, max, 'must be greater than 0'));
    if (min !== undefined && max !== undefined && max < min) findings.push(invalid({ code: 'hpa-max-replicas', path: ['spec', 'maxReplicas'], fr: 'maxReplicas ne peut pas être inférieur à minReplicas.' }, max, 'must be greater than or equal to `minReplicas`'));
    findings.push(...scaleTargetRef(get(object, 'spec', 'scaleTargetRef')));
    asArray(get(object, 'spec', 'metrics')).forEach((value, index) => findings.push(...metric(value, ['spec', 'metrics', index])));
    return findings;
  },
};

/** Mirrors ValidatePodDisruptionBudgetSpec (except "cannot be both set", whose value prints pointers). */
export const pdbRule: ValidationRule = {
  id: 'poddisruptionbudget',
  kinds: ['PodDisruptionBudget'],
  check(object) {
    const findings: Finding[] = [];
    for (const key of ['minAvailable', 'maxUnavailable']) {
      const value = get(object, 'spec', key);
      findings.push(...positiveIntOrPercent(value, ['spec', key]), ...notMoreThan100Percent(value, ['spec', key]));
    }
    return [...findings, ...validateLabelSelector(get(object, 'spec', 'selector'), ['spec', 'selector'])];
  },
};

const LIMIT_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];

/** Mirrors validateLimitRangeTypeName and the non-negative quantities of ValidateLimitRange. */
export const limitRangeRule: ValidationRule = {
  id: 'limitrange',
  kinds: ['LimitRange'],
  check(object) {
    const findings: Finding[] = [];
    asArray(get(object, 'spec', 'limits')).forEach((limit, index) => {
      const at: Path = ['spec', 'limits', index];
      const type = asString(child(limit, 'type'));
      if (type !== undefined && !type.includes('/') && !LIMIT_TYPES.includes(type)) {
        findings.push(invalid({ code: 'limit-type-invalid', path: [...at, 'type'], fr: 'Le type d’une limite vaut Container, Pod ou PersistentVolumeClaim.' }, type, 'must be a standard limit type or fully qualified'));
      }
      for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) {
        for (const [name, quantity] of quantities(child(limit, key))) findings.push(...nonNegativeQuantity(quantity, [...at, key, name], keyField([...at, key], name), 'Une limite ne peut pas être négative.'));
      }
    });
    return findings;
  },
};

// helper.standardQuotaResources (v1.30).
const QUOTA_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'persistentvolumeclaims', 'configmaps', 'services.nodeports', 'services.loadbalancers',
]);
const STANDARD_EXTRA = new Set(['storage']);

/** Mirrors validateResourceQuotaResourceName and ValidateResourceQuantityValue on spec.hard. */
export const resourceQuotaRule: ValidationRule = {
  id: 'resourcequota',
  kinds: ['ResourceQuota'],
  check(object: KubeObject) {
    const findings: Finding[] = [];
    const hard = get(object, 'spec', 'hard');
    const path: Path = ['spec', 'hard'];
    for (const name of Object.keys(isRecord(hard) ? hard : {})) {
      const base = { code: 'quota-resource-invalid', path: [...path, name], field: keyField(path, name), fr: 'Un quota porte sur une ressource standard : pods, services, configmaps, requests.cpu, requests.memory, limits.cpu, limits.memory, requests.storage, persistentvolumeclaims…' };
      const qualified = isQualifiedName(name);
      if (qualified.length > 0) findings.push(...qualified.map((message) => invalid(base, name, message)));
      else if (!name.includes('/')) {
        const hugePages = name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
        if (!QUOTA_RESOURCES.has(name) && !STANDARD_EXTRA.has(name) && !hugePages) findings.push(invalid(base, name, 'must be a standard resource type or fully qualified'));
        if (!QUOTA_RESOURCES.has(name) && !hugePages) findings.push(invalid(base, name, 'must be a standard resource for quota'));
      }
    }
    for (const [name, quantity] of quantities(hard)) findings.push(...nonNegativeQuantity(quantity, [...path, name], keyField(path, name), 'Un quota ne peut pas être négatif.'));
    return findings;
  },
};

/** Node taints: keys are label keys, effects are checked by the enums rule. */
export const nodeRule: ValidationRule = {
  id: 'node',
  kinds: ['Node'],
  check: (object) =>
    asArray(get(object, 'spec', 'taints')).flatMap((taint, index) => {
      const key = asString(child(taint, 'key')) ?? '';
      return isQualifiedName(key).map((message) => invalid({ code: 'taint-key-invalid', path: ['spec', 'taints', index, 'key'], fr: 'La clé d’une taint suit la forme d’une clé de label.' }, key, message));
    }),
};
