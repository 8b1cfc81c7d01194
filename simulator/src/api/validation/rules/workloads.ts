/**
 * Deployment, ReplicaSet, StatefulSet and DaemonSet: replicas, selector against template,
 * update strategy, and what their pods' restartPolicy may be.
 * Mirrors pkg/apis/apps/validation/validation.go (v1.30) and the apps registry strategies.
 */
import { forbidden, goQuote, invalid, notSupported, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asNumber, asString, child, get, goIntOrString, goLabelSelector, invalidGo, isRecord, storedOld, stringMap, type Path } from './common';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, positiveIntOrPercent } from './intorpercent';
import { emptySelector, immutableSelector, isEmptySelector, selectorMatches, selectorMismatch, validateLabelSelector } from './selectors';

const REPLICAS_FR = 'Le nombre de réplicas ne peut pas être négatif (0 arrête tous les Pods).';

/** The selector block shared by Deployment, ReplicaSet and StatefulSet. */
function selectorAndTemplate(object: KubeObject, what: string, invalidDetail: string): Finding[] {
  const selector = get(object, 'spec', 'selector');
  if (!isRecord(selector)) return [];
  const syntax = validateLabelSelector(selector, ['spec', 'selector']);
  const findings = [...syntax];
  if (isEmptySelector(selector)) findings.push(emptySelector(selector, ['spec', 'selector'], what));
  if (syntax.length > 0) {
    findings.push(invalidGo({ code: 'selector-invalid', path: ['spec', 'selector'], fr: 'Ce selector est mal formé : corrige les erreurs signalées dans matchLabels ou matchExpressions.' }, goLabelSelector(selector), invalidDetail));
    return findings;
  }
  const labels = stringMap(get(object, 'spec', 'template', 'metadata', 'labels'));
  if (!isEmptySelector(selector) && !selectorMatches(selector, labels)) findings.push(selectorMismatch(labels, ['spec', 'template', 'metadata', 'labels']));
  return findings;
}

/** The pods of these controllers run forever: restartPolicy Always (the default), no deadline. */
function alwaysRestart(object: KubeObject, kind: string, frKind = kind): Finding[] {
  const findings: Finding[] = [];
  const spec = get(object, 'spec', 'template', 'spec');
  const policy = asString(child(spec, 'restartPolicy'));
  const path: Path = ['spec', 'template', 'spec', 'restartPolicy'];
  if (policy !== undefined && policy !== '' && policy !== 'Always') {
    findings.push(
      notSupported(
        { code: 'restart-policy-unsupported', path, fr: `Les Pods d'un ${frKind} doivent tourner en continu : restartPolicy vaut forcément Always (la valeur par défaut, tu peux l'omettre). Pour une tâche qui se termine, utilise un Job.` },
        policy,
        ['Always'],
      ),
    );
  }
  if (child(spec, 'activeDeadlineSeconds') !== undefined) {
    findings.push(
      forbidden(
        { code: 'active-deadline-forbidden', path: ['spec', 'template', 'spec', 'activeDeadlineSeconds'], fr: `Un ${frKind} relance ses Pods indéfiniment : activeDeadlineSeconds n'a pas de sens ici (c'est pour les Jobs).` },
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  }
  return findings;
}

function rollingUpdateDeployment(rolling: unknown): Finding[] {
  const path: Path = ['spec', 'strategy', 'rollingUpdate'];
  const maxUnavailable = (child(rolling, 'maxUnavailable') as number | string | undefined) ?? '25%';
  const maxSurge = (child(rolling, 'maxSurge') as number | string | undefined) ?? '25%';
  const findings = [...positiveIntOrPercent(maxUnavailable, [...path, 'maxUnavailable']), ...positiveIntOrPercent(maxSurge, [...path, 'maxSurge'])];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    findings.push(
      invalidGo(
        { code: 'rolling-update-stuck', path: [...path, 'maxUnavailable'], fr: 'Si maxSurge et maxUnavailable valent 0 tous les deux, le déploiement ne peut jamais avancer : autorise au moins un Pod en plus ou un Pod en moins.' },
        goIntOrString(maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  return [...findings, ...notMoreThan100Percent(maxUnavailable, [...path, 'maxUnavailable'])];
}

function deploymentStrategy(object: KubeObject): Finding[] {
  const strategy = get(object, 'spec', 'strategy');
  const type = asString(child(strategy, 'type')) ?? 'RollingUpdate';
  const rolling = child(strategy, 'rollingUpdate');
  if (type === 'Recreate') {
    return rolling === undefined
      ? []
      : [forbidden({ code: 'strategy-rolling-forbidden', path: ['spec', 'strategy', 'rollingUpdate'], fr: 'Avec la stratégie Recreate, tous les Pods sont remplacés d’un coup : retire le bloc rollingUpdate.' }, "may not be specified when strategy `type` is 'Recreate'")];
  }
  if (type === 'RollingUpdate') return rollingUpdateDeployment(rolling);
  const goText = `apps.DeploymentStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateDeployment)(${rolling === undefined ? 'nil' : '0xc000000000'})}`;
  return [notSupportedGo(['spec', 'strategy'], goText, ['Recreate', 'RollingUpdate'], "La stratégie d'un Deployment est RollingUpdate (par défaut) ou Recreate.")];
}

function daemonSetStrategy(object: KubeObject): Finding[] {
  const strategy = get(object, 'spec', 'updateStrategy');
  const type = asString(child(strategy, 'type')) ?? 'RollingUpdate';
  const rolling = child(strategy, 'rollingUpdate');
  if (type === 'OnDelete') return [];
  if (type !== 'RollingUpdate') {
    const goText = `apps.DaemonSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(${rolling === undefined ? 'nil' : '0xc000000000'})}`;
    return [notSupportedGo(['spec', 'updateStrategy'], goText, ['RollingUpdate', 'OnDelete'], "La stratégie de mise à jour d'un DaemonSet est RollingUpdate (par défaut) ou OnDelete.")];
  }
  const path: Path = ['spec', 'updateStrategy', 'rollingUpdate'];
  const maxUnavailable = (child(rolling, 'maxUnavailable') as number | string | undefined) ?? 1;
  const maxSurge = (child(rolling, 'maxSurge') as number | string | undefined) ?? 0;
  const findings = [
    ...positiveIntOrPercent(maxUnavailable, [...path, 'maxUnavailable']),
    ...positiveIntOrPercent(maxSurge, [...path, 'maxSurge']),
    ...notMoreThan100Percent(maxUnavailable, [...path, 'maxUnavailable']),
    ...notMoreThan100Percent(maxSurge, [...path, 'maxSurge']),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    findings.push(
      invalidGo(
        { code: 'rolling-update-both', path: [...path, 'maxSurge'], fr: "Pour un DaemonSet, choisis l'un ou l'autre : maxSurge ou maxUnavailable, pas les deux." },
        goIntOrString(maxSurge),
        'may not be set when maxUnavailable is non-zero',
      ),
    );
  } else if (!hasUnavailable && !hasSurge) {
    findings.push(required({ code: 'rolling-update-stuck', path: [...path, 'maxUnavailable'], fr: "Si maxSurge et maxUnavailable valent 0, la mise à jour ne peut jamais avancer." }, 'cannot be 0 when maxSurge is 0'));
  }
  return findings;
}

function statefulSetSpec(object: KubeObject): Finding[] {
  const findings: Finding[] = [];
  const policy = asString(get(object, 'spec', 'podManagementPolicy'));
  if (policy !== undefined && policy !== 'OrderedReady' && policy !== 'Parallel') {
    findings.push(invalid({ code: 'pod-management-policy-invalid', path: ['spec', 'podManagementPolicy'], fr: 'podManagementPolicy vaut OrderedReady (par défaut, un Pod après l’autre) ou Parallel.' }, policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = get(object, 'spec', 'updateStrategy');
  const type = asString(child(strategy, 'type'));
  if (type !== undefined && type !== 'RollingUpdate' && type !== 'OnDelete') {
    const rolling = child(strategy, 'rollingUpdate') === undefined ? 'nil' : '0xc000000000';
    findings.push(
      invalidGo(
        { code: 'strategy-unsupported', path: ['spec', 'updateStrategy'], fr: "La stratégie de mise à jour d'un StatefulSet est RollingUpdate (par défaut) ou OnDelete." },
        `apps.StatefulSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(${rolling})}`,
        "must be 'RollingUpdate' or 'OnDelete'",
      ),
    );
  }
  findings.push(...nonNegative(get(object, 'spec', 'updateStrategy', 'rollingUpdate', 'partition'), ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], 'La partition ne peut pas être négative.'));
  return findings;
}

// Mirrors ValidateStatefulSetUpdate: only these fields of the spec may change.
const STATEFULSET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function statefulSetUpdate(object: KubeObject, old: KubeObject | undefined): Finding[] {
  if (!old) return [];
  const strip = (spec: unknown) => JSON.stringify(Object.entries(isRecord(spec) ? spec : {}).filter(([key]) => !STATEFULSET_MUTABLE.includes(key)).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (strip(object.spec) === strip(old.spec)) return [];
  return [
    forbidden(
      { code: 'statefulset-spec-immutable', path: ['spec'], fr: "Dans un StatefulSet, seuls replicas, template, updateStrategy, persistentVolumeClaimRetentionPolicy, ordinals et minReadySeconds peuvent changer. Pour modifier le reste (selector, serviceName, volumeClaimTemplates…), supprime puis recrée l'objet." },
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

function notSupportedGo(path: Path, goText: string, supported: readonly string[], fr: string): Finding {
  const finding = notSupported({ code: 'strategy-unsupported', path, fr }, '', supported);
  return { ...finding, message: finding.message.replace('Unsupported value: ""', `Unsupported value: ${goText}`) };
}

function common(object: KubeObject): Finding[] {
  return [
    ...nonNegative(get(object, 'spec', 'replicas'), ['spec', 'replicas'], REPLICAS_FR),
    ...nonNegative(get(object, 'spec', 'minReadySeconds'), ['spec', 'minReadySeconds'], 'minReadySeconds ne peut pas être négatif.'),
    ...nonNegative(get(object, 'spec', 'revisionHistoryLimit'), ['spec', 'revisionHistoryLimit'], 'revisionHistoryLimit ne peut pas être négatif (0 ne garde aucun historique).'),
  ];
}

function progressDeadline(object: KubeObject): Finding[] {
  const deadline = asNumber(get(object, 'spec', 'progressDeadlineSeconds'));
  if (deadline === undefined) return [];
  const findings = nonNegative(deadline, ['spec', 'progressDeadlineSeconds'], 'progressDeadlineSeconds ne peut pas être négatif.');
  if (deadline <= (asNumber(get(object, 'spec', 'minReadySeconds')) ?? 0)) {
    findings.push(invalid({ code: 'progress-deadline-too-short', path: ['spec', 'progressDeadlineSeconds'], fr: 'Le délai de progression doit dépasser minReadySeconds, sinon aucun Pod ne pourrait être compté disponible à temps.' }, deadline, 'must be greater than minReadySeconds'));
  }
  return findings;
}

/** Mirrors ValidateDeploymentSpec and the deployment strategy's selector immutability. */
export const deploymentRule: ValidationRule = {
  id: 'deployment',
  kinds: ['Deployment'],
  check: (object, context) => [
    ...common(object),
    ...selectorAndTemplate(object, 'deployment', 'invalid label selector'),
    ...alwaysRestart(object, 'ReplicaSet', 'Deployment'),
    ...deploymentStrategy(object),
    ...progressDeadline(object),
    ...immutableSelector(object, storedOld(context)),
  ],
};

/** Mirrors ValidateReplicaSetSpec (whose empty-selector text says "deployment", upstream's words). */
export const replicaSetRule: ValidationRule = {
  id: 'replicaset',
  kinds: ['ReplicaSet'],
  check: (object, context) => [...common(object), ...selectorAndTemplate(object, 'deployment', 'invalid label selector'), ...alwaysRestart(object, 'ReplicaSet'), ...immutableSelector(object, storedOld(context))],
};

/** Mirrors ValidateStatefulSetSpec and ValidateStatefulSetUpdate. */
export const statefulSetRule: ValidationRule = {
  id: 'statefulset',
  kinds: ['StatefulSet'],
  check: (object, context) => [...statefulSetSpec(object), ...common(object), ...selectorAndTemplate(object, 'statefulset', ''), ...alwaysRestart(object, 'StatefulSet'), ...statefulSetUpdate(object, storedOld(context))],
};

/** Mirrors ValidateDaemonSetSpec: the template check runs even for an empty selector. */
export const daemonSetRule: ValidationRule = {
  id: 'daemonset',
  kinds: ['DaemonSet'],
  check(object, context) {
    const selector = get(object, 'spec', 'selector');
    const findings = validateLabelSelector(selector, ['spec', 'selector']);
    const labels = stringMap(get(object, 'spec', 'template', 'metadata', 'labels'));
    if (findings.length === 0 && isRecord(selector) && !selectorMatches(selector, labels)) findings.push(selectorMismatch(labels, ['spec', 'template', 'metadata', 'labels']));
    if (isRecord(selector) && isEmptySelector(selector)) findings.push(emptySelector(selector, ['spec', 'selector'], 'daemonset'));
    return [
      ...findings,
      ...alwaysRestart(object, 'DaemonSet'),
      ...nonNegative(get(object, 'spec', 'minReadySeconds'), ['spec', 'minReadySeconds'], 'minReadySeconds ne peut pas être négatif.'),
      ...daemonSetStrategy(object),
      ...nonNegative(get(object, 'spec', 'revisionHistoryLimit'), ['spec', 'revisionHistoryLimit'], 'revisionHistoryLimit ne peut pas être négatif.'),
      ...immutableSelector(object, storedOld(context)),
    ];
  },
};
