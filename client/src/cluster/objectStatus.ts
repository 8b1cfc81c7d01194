/**
 * One object's state at a glance, as the tree shows it: ready, progressing, failing or
 * neutral (a colour), a short description (`3/3 prêts`, `CrashLoopBackOff (4)`) and the
 * key facts for the tooltip. Pod and Node statuses are kubectl's own words, computed as
 * `kubectl get` does, so the tree and the terminal never disagree.
 */
import type * as vscode from 'vscode';
import { nodeStatus } from '../../../simulator/src/kubectl/get/cluster';
import { podSummary } from '../../../simulator/src/kubectl/get/pods';
import { arr, at, condition, meta, num, obj, str, type Json } from './json';

export type State = 'ready' | 'progressing' | 'failing' | 'neutral';

export interface Status {
  state: State;
  /**
   * The state will not change by itself: only the learner can move it on (a cordoned
   * node, a Service that no Pod matches). The tree draws a warning instead of a spinner.
   */
  steady?: boolean;
  description: string;
  /** Tooltip lines, without the title. */
  details: string[];
}

export interface StatusContext {
  /** Simulated time. */
  now: number;
  l10n: Pick<typeof vscode.l10n, 't'>;
  /** The Endpoints object of a Service, if the cluster has one. */
  endpoints(namespace: string, name: string): Json | undefined;
  /** How many Pods of the namespace carry these labels (unknown when absent). */
  podsMatching?(namespace: string, selector: Record<string, string>): number;
}

/** kubectl STATUS words that mean something went wrong. */
const FAILING = /CrashLoopBackOff|Err|Error|BackOff|OOMKilled|Failed|Unknown|Evicted|NodeLost|ExitCode|Signal|DeadlineExceeded|Invalid|ContainerCannotRun|Init:(?!\d)/;

/** Orders states from the most to the least worrying. */
export const SEVERITY: Record<State, number> = { failing: 3, progressing: 2, ready: 1, neutral: 0 };

const images = (podSpec: unknown): string => arr(obj(podSpec).containers).map((c) => str(c.image)).filter(Boolean).join(', ');
const conditionMessages = (object: Json, wanted: (c: Json) => boolean): string[] =>
  arr(at(object, 'status.conditions')).filter(wanted).map((c) => `${str(c.type)}=${str(c.status)}${str(c.reason) ? ` (${str(c.reason)})` : ''}${str(c.message) ? ` : ${str(c.message)}` : ''}`);
const replicasOf = (object: Json): number => num(at(object, 'spec.replicas'), 1);

function podStatus(pod: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const summary = podSummary(pod, ctx.now);
  const restarts = Number.parseInt(summary.restarts, 10) || 0;
  const [ready = 0, total = 0] = summary.ready.split('/').map(Number);
  const scheduled = condition(pod, 'PodScheduled');
  const unschedulable = str(scheduled?.status) === 'False' && str(scheduled?.reason) === 'Unschedulable';
  let state: State;
  if (summary.status === 'Running') state = ready === total ? 'ready' : restarts > 0 ? 'failing' : 'progressing';
  else if (summary.status === 'Completed' || summary.status === 'Succeeded') state = 'ready';
  else if (unschedulable || FAILING.test(summary.status)) state = 'failing';
  else state = 'progressing';
  let description = restarts > 0 ? `${summary.status} (${restarts})` : summary.status;
  if (summary.status === 'Running' && ready !== total) description = l10n.t('{0} · {1} prêts', description, summary.ready);
  const status = obj(pod.status);
  const details = [
    l10n.t('Statut : {0}', summary.status),
    l10n.t('Conteneurs prêts : {0}', summary.ready),
    l10n.t('Redémarrages : {0}', restarts),
    l10n.t('Nœud : {0}', str(at(pod, 'spec.nodeName')) || l10n.t('aucun (pas encore placé)')),
  ];
  if (str(status.podIP)) details.push(l10n.t('IP : {0}', str(status.podIP)));
  details.push(l10n.t('Images : {0}', images(pod.spec)));
  if (unschedulable && str(scheduled?.message)) details.push(str(scheduled?.message));
  for (const container of [...arr(status.initContainerStatuses), ...arr(status.containerStatuses)]) {
    const waiting = obj(at(container, 'state.waiting'));
    const terminated = obj(at(container, 'state.terminated'));
    const message = str(waiting.message) || str(terminated.message);
    const reason = str(waiting.reason) || str(terminated.reason);
    if (reason) details.push(`${str(container.name)} : ${reason}${message ? ` — ${message}` : ''}`);
  }
  return { state, description, details };
}

/** Desired against ready, the usual shape of a controller's status. */
function replicated(desired: number, ready: number, done: boolean, ctx: StatusContext, failing: boolean): Pick<Status, 'state' | 'description'> {
  const description = ctx.l10n.t('{0}/{1} prêts', ready, desired);
  if (failing) return { state: 'failing', description };
  if (desired === 0 && ready === 0) return { state: 'neutral', description };
  return { state: done ? 'ready' : 'progressing', description };
}

function deploymentStatus(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const desired = replicasOf(object);
  const status = obj(object.status);
  const ready = num(status.readyReplicas);
  const updated = num(status.updatedReplicas);
  const available = num(status.availableReplicas);
  const progressing = condition(object, 'Progressing');
  const failing = (str(progressing?.status) === 'False' && str(progressing?.reason) === 'ProgressDeadlineExceeded') || str(condition(object, 'ReplicaFailure')?.status) === 'True';
  const current = num(status.observedGeneration) >= num(meta(object).generation, 1);
  const done = current && ready >= desired && updated >= desired && available >= desired && num(status.replicas) === desired;
  return {
    ...replicated(desired, ready, done, ctx, failing),
    details: [
      l10n.t('Réplicas voulus : {0}', desired),
      l10n.t('À jour : {0} · prêts : {1} · disponibles : {2}', updated, ready, available),
      l10n.t('Stratégie : {0}', str(at(object, 'spec.strategy.type')) || 'RollingUpdate'),
      l10n.t('Images : {0}', images(at(object, 'spec.template.spec'))),
      ...conditionMessages(object, () => true),
    ],
  };
}

function replicaSetStatus(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const desired = replicasOf(object);
  const ready = num(at(object, 'status.readyReplicas'));
  const failing = str(condition(object, 'ReplicaFailure')?.status) === 'True';
  const revision = str(obj(meta(object).annotations)['deployment.kubernetes.io/revision']);
  const details = [l10n.t('Réplicas voulus : {0} · prêts : {1}', desired, ready), l10n.t('Images : {0}', images(at(object, 'spec.template.spec')))];
  if (revision) details.unshift(l10n.t('Révision {0}', revision));
  details.push(...conditionMessages(object, (c) => str(c.status) === 'True'));
  return { ...replicated(desired, ready, ready >= desired && num(at(object, 'status.replicas')) === desired, ctx, failing), details };
}

function statefulSetStatus(object: Json, ctx: StatusContext): Status {
  const desired = replicasOf(object);
  const ready = num(at(object, 'status.readyReplicas'));
  return {
    ...replicated(desired, ready, ready >= desired, ctx, false),
    details: [ctx.l10n.t('Réplicas voulus : {0} · prêts : {1}', desired, ready), ctx.l10n.t('Images : {0}', images(at(object, 'spec.template.spec')))],
  };
}

function daemonSetStatus(object: Json, ctx: StatusContext): Status {
  const desired = num(at(object, 'status.desiredNumberScheduled'));
  const ready = num(at(object, 'status.numberReady'));
  return {
    ...replicated(desired, ready, ready >= desired, ctx, false),
    details: [ctx.l10n.t('Un Pod par nœud : {0} voulus · {1} prêts', desired, ready), ctx.l10n.t('Images : {0}', images(at(object, 'spec.template.spec')))],
  };
}

function jobStatus(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const completions = num(at(object, 'spec.completions'), 1);
  const status = obj(object.status);
  const succeeded = num(status.succeeded);
  const details = [
    l10n.t('Réussis : {0}/{1} · actifs : {2} · échecs : {3}', succeeded, completions, num(status.active), num(status.failed)),
    ...conditionMessages(object, (c) => str(c.status) === 'True'),
  ];
  const failed = condition(object, 'Failed');
  if (str(failed?.status) === 'True') return { state: 'failing', description: str(failed?.reason) || 'Failed', details };
  if (str(condition(object, 'Complete')?.status) === 'True') return { state: 'ready', description: l10n.t('Terminé ({0}/{1})', succeeded, completions), details };
  if (at(object, 'spec.suspend') === true) return { state: 'neutral', description: l10n.t('suspendu'), details };
  return { state: 'progressing', description: l10n.t('{0}/{1} réussis', succeeded, completions), details };
}

function cronJobStatus(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const schedule = str(at(object, 'spec.schedule'));
  const active = arr(at(object, 'status.active')).length;
  const details = [l10n.t('Planning : {0}', schedule), l10n.t('Jobs actifs : {0}', active)];
  const last = str(at(object, 'status.lastScheduleTime'));
  if (last) details.push(l10n.t('Dernier lancement : {0}', last));
  if (at(object, 'spec.suspend') === true) return { state: 'neutral', description: l10n.t('{0} · suspendu', schedule), details };
  return { state: 'neutral', description: active > 0 ? l10n.t('{0} · {1} actifs', schedule, active) : schedule, details };
}

function hpaStatus(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const min = num(at(object, 'spec.minReplicas'), 1);
  const max = num(at(object, 'spec.maxReplicas'));
  const current = num(at(object, 'status.currentReplicas'));
  const target = `${str(at(object, 'spec.scaleTargetRef.kind'))}/${str(at(object, 'spec.scaleTargetRef.name'))}`;
  const broken = ['AbleToScale', 'ScalingActive'].some((type) => str(condition(object, type)?.status) === 'False');
  return {
    state: broken ? 'failing' : 'neutral',
    description: l10n.t('{0} réplicas ({1} à {2})', current, min, max),
    details: [l10n.t('Cible : {0}', target), ...conditionMessages(object, () => true)],
  };
}

function serviceStatus(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const spec = obj(object.spec);
  const type = str(spec.type) || 'ClusterIP';
  const ports = arr(spec.ports).map((p) => `${str(p.port)}/${str(p.protocol) || 'TCP'}`).join(',');
  const ip = type === 'ExternalName' ? str(spec.externalName) : str(spec.clusterIP);
  const description = [type, ip, ports].filter(Boolean).join(' · ');
  const labels = Object.fromEntries(Object.entries(obj(spec.selector)).map(([key, value]) => [key, str(value)]));
  const selector = Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(',');
  const details = [l10n.t('Type : {0}', type), l10n.t('Sélecteur : {0}', selector || l10n.t('aucun'))];
  const namespace = str(meta(object).namespace);
  const endpoints = selector && type !== 'ExternalName' ? ctx.endpoints(namespace, str(meta(object).name)) : undefined;
  if (!endpoints) return { state: 'neutral', description, details };
  const subsets = arr(endpoints.subsets);
  const ready = subsets.reduce((count, subset) => count + arr(subset.addresses).length, 0);
  const notReady = subsets.reduce((count, subset) => count + arr(subset.notReadyAddresses).length, 0);
  details.push(l10n.t('Pods derrière le Service : {0} prêts, {1} pas prêts', ready, notReady));
  if (ready > 0) return { state: 'ready', description, details };
  details.push(l10n.t('Aucun Pod prêt ne correspond au sélecteur : les requêtes vers ce Service échouent.'));
  // No Pod carries the labels at all: waiting will not help, the selector or the labels must change.
  const steady = notReady === 0 && ctx.podsMatching?.(namespace, labels) === 0;
  if (steady) details.push(l10n.t('Aucun Pod ne porte les labels {0} : compare le sélecteur du Service aux labels du modèle de Pod.', selector));
  return { state: 'progressing', ...(steady ? { steady } : {}), description, details };
}

function endpointsStatus(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const subsets = arr(object.subsets);
  const addresses = subsets.flatMap((subset) => arr(subset.addresses).map((a) => str(a.ip)));
  const notReady = subsets.reduce((count, subset) => count + arr(subset.notReadyAddresses).length, 0);
  const ready = addresses.length === 0 ? l10n.t('aucune adresse prête') : addresses.length === 1 ? l10n.t('1 adresse') : l10n.t('{0} adresses', addresses.length);
  return {
    state: 'neutral',
    description: notReady > 0 ? l10n.t('{0} · {1} pas prêtes', ready, notReady) : ready,
    details: addresses,
  };
}

function claimStatus(object: Json, ctx: StatusContext): Status {
  const phase = str(at(object, 'status.phase')) || 'Pending';
  const capacity = str(at(object, 'status.capacity.storage')) || str(at(object, 'spec.resources.requests.storage')) || str(at(object, 'spec.capacity.storage'));
  const state: State = phase === 'Bound' || phase === 'Available' ? 'ready' : phase === 'Lost' || phase === 'Failed' ? 'failing' : phase === 'Released' ? 'neutral' : 'progressing';
  const details = [
    ctx.l10n.t('Phase : {0}', phase),
    ctx.l10n.t('Classe de stockage : {0}', str(at(object, 'spec.storageClassName')) || '—'),
    ctx.l10n.t("Modes d'accès : {0}", (at(object, 'spec.accessModes') as unknown[] | undefined)?.map(str).join(', ') ?? '—'),
  ];
  const claim = at(object, 'spec.claimRef');
  if (claim) details.push(ctx.l10n.t('Réclamé par : {0}/{1}', str(at(claim, 'namespace')), str(at(claim, 'name'))));
  const volume = str(at(object, 'spec.volumeName'));
  if (volume) details.push(ctx.l10n.t('Volume : {0}', volume));
  return { state, description: [phase, capacity].filter(Boolean).join(' · '), details };
}

function nodeStatusOf(object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const text = nodeStatus(object);
  const cordoned = text.includes('SchedulingDisabled');
  const state: State = text.startsWith('Ready') ? (cordoned ? 'progressing' : 'ready') : 'failing';
  const address = arr(at(object, 'status.addresses')).find((a) => str(a.type) === 'InternalIP');
  const capacity = obj(at(object, 'status.capacity'));
  const roles = Object.keys(obj(meta(object).labels)).filter((key) => key.startsWith('node-role.kubernetes.io/')).map((key) => key.slice(24));
  const details = [
    l10n.t('Statut : {0}', text),
    l10n.t('Rôles : {0}', roles.join(', ') || '<none>'),
    l10n.t('IP interne : {0}', str(address?.address) || '—'),
    l10n.t('Capacité : {0} CPU, {1} de mémoire, {2} Pods', str(capacity.cpu), str(capacity.memory), str(capacity.pods)),
    l10n.t('Kubelet : {0}', str(at(object, 'status.nodeInfo.kubeletVersion')) || '—'),
    ...arr(at(object, 'spec.taints')).map((t) => l10n.t('Taint : {0}', `${str(t.key)}${str(t.value) ? `=${str(t.value)}` : ''}:${str(t.effect)}`)),
    ...conditionMessages(object, (c) => (str(c.type) === 'Ready' ? str(c.status) !== 'True' : str(c.status) === 'True')),
  ];
  // A cordoned node stays so until someone uncordons it.
  return { state, ...(state === 'progressing' && cordoned ? { steady: true } : {}), description: text, details };
}

function keysCount(object: Json, ctx: StatusContext): string {
  const count = Object.keys(obj(object.data)).length + Object.keys(obj(object.binaryData)).length + Object.keys(obj(object.stringData)).length;
  return count === 1 ? ctx.l10n.t('1 clé') : ctx.l10n.t('{0} clés', count);
}

/** The status of any object the tree shows (neutral, with no description, for the others). */
export function statusOf(kind: string, object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  const status = statusByKind(kind, object, ctx);
  if (kind !== 'Pod' && meta(object).deletionTimestamp) {
    // Being deleted: it moves on by itself, whatever it was waiting for.
    return { details: status.details, state: 'progressing', description: status.description ? `Terminating · ${status.description}` : 'Terminating' };
  }
  const created = str(meta(object).creationTimestamp);
  if (created) status.details.push(l10n.t('Créé le {0} (temps simulé)', created));
  return status;
}

function statusByKind(kind: string, object: Json, ctx: StatusContext): Status {
  const { l10n } = ctx;
  switch (kind) {
    case 'Pod':
      return podStatus(object, ctx);
    case 'Node':
      return nodeStatusOf(object, ctx);
    case 'Deployment':
      return deploymentStatus(object, ctx);
    case 'ReplicaSet':
      return replicaSetStatus(object, ctx);
    case 'StatefulSet':
      return statefulSetStatus(object, ctx);
    case 'DaemonSet':
      return daemonSetStatus(object, ctx);
    case 'Job':
      return jobStatus(object, ctx);
    case 'CronJob':
      return cronJobStatus(object, ctx);
    case 'HorizontalPodAutoscaler':
      return hpaStatus(object, ctx);
    case 'Service':
      return serviceStatus(object, ctx);
    case 'Endpoints':
      return endpointsStatus(object, ctx);
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
      return claimStatus(object, ctx);
    case 'ConfigMap':
      return { state: 'neutral', description: keysCount(object, ctx), details: Object.keys(obj(object.data)) };
    case 'Secret':
      return { state: 'neutral', description: `${str(object.type) || 'Opaque'} · ${keysCount(object, ctx)}`, details: Object.keys(obj(object.data)) };
    case 'Ingress': {
      const hosts = arr(at(object, 'spec.rules')).map((rule) => str(rule.host) || '*');
      return { state: 'neutral', description: hosts.join(', ') || '*', details: [l10n.t('Classe : {0}', str(at(object, 'spec.ingressClassName')) || '—')] };
    }
    case 'NetworkPolicy': {
      const types = (at(object, 'spec.policyTypes') as unknown[] | undefined)?.map(str) ?? ['Ingress'];
      return { state: 'neutral', description: types.join(', '), details: [] };
    }
    case 'StorageClass': {
      const isDefault = str(obj(meta(object).annotations)['storageclass.kubernetes.io/is-default-class']) === 'true';
      const provisioner = str(object.provisioner);
      return { state: 'neutral', description: isDefault ? l10n.t('{0} (par défaut)', provisioner) : provisioner, details: [] };
    }
    case 'Role':
    case 'ClusterRole': {
      const rules = arr(object.rules).length;
      return { state: 'neutral', description: l10n.t('{0} règles', rules), details: [] };
    }
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      const ref = obj(object.roleRef);
      const subjects = arr(object.subjects).map((s) => `${str(s.kind)} ${str(s.namespace) ? `${str(s.namespace)}/` : ''}${str(s.name)}`);
      return { state: 'neutral', description: `→ ${str(ref.kind)}/${str(ref.name)}`, details: subjects };
    }
    case 'Namespace':
      return { state: 'neutral', description: '', details: [l10n.t('Phase : {0}', str(at(object, 'status.phase')) || 'Active')] };
    default:
      return { state: 'neutral', description: '', details: [] };
  }
}
