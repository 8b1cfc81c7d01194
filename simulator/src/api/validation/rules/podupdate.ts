/**
 * What a Pod update may change. Mirrors ValidatePodUpdate (pkg/apis/core/validation, v1.30):
 * once created, a Pod's spec is frozen except its containers' and init containers' images,
 * activeDeadlineSeconds (set, or lowered), additions to its tolerations (and their
 * tolerationSeconds), the removal of scheduling gates, and terminationGracePeriodSeconds
 * set to 1 when it was negative. Anything else is refused with
 * `spec: Forbidden: pod updates may not change fields other than ...` and a diff.
 * Not mirrored: the extra nodeSelector/affinity freedom of Pods still gated by schedulingGates.
 */
import { forbidden, invalid, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { podQosClass } from '../../qos';
import { asArray, asNumber, asString, child, isRecord, storedOld, type Path } from './common';
import { podSpecDiff, semanticEqual } from './poddiff';

// updatablePodSpecFieldsNoResources: the list v1.30 prints while InPlacePodVerticalScaling is off (its default).
const UPDATABLE = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

const MAX_INT32 = 2147483647;

const FR_FROZEN =
  "Une fois créé, un Pod ne change presque plus : seules l'image des conteneurs, activeDeadlineSeconds et l'ajout de tolerations sont permis. " +
  'Pour changer le reste (ports, variables, volumes, ressources…), supprime le Pod et recrée-le — ou mieux, gère-le avec un Deployment, qui remplace ses Pods pour toi.';

const specOf = (pod: KubeObject): KubeObject => (isRecord(pod.spec) ? pod.spec : {});

/** ValidateContainerUpdates: same number of containers, each with a non-blank image. Returns [findings, stop]. */
function containerUpdates(next: unknown, old: unknown, path: Path): [Finding[], boolean] {
  const newList = asArray(next);
  if (newList.length !== asArray(old).length) {
    return [[forbidden({ code: 'pod-update-containers', path, fr: "On ne peut ni ajouter ni retirer un conteneur d'un Pod existant : recrée le Pod." }, 'pod updates may not add or remove containers')], true];
  }
  const findings: Finding[] = [];
  newList.forEach((container, index) => {
    const image = asString(child(container, 'image')) ?? '';
    if (image === '') findings.push(required({ code: 'pod-update-image', path: [...path, index, 'image'], fr: "L'image d'un conteneur ne peut pas être vidée." }));
    if (image.trim() !== image) findings.push(invalid({ code: 'pod-update-image', path: [...path, index, 'image'], fr: "Le nom de l'image ne doit pas commencer ni finir par un espace." }, image, 'must not have leading or trailing whitespace'));
  });
  return [findings, false];
}

/** activeDeadlineSeconds may go from nil to a value, or down; never back to nil. Returns [findings, stop]. */
function activeDeadline(next: KubeObject, old: KubeObject): [Finding[], boolean] {
  const path = ['spec', 'activeDeadlineSeconds'];
  const value = asNumber(next.activeDeadlineSeconds);
  const previous = asNumber(old.activeDeadlineSeconds);
  const fr = "activeDeadlineSeconds peut être ajouté ou diminué sur un Pod existant, jamais augmenté ni retiré.";
  if (value !== undefined) {
    if (value < 0 || value > MAX_INT32) return [[invalid({ code: 'pod-update-deadline', path, fr }, value, `must be between 0 and ${MAX_INT32}, inclusive`)], true];
    if (previous !== undefined && previous < value) return [[invalid({ code: 'pod-update-deadline', path, fr }, value, 'must be less than or equal to previous value')], true];
    return [[], false];
  }
  // Go prints the nil *int64 it was given: `Invalid value: "null"`.
  if (previous !== undefined) return [[invalid({ code: 'pod-update-deadline', path, fr }, 'null', 'must not update from a positive integer to nil value')], false];
  return [[], false];
}

const tolerationWithout = (toleration: unknown): KubeObject => {
  const { tolerationSeconds: _ignored, ...rest } = isRecord(toleration) ? toleration : {};
  return rest;
};

/** validateOnlyAddedTolerations: every old toleration must still be there (its tolerationSeconds may change). */
function onlyAddedTolerations(next: unknown, old: unknown): Finding[] {
  const newList = asArray(next).map(tolerationWithout);
  for (const toleration of asArray(old)) {
    if (!newList.some((candidate) => semanticEqual(candidate, tolerationWithout(toleration)))) {
      return [forbidden({ code: 'pod-update-tolerations', path: ['spec', 'tolerations'], fr: "On peut ajouter des tolerations à un Pod existant, ou changer leur tolerationSeconds, mais pas en retirer ni en modifier." }, 'existing toleration can not be modified except its tolerationSeconds')];
    }
  }
  return [];
}

/** validateOnlyDeletedSchedulingGates: gates can only go. */
function onlyDeletedGates(next: unknown, old: unknown): Finding[] {
  const before = new Set(asArray(old).map((gate) => asString(child(gate, 'name'))));
  return asArray(next)
    .map((gate) => asString(child(gate, 'name')) ?? '')
    .filter((name) => !before.has(name))
    .map((name) => forbidden({ code: 'pod-update-gates', path: ['spec', 'schedulingGates'], fr: 'Les schedulingGates d’un Pod existant ne peuvent qu’être retirés.' }, `only deletion is allowed, but found new scheduling gate '${name}'`));
}

/** The new spec with every field an update may change put back as it was (the "munged" spec). */
function munged(next: KubeObject, old: KubeObject): KubeObject {
  const spec: KubeObject = { ...next };
  const withOldImages = (list: unknown, oldList: unknown): unknown =>
    Array.isArray(list) ? (list as unknown[]).map((container, index): unknown => (isRecord(container) ? { ...container, image: child(asArray(oldList)[index], 'image') } : container)) : list;
  spec.containers = withOldImages(next.containers, old.containers);
  spec.initContainers = withOldImages(next.initContainers, old.initContainers);
  for (const key of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations']) spec[key] = old[key];
  const grace = asNumber(old.terminationGracePeriodSeconds);
  if (grace !== undefined && grace < 0 && spec.terminationGracePeriodSeconds === 1) spec.terminationGracePeriodSeconds = grace;
  return spec;
}

/** ValidatePodUpdate's spec part, on defaulted objects. */
export function validatePodUpdate(pod: KubeObject, oldPod: KubeObject): Finding[] {
  const next = specOf(pod);
  const old = specOf(oldPod);
  const findings: Finding[] = [];
  for (const key of ['containers', 'initContainers']) {
    const [errors, stop] = containerUpdates(next[key], old[key], ['spec', key]);
    findings.push(...errors);
    if (stop) return findings;
  }
  const [deadline, stop] = activeDeadline(next, old);
  findings.push(...deadline);
  if (stop) return findings;
  findings.push(...onlyAddedTolerations(next.tolerations, old.tolerations), ...onlyDeletedGates(next.schedulingGates, old.schedulingGates));
  if (semanticEqual(next, old)) return findings;
  const qos = podQosClass(oldPod);
  if (qos !== podQosClass(pod)) {
    // field.Invalid(metadata, newPod.Status.QOSClass): the status is the stored one on update.
    const stored = asString(child(oldPod.status, 'qosClass')) ?? qos;
    findings.push(invalid({ code: 'pod-update-qos', path: ['metadata'], fr: "Changer les requests/limits ici changerait la classe QoS du Pod, qui est fixée à sa création." }, stored, 'Pod QoS is immutable'));
  }
  const spec = munged(next, old);
  if (!semanticEqual(spec, old)) {
    findings.push(forbidden({ code: 'pod-update-forbidden', path: ['spec'], fr: FR_FROZEN }, `pod updates may not change fields other than ${UPDATABLE}\n${podSpecDiff(old, spec)}`));
  }
  return findings;
}

/** Mirrors ValidatePodUpdate on every update of a Pod. */
export const podUpdateRule: ValidationRule = {
  id: 'pod-update',
  kinds: ['Pod'],
  check(object, context) {
    const old = storedOld(context);
    return old ? validatePodUpdate(object, old) : [];
  },
};
