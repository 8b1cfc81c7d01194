/**
 * `kubectl rollout` for Deployments, as pure functions over the store (kubectl v1.30's
 * polymorphichelpers: history.go, rollback.go, objectpauser.go, objectresumer.go,
 * objectrestarter.go, rollout_status.go). They read and write through the API, like
 * kubectl: the Deployment controller then does the rest. Texts are kubectl's, without the
 * `error: ` prefix nor the trailing newline, which the kubectl presentation adds.
 */
import { formatTimestamp } from '../../clock';
import { kindInfo } from '../../api/catalog';
import { clone, isJsonObject, type JsonObject } from '../../store/json';
import { formatLabelSelector } from '../../store/selectors';
import type { KubeObject, ObjectStore } from '../../store/store';
import { rollbackAnnotations } from './annotations';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL } from './hash';
import { controllerOf } from './ownership';
import { annotationsOf, metaOf, nameOf, specOf, statusOf, uidOf } from './pods';
import { CHANGE_CAUSE_ANNOTATION, Reason, getCondition, revisionOf } from './util';

const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const REPLICA_SETS = kindInfo('apps/v1', 'ReplicaSet')!;
const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** An error kubectl itself reports (no API status): its English text, and a French explanation. */
export class RolloutError extends Error {
  constructor(
    message: string,
    /** A French explanation for learners. */
    readonly fr: string,
  ) {
    super(message);
    this.name = 'RolloutError';
  }
}

export interface RevisionEntry {
  revision: number;
  /** The `kubernetes.io/change-cause` annotation of that revision (kubectl prints `<none>` without). */
  changeCause: string | undefined;
}

/** Mirrors kubectl's deploymentutil.listReplicaSets: the ReplicaSets the selector finds and the Deployment controls. */
function replicaSetsOf(store: ObjectStore, d: KubeObject): KubeObject[] {
  const namespace = String(metaOf(d).namespace);
  return store.list(REPLICA_SETS, { namespace, labelSelector: formatLabelSelector(specOf(d).selector) }).filter((rs) => controllerOf(rs)?.uid === uidOf(d));
}

/** Mirrors DeploymentHistoryViewer: revision -> ReplicaSet (readable revisions only). */
function historyOf(store: ObjectStore, d: KubeObject): Map<number, KubeObject> {
  const history = new Map<number, KubeObject>();
  for (const rs of replicaSetsOf(store, d)) {
    const revision = revisionOf(rs);
    if (!Number.isNaN(revision)) history.set(revision, rs);
  }
  return history;
}

/**
 * `kubectl rollout history deployment/NAME`: the revisions, oldest first, with their
 * change-cause. Empty when there is none (kubectl prints `No rollout history found.`).
 */
export function rolloutHistory(store: ObjectStore, namespace: string, name: string): RevisionEntry[] {
  const history = historyOf(store, store.get(DEPLOYMENTS, namespace, name));
  return [...history.keys()]
    .sort((a, b) => a - b)
    .map((revision) => {
      const cause = annotationsOf(history.get(revision)!)[CHANGE_CAUSE_ANNOTATION];
      return { revision, changeCause: cause === undefined || cause === '' ? undefined : cause };
    });
}

/** `kubectl rollout history deployment/NAME --revision=N`: the Pod template of that revision. */
export function rolloutHistoryDetail(store: ObjectStore, namespace: string, name: string, revision: number): JsonObject {
  const rs = historyOf(store, store.get(DEPLOYMENTS, namespace, name)).get(revision);
  if (!rs) throw new RolloutError('unable to find the specified revision', `La révision ${revision} n'existe pas (ou plus) dans l'historique de « ${name} » : kubectl rollout history deployment/${name} liste celles qui restent.`);
  return clone(isJsonObject(specOf(rs).template) ? (specOf(rs).template as JsonObject) : {});
}

/** Mirrors deploymentRevision: the ReplicaSet of `toRevision`, or of the previous revision for 0. */
function revisionToRollBackTo(store: ObjectStore, d: KubeObject, toRevision: number): KubeObject {
  let latest: { revision: number; rs?: KubeObject } = { revision: -1 };
  let previous: { revision: number; rs?: KubeObject } = { revision: -1 };
  for (const rs of replicaSetsOf(store, d)) {
    const revision = revisionOf(rs);
    if (Number.isNaN(revision)) continue;
    if (toRevision === 0) {
      if (latest.revision < revision) {
        previous = latest;
        latest = { revision, rs };
      } else if (previous.revision < revision) previous = { revision, rs };
    } else if (toRevision === revision) return rs;
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous.rs) {
    throw new RolloutError(`no rollout history found for deployment ${JSON.stringify(nameOf(d))}`, `« ${nameOf(d)} » n'a pas de révision précédente : il faut au moins deux versions du modèle de Pod pour revenir en arrière.`);
  }
  return previous.rs;
}

const revisionNotFound = (revision: number): RolloutError =>
  new RolloutError(`unable to find specified revision ${revision} in history`, `La révision ${revision} n'est pas dans l'historique : kubectl rollout history montre les révisions disponibles (revisionHistoryLimit en garde 10 par défaut).`);

/**
 * `kubectl rollout undo deployment/NAME [--to-revision=N]`: puts the template (and the
 * annotations, change-cause included) of that revision back into the Deployment. Returns
 * kubectl's verb: `rolled back`, or `skipped rollback (current template already matches
 * revision N)`.
 */
export function rolloutUndo(store: ObjectStore, namespace: string, name: string, toRevision = 0): { message: string; deployment: KubeObject } {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const d = store.get(DEPLOYMENTS, namespace, name);
  const rs = revisionToRollBackTo(store, d, toRevision);
  if (specOf(d).paused === true) {
    throw new RolloutError(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      `« ${name} » est en pause : reprends-le d'abord (kubectl rollout resume deployment/${name}), puis recommence l'annulation.`,
    );
  }
  if (equalIgnoreHash(specOf(rs).template, specOf(d).template)) {
    return { message: `skipped rollback (current template already matches revision ${toRevision})`, deployment: d };
  }
  const template = clone(isJsonObject(specOf(rs).template) ? (specOf(rs).template as JsonObject) : {});
  const templateMeta = isJsonObject(template.metadata) ? template.metadata : {};
  if (isJsonObject(templateMeta.labels)) delete templateMeta.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations = rollbackAnnotations(d, rs);
  const next = clone(d);
  (next.spec as JsonObject).template = template;
  const meta = metaOf(next);
  if (Object.keys(annotations).length > 0) meta.annotations = annotations;
  else delete meta.annotations;
  return { message: 'rolled back', deployment: store.update(next) };
}

/** `kubectl rollout restart deployment/NAME`: a new template annotation, hence a new rollout. */
export function rolloutRestart(store: ObjectStore, namespace: string, name: string, now: number): KubeObject {
  const d = store.get(DEPLOYMENTS, namespace, name);
  if (specOf(d).paused === true) {
    throw new RolloutError(
      `deployments.apps ${JSON.stringify(name)} can't restart paused deployment (run rollout resume first)`,
      `« ${name} » est en pause : un redémarrage créerait une révision qui ne se déploierait pas. Reprends-le d'abord avec kubectl rollout resume.`,
    );
  }
  const next = clone(d);
  const template = isJsonObject(specOf(next).template) ? (specOf(next).template as JsonObject) : {};
  const templateMeta = isJsonObject(template.metadata) ? template.metadata : (template.metadata = {});
  templateMeta.annotations = { ...(isJsonObject(templateMeta.annotations) ? templateMeta.annotations : {}), [RESTARTED_AT_ANNOTATION]: formatTimestamp(now) };
  return store.update(next);
}

/** `kubectl rollout pause deployment/NAME`: spec.paused = true. */
export function rolloutPause(store: ObjectStore, namespace: string, name: string): KubeObject {
  if (specOf(store.get(DEPLOYMENTS, namespace, name)).paused === true) {
    throw new RolloutError(`deployments.apps ${JSON.stringify(name)} is already paused`, `« ${name} » est déjà en pause.`);
  }
  return store.patch(DEPLOYMENTS, namespace, name, { spec: { paused: true } });
}

/** `kubectl rollout resume deployment/NAME`: spec.paused removed (false is its zero value). */
export function rolloutResume(store: ObjectStore, namespace: string, name: string): KubeObject {
  if (specOf(store.get(DEPLOYMENTS, namespace, name)).paused !== true) {
    throw new RolloutError(`deployments.apps ${JSON.stringify(name)} is not paused`, `« ${name} » n'est pas en pause : il n'y a rien à reprendre.`);
  }
  return store.patch(DEPLOYMENTS, namespace, name, { spec: { paused: null } });
}

/**
 * `kubectl rollout status deployment/NAME`: one look at the rollout (kubectl repeats it
 * until `done`). Throws when the rollout exceeded its progress deadline.
 */
export function rolloutStatus(store: ObjectStore, namespace: string, name: string, revision = 0): { message: string; done: boolean } {
  const d = store.get(DEPLOYMENTS, namespace, name);
  if (revision > 0) {
    const running = revisionOf(d);
    if (running !== revision) {
      throw new RolloutError(`desired revision (${revision}) is different from the running revision (${running})`, `La révision en cours de « ${name} » est la ${running}, pas la ${revision}.`);
    }
  }
  const status = statusOf(d);
  const count = (field: string): number => Number(status[field] ?? 0);
  const quoted = JSON.stringify(name);
  if (Number(metaOf(d).generation ?? 0) > count('observedGeneration')) return { message: 'Waiting for deployment spec update to be observed...', done: false };
  if (getCondition(status, 'Progressing')?.reason === Reason.TimedOut) {
    throw new RolloutError(
      `deployment ${quoted} exceeded its progress deadline`,
      `Le déploiement n'a plus progressé pendant progressDeadlineSeconds : regarde les Pods de la nouvelle version (kubectl get pods, kubectl describe pod) pour savoir pourquoi ils ne deviennent pas prêts.`,
    );
  }
  const replicas = typeof specOf(d).replicas === 'number' ? (specOf(d).replicas as number) : undefined;
  const updated = count('updatedReplicas');
  const prefix = `Waiting for deployment ${quoted} rollout to finish:`;
  if (replicas !== undefined && updated < replicas) return { message: `${prefix} ${updated} out of ${replicas} new replicas have been updated...`, done: false };
  if (count('replicas') > updated) return { message: `${prefix} ${count('replicas') - updated} old replicas are pending termination...`, done: false };
  if (count('availableReplicas') < updated) return { message: `${prefix} ${count('availableReplicas')} of ${updated} updated replicas are available...`, done: false };
  return { message: `deployment ${quoted} successfully rolled out`, done: true };
}
