/**
 * A DaemonSet's revisions (kube-controller-manager's daemon/update.go: constructHistory,
 * snapshot, dedupCurHistories, cleanupHistory). Each template version is a
 * ControllerRevision `<ds>-<hash>`, its hash (controller.ComputeHash of the template, as
 * for a Deployment's pod-template-hash) in the `controller-revision-hash` label its Pods
 * carry too. The current one gets the highest revision number; old ones beyond
 * revisionHistoryLimit go, unless a Pod still runs them.
 */
import { kindInfo } from '../../api/catalog';
import { goJson, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { computeHash } from '../deployment/hash';
import { labelsOf, nameOf, namespaceOf, specOf, statusOf } from '../deployment/pods';
import type { Action, Reader } from '../types';
import { CONTROLLER_REVISION_HASH_LABEL, dataBytes, newRevision, revisionOf, sortRevisions, templateLabels, templatePatch } from '../statefulset/history';

const REVISIONS = kindInfo('apps/v1', 'ControllerRevision')!;
const PODS = kindInfo('v1', 'Pod')!;

export interface History {
  /** The revision of the current template; undefined when a hash collision stopped the sync. */
  cur?: KubeObject;
  old: KubeObject[];
}

const maxRevision = (revisions: readonly JsonObject[]): number => revisions.reduce((max, revision) => Math.max(max, revisionOf(revision)), 0);

/**
 * Mirrors constructHistory: labels revisions that lack the hash label, splits the
 * revisions into the one matching the template and the old ones, and creates the current
 * one (snapshot) or renumbers it to be the newest. A name taken by another template bumps
 * status.collisionCount and stops the sync, to be tried again with the next name.
 */
export function constructHistory(reader: Reader, ds: KubeObject, histories: readonly KubeObject[], pods: readonly KubeObject[], actions: Action[]): History {
  const namespace = namespaceOf(ds);
  const data = templatePatch(ds);
  const bytes = goJson(data);
  const current: KubeObject[] = [];
  const old: KubeObject[] = [];
  for (const history of histories) {
    let labelled = history;
    if (labelsOf(history)[CONTROLLER_REVISION_HASH_LABEL] === undefined) {
      // Uses the name rather than a hash: no collision to worry about.
      const labels = { ...labelsOf(history), [CONTROLLER_REVISION_HASH_LABEL]: nameOf(history) };
      actions.push({ type: 'patch', info: REVISIONS, namespace, name: nameOf(history), patch: { metadata: { labels } } });
      labelled = { ...history, metadata: { ...(history.metadata as JsonObject), labels } };
    }
    (dataBytes(labelled) === bytes ? current : old).push(labelled);
  }
  const next = maxRevision(old) + 1;
  if (current.length === 0) return snapshot(reader, ds, data, next, old, actions);
  const cur = dedupCurHistories(current, pods, actions);
  if (revisionOf(cur) < next) {
    actions.push({ type: 'patch', info: REVISIONS, namespace, name: nameOf(cur), patch: { revision: next } });
    return { cur: { ...cur, revision: next }, old };
  }
  return { cur, old };
}

/** Mirrors snapshot: a new revision `<ds>-<hash>`, or the collision handling when the name is taken. */
function snapshot(reader: Reader, ds: KubeObject, data: JsonObject, revision: number, old: KubeObject[], actions: Action[]): History {
  const collisionCount = typeof statusOf(ds).collisionCount === 'number' ? (statusOf(ds).collisionCount as number) : undefined;
  const hash = computeHash(specOf(ds).template, collisionCount);
  const name = `${nameOf(ds)}-${hash}`;
  const existing = reader.get(REVISIONS, namespaceOf(ds), name);
  if (existing && dataBytes(existing) === goJson(data)) return { cur: existing, old };
  if (existing) {
    actions.push({ type: 'updateStatus', object: { ...ds, status: { ...statusOf(ds), collisionCount: (collisionCount ?? 0) + 1 } } });
    return { old };
  }
  const cur = newRevision(ds, name, data, revision, { ...templateLabels(ds), [CONTROLLER_REVISION_HASH_LABEL]: hash });
  actions.push({ type: 'create', object: cur });
  return { cur, old };
}

/**
 * Mirrors dedupCurHistories: of several revisions of the same template, the newest stays;
 * the Pods of the others are relabelled to its hash and the duplicates deleted.
 */
function dedupCurHistories(current: KubeObject[], pods: readonly KubeObject[], actions: Action[]): KubeObject {
  if (current.length === 1) return current[0]!;
  const keep = current.reduce((best, history) => (revisionOf(history) > revisionOf(best) ? history : best));
  const keepHash = labelsOf(keep)[CONTROLLER_REVISION_HASH_LABEL]!;
  for (const duplicate of current) {
    if (duplicate === keep) continue;
    const hash = labelsOf(duplicate)[CONTROLLER_REVISION_HASH_LABEL];
    for (const pod of pods) {
      if (labelsOf(pod)[CONTROLLER_REVISION_HASH_LABEL] !== hash) continue;
      actions.push({ type: 'patch', info: PODS, namespace: namespaceOf(pod), name: nameOf(pod), patch: { metadata: { labels: { [CONTROLLER_REVISION_HASH_LABEL]: keepHash } } } });
    }
    actions.push({ type: 'delete', info: REVISIONS, namespace: namespaceOf(duplicate), name: nameOf(duplicate) });
  }
  return keep;
}

/** Mirrors cleanupHistory: the oldest revisions beyond revisionHistoryLimit, unless a Pod (even a finished one) runs them. */
export function cleanupHistory(ds: JsonObject, old: readonly KubeObject[], pods: readonly KubeObject[], actions: Action[]): void {
  const limit = typeof specOf(ds).revisionHistoryLimit === 'number' ? (specOf(ds).revisionHistoryLimit as number) : 10;
  let toKill = old.length - limit;
  if (toKill <= 0) return;
  const live = new Set(pods.map((pod) => labelsOf(pod)[CONTROLLER_REVISION_HASH_LABEL]).filter((hash) => hash !== undefined));
  for (const history of sortRevisions([...old])) {
    if (toKill <= 0) break;
    if (live.has(labelsOf(history)[CONTROLLER_REVISION_HASH_LABEL]!)) continue;
    actions.push({ type: 'delete', info: REVISIONS, namespace: namespaceOf(history), name: nameOf(history) });
    toKill--;
  }
}
