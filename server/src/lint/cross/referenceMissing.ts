/**
 * `reference-missing`: a ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount or
 * StorageClass used by name that exists neither in the workspace nor in the simulated
 * cluster. The API server accepts such a manifest; the failure comes later, in the kubelet
 * or a controller, far from the typo. The message says which failure to expect.
 */
import { chapterById } from '../../../../simulator/src/api/chapters';
import type { LintContext, LintFinding, LintRule } from '../rule';
import { WORKLOAD_KINDS } from './podTemplates';
import { referencesOf, type Reference } from './references';
import { closestNames, didYouMean, named, theKind, type Obj } from './objects';

// Objects every namespace has without anyone writing them: the ServiceAccount controller
// creates `default`, the root CA publisher creates `kube-root-ca.crt`.
const BUILT_IN: ReadonlySet<string> = new Set(['ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

function exists(reference: Reference, context: LintContext): boolean {
  if (BUILT_IN.has(`${reference.kind}/${reference.name}`)) return true;
  if (reference.kind === 'StorageClass') {
    // The classes a cluster offers are known only from its inventory: with none known (no
    // cluster connected), a class name cannot be judged, only a typo among known ones.
    const classes = context.resources.list('StorageClass');
    return classes.length === 0 || classes.some((storageClass) => storageClass.name === reference.name);
  }
  return named(context.resources, reference.kind, reference.name, context.namespace).length > 0;
}

function notFound(reference: Reference): string {
  const resource = { ConfigMap: 'configmap', Secret: 'secret', PersistentVolumeClaim: 'persistentvolumeclaim', ServiceAccount: 'serviceaccount', StorageClass: 'storageclass.storage.k8s.io' }[reference.kind];
  return `${resource} "${reference.name}" not found`;
}

/** What will go wrong, in the words of the events and statuses the learner will see. */
function consequence(reference: Reference, object: Obj, namespace: string): string {
  const missing = notFound(reference);
  switch (reference.use) {
    case 'env':
    case 'envFrom':
      return `Le conteneur \`${reference.user}\` ne démarrera pas : il restera en CreateContainerConfigError (${missing}).`;
    case 'volume':
      return `Le Pod restera en ContainerCreating, car le kubelet ne peut pas monter le volume \`${reference.user}\` (événement FailedMount : ${missing}).`;
    case 'claim':
      return `Le Pod restera Pending : le scheduler ne le place sur aucun nœud tant que la claim n'existe pas (FailedScheduling : ${missing}).`;
    case 'serviceAccount': {
      const refusal = `error looking up service account ${namespace}/${reference.name}: ${missing}`;
      return object.kind === 'Pod'
        ? `L'API refusera de créer le Pod (${refusal}).`
        : `Aucun Pod ne sera créé : le contrôleur se heurte au même refus à chaque essai (événement FailedCreate : ${refusal}).`;
    }
    case 'imagePullSecret':
      return "Le kubelet tirera l'image sans identifiants (événement FailedToRetrieveImagePullSecret) ; si l'image est privée, le Pod finira en ErrImagePull puis ImagePullBackOff.";
    case 'storageClass':
      return `La PVC restera Pending (événement ProvisioningFailed : ${missing}), et les Pods qui l'utilisent aussi.`;
    case 'claimTemplate':
      return reference.path.includes('volumeClaimTemplates')
        ? `Les PVC « ${reference.user}-… » créées pour chaque réplique resteront Pending (${missing}), et les Pods du StatefulSet aussi.`
        : `La PVC éphémère du volume \`${reference.user}\` restera Pending (${missing}), et le Pod aussi.`;
    case 'ingressTls':
      return "Le contrôleur d'Ingress servira son certificat par défaut, auto-signé, et les navigateurs afficheront une alerte de sécurité.";
  }
}

const CAN_BE_OPTIONAL = new Set(['env', 'envFrom', 'volume']);

function message(reference: Reference, object: Obj, context: LintContext, keys: readonly string[]): string {
  const namespace = context.namespace ?? 'default';
  let text = `${theKind(reference.kind)} « ${reference.name} » n'existe ni dans l'espace de travail ni dans le cluster simulé. ${consequence(reference, object, namespace)}`;
  if (keys.length > 0 && (reference.kind === 'ConfigMap' || reference.kind === 'Secret') && reference.use !== 'imagePullSecret' && reference.use !== 'ingressTls') {
    const where = context.namespace === undefined ? '' : ` dans le namespace ${context.namespace}`;
    text += ` Crée-le${where} avec ${keys.length === 1 ? 'la clé' : 'les clés'} ${keys.map((key) => `\`${key}\``).join(', ')}.`;
  }
  if (CAN_BE_OPTIONAL.has(reference.use)) {
    text += ` S'il est facultatif, ajoute \`optional: true\` à la référence : le Pod démarrera sans lui.`;
  }
  const known = context.resources.list(reference.kind, reference.kind === 'StorageClass' ? undefined : context.namespace).map((resource) => resource.name);
  text += didYouMean(closestNames(reference.name, known));
  if (reference.kind === 'PersistentVolumeClaim' || reference.kind === 'StorageClass') text += ` Voir le chapitre « ${chapterById('volumes')?.title} ».`;
  return text;
}

/** What a quick fix needs to write a skeleton of the missing object. */
function fix(reference: Reference, keys: readonly string[], context: LintContext): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: reference.kind, name: reference.name, keys: [...keys] };
  if (reference.kind !== 'StorageClass' && context.namespace !== undefined) out.namespace = context.namespace;
  if (reference.use === 'imagePullSecret') out.type = 'kubernetes.io/dockerconfigjson';
  if (reference.use === 'ingressTls') out.type = 'kubernetes.io/tls';
  return out;
}

export const referenceMissing: LintRule = {
  id: 'reference-missing',
  severity: 'warning',
  chapter: 'ressources',
  kinds: [...WORKLOAD_KINDS, 'PodTemplate', 'PersistentVolumeClaim', 'Ingress'],
  description: "Signale un ConfigMap, un Secret, une PersistentVolumeClaim, un ServiceAccount ou une StorageClass utilisé par son nom mais absent de l'espace de travail comme du cluster simulé.",
  check(object, context): LintFinding[] {
    const references = referencesOf(object).filter((reference) => !reference.optional);
    // The keys of every use of the same object, so that one skeleton serves them all.
    const keysOf = new Map<string, Set<string>>();
    for (const reference of references) {
      const id = `${reference.kind}/${reference.name}`;
      const keys = keysOf.get(id) ?? new Set<string>();
      for (const key of reference.keys) keys.add(key);
      keysOf.set(id, keys);
    }
    const findings: LintFinding[] = [];
    for (const reference of references) {
      if (exists(reference, context)) continue;
      const keys = [...(keysOf.get(`${reference.kind}/${reference.name}`) ?? [])];
      findings.push({ path: reference.path, message: message(reference, object, context, keys), fix: fix(reference, keys, context) });
    }
    return findings;
  },
};
