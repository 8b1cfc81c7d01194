/**
 * A StatefulSet's revisions (kube-controller-manager's getStatefulSetRevisions and
 * truncateHistory): the update revision is the ControllerRevision whose data equals the
 * current template (created as `web-<hash>` when none does, or brought back with a new
 * revision number on a rollback); the current revision is the one status.currentRevision
 * names; revisions no Pod uses beyond revisionHistoryLimit are deleted, oldest first.
 */
import { kindInfo } from '../../api/catalog';
import { goJson, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { nameOf, namespaceOf, specOf, statusOf } from '../deployment/pods';
import type { Action, Reader } from '../types';
import { dataBytes, hashRevisionData, HISTORY_HASH_LABEL, newRevision, nextRevision, revisionName, templateLabels, templatePatch } from './history';
import { podRevision } from './identity';
import type { SyncRevisions } from './update';

const REVISIONS = kindInfo('apps/v1', 'ControllerRevision')!;

/**
 * Mirrors getStatefulSetRevisions. `revisions` are the set's own, sorted by revision. A new
 * revision whose name is taken by different data bumps the collision count and tries the
 * next name, as CreateControllerRevision does.
 */
export function statefulSetRevisions(reader: Reader, set: KubeObject, revisions: readonly KubeObject[], actions: Action[]): SyncRevisions {
  let collisionCount = typeof statusOf(set).collisionCount === 'number' ? (statusOf(set).collisionCount as number) : 0;
  const data = templatePatch(set);
  const bytes = goJson(data);
  const next = nextRevision(revisions);
  const equal = revisions.filter((revision) => dataBytes(revision) === bytes);
  let update: KubeObject;
  const latest = revisions[revisions.length - 1];
  if (equal.length > 0 && latest && dataBytes(latest) === bytes) {
    // The template has not changed since the latest revision.
    update = latest;
  } else if (equal.length > 0) {
    // Back to an earlier template (a rollback): that revision becomes the newest.
    const found = equal[equal.length - 1]!;
    actions.push({ type: 'patch', info: REVISIONS, namespace: namespaceOf(found), name: nameOf(found), patch: { revision: next } });
    update = { ...found, revision: next };
  } else {
    const labelHash = hashRevisionData(data, collisionCount);
    for (;;) {
      const name = revisionName(nameOf(set), hashRevisionData(data, collisionCount));
      const existing = reader.get(REVISIONS, namespaceOf(set), name);
      if (existing && dataBytes(existing) === bytes) {
        update = existing;
        break;
      }
      if (!existing) {
        update = newRevision(set, name, data, next, { ...templateLabels(set), [HISTORY_HASH_LABEL]: labelHash });
        actions.push({ type: 'create', object: update });
        break;
      }
      collisionCount++;
    }
  }
  const currentName = statusOf(set).currentRevision;
  const current = revisions.find((revision) => nameOf(revision) === currentName) ?? update;
  return { current, update, collisionCount };
}

/**
 * Mirrors truncateHistory: the revisions neither current, nor the update, nor used by a Pod
 * are history; beyond revisionHistoryLimit, the oldest are deleted.
 */
export function truncateHistory(set: JsonObject, pods: readonly JsonObject[], revisions: readonly KubeObject[], live: SyncRevisions, actions: Action[]): void {
  const inUse = new Set<string>([nameOf(live.current), nameOf(live.update), ...pods.map(podRevision)]);
  const history = revisions.filter((revision) => !inUse.has(nameOf(revision)));
  const limit = typeof specOf(set).revisionHistoryLimit === 'number' ? (specOf(set).revisionHistoryLimit as number) : 10;
  for (const revision of history.slice(0, Math.max(0, history.length - limit))) {
    actions.push({ type: 'delete', info: REVISIONS, namespace: namespaceOf(revision), name: nameOf(revision) });
  }
}
