/**
 * The annotations a Deployment writes on its ReplicaSets (deployment_util.go, v1.30):
 * revision and revision-history, desired-replicas and max-replicas, and the Deployment's own
 * annotations (kubernetes.io/change-cause among them) copied onto its new ReplicaSet. Also
 * the proportions used when a Deployment is scaled in the middle of a rollout.
 */
import { isJsonObject, type JsonObject } from '../../store/json';
import { annotationsOf } from './pods';
import {
  ANNOTATIONS_TO_SKIP,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  maxSurge,
  replicasOf,
} from './util';

type Obj = JsonObject;
const MAX_REVISION_HISTORY_CHARS = 2000;

/** The object's annotations, created if needed, for writing. */
function writableAnnotations(object: Obj): Record<string, string> {
  const meta = isJsonObject(object.metadata) ? object.metadata : (object.metadata = {});
  if (!isJsonObject(meta.annotations)) meta.annotations = {};
  return meta.annotations as Record<string, string>;
}

/** Mirrors SetReplicasAnnotations; true when something changed. */
export function setReplicasAnnotations(rs: Obj, desired: number, max: number): boolean {
  const annotations = writableAnnotations(rs);
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/** Mirrors GetDesiredReplicasAnnotation: the replica count the ReplicaSet was sized for. */
export function getDesiredReplicas(rs: Obj): number | undefined {
  const text = annotationsOf(rs)[DESIRED_REPLICAS_ANNOTATION];
  return text !== undefined && /^[-+]?\d+$/.test(text) ? Number(text) : undefined;
}

/** Mirrors ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: Obj, desired: number, max: number): boolean {
  const annotations = annotationsOf(rs);
  return annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * Mirrors SetNewReplicaSetAnnotations: copy the Deployment's annotations (but the skipped
 * ones), raise the revision to `newRevision` when it is higher, remembering the revisions a
 * reused ReplicaSet had (a rollback), and, for a ReplicaSet about to be created, the replica
 * annotations. True when something changed.
 */
export function setNewReplicaSetAnnotations(d: Obj, rs: Obj, newRevision: number, exists: boolean): boolean {
  const annotations = writableAnnotations(rs);
  let changed = false;
  for (const [key, value] of Object.entries(annotationsOf(d))) {
    if (ANNOTATIONS_TO_SKIP.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const oldText = annotations[REVISION_ANNOTATION];
  const hadRevision = oldText !== undefined;
  let oldRevision = 0;
  if (hadRevision) {
    if (!/^[-+]?\d+$/.test(oldText)) return changed;
    oldRevision = Number(oldText);
  }
  if (oldRevision < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (hadRevision) {
      const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
      if (history === '') annotations[REVISION_HISTORY_ANNOTATION] = oldText;
      else {
        const old = history.split(',');
        let total = history.length + oldText.length + 1;
        let start = 0;
        while (total > MAX_REVISION_HISTORY_CHARS && start < old.length) total -= old[start++]!.length + 1;
        if (total <= MAX_REVISION_HISTORY_CHARS) annotations[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldText].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** Go's math.Round: halves away from zero (Math.round sends -2.5 to -2). */
const goRound = (value: number): number => (value < 0 ? -Math.round(-value) : Math.round(value));

/**
 * Mirrors getReplicaSetFraction: the share of a scaling event this ReplicaSet takes, from
 * its size and the max-replicas the Deployment had when it was last sized.
 */
function replicaSetFraction(rs: Obj, d: Obj): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const text = annotationsOf(rs)[MAX_REPLICAS_ANNOTATION];
  const status = isJsonObject(d.status) ? d.status : {};
  const annotated = text !== undefined && /^[-+]?\d+$/.test(text) ? Number(text) : Number(status.replicas ?? 0);
  if (annotated === 0) return 0;
  return goRound((replicasOf(rs) * deploymentReplicas) / annotated) - replicasOf(rs);
}

/** Mirrors GetProportion: a ReplicaSet's share, bounded by what remains to add or remove. */
export function proportion(rs: Obj, d: Obj, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** The annotations kubectl rollout undo puts back on the Deployment (skipped ones kept, the ReplicaSet's others). */
export function rollbackAnnotations(d: Obj, rs: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotationsOf(d))) if (ANNOTATIONS_TO_SKIP.has(key)) out[key] = value;
  for (const [key, value] of Object.entries(annotationsOf(rs))) if (!ANNOTATIONS_TO_SKIP.has(key)) out[key] = value;
  return out;
}
