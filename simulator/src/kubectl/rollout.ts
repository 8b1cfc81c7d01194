/**
 * The text of `kubectl rollout status` and `kubectl rollout history` for a Deployment
 * (DeploymentStatusViewer and DeploymentHistoryViewer in k8s.io/kubectl/pkg/polymorphichelpers).
 * The rollout operations themselves live in the deployment controller.
 */
import { arr, at, meta, num, obj, str, type Json } from './fields';
import { describePodTemplate } from './describe/containers';
import { DescribeWriter } from './describe/writer';
import { isControlledBy } from './describe/workloads';
import { TABLE_TABWRITER, alignTabs } from './tabwriter';

export interface RolloutStatus {
  /** The line kubectl prints (with its newline); empty when `error` is set. */
  text: string;
  /** True once the rollout is complete (kubectl stops watching). */
  done: boolean;
  /** `deployment "web" exceeded its progress deadline` (kubectl exits with an error). */
  error?: string;
}

/** DeploymentStatusViewer.Status for one observation of the Deployment. */
export function rolloutStatus(deployment: Json): RolloutStatus {
  const name = str(meta(deployment).name);
  const status = obj(deployment.status);
  if (num(meta(deployment).generation) > num(status.observedGeneration)) {
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = arr(status.conditions).find((c) => str(c.type) === 'Progressing');
  if (progressing && str(progressing.reason) === 'ProgressDeadlineExceeded') {
    return { text: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
  }
  const replicas = at(deployment, 'spec.replicas');
  const updated = num(status.updatedReplicas);
  if (replicas !== undefined && updated < num(replicas)) {
    return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${num(replicas)} new replicas have been updated...\n`, done: false };
  }
  if (num(status.replicas) > updated) {
    return { text: `Waiting for deployment "${name}" rollout to finish: ${num(status.replicas) - updated} old replicas are pending termination...\n`, done: false };
  }
  if (num(status.availableReplicas) < updated) {
    return { text: `Waiting for deployment "${name}" rollout to finish: ${num(status.availableReplicas)} of ${updated} updated replicas are available...\n`, done: false };
  }
  return { text: `deployment "${name}" successfully rolled out\n`, done: true };
}

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/**
 * `kubectl rollout history deployment/<name> [--revision=N]`: the revisions of the
 * ReplicaSets the Deployment owns with their change-cause, or one revision's pod template.
 */
export function rolloutHistory(deployment: Json, replicaSets: readonly Json[], revision?: number): { stdout: string; stderr: string } {
  const history = new Map<number, Json>();
  for (const rs of replicaSets) {
    if (!isControlledBy(rs, deployment)) continue;
    const number = Number(str(obj(meta(rs).annotations)[REVISION]) || '0');
    const template = structuredTemplate(at(rs, 'spec.template'));
    const cause = str(obj(meta(rs).annotations)[CHANGE_CAUSE]);
    if (cause !== '') obj(template.metadata).annotations = { ...obj(obj(template.metadata).annotations), [CHANGE_CAUSE]: cause };
    history.set(number, template);
  }
  const name = str(meta(deployment).name);
  if (history.size === 0) return { stdout: `deployment.apps/${name} \nNo rollout history found.\n`, stderr: '' };
  if (revision !== undefined && revision > 0) {
    const template = history.get(revision);
    if (!template) return { stdout: '', stderr: 'error: unable to find the specified revision\n' };
    const w = new DescribeWriter(false);
    describePodTemplate(w, template);
    return { stdout: `deployment.apps/${name} with revision #${revision}\n${w.toString()}\n`, stderr: '' };
  }
  const lines = ['REVISION\tCHANGE-CAUSE\n'];
  for (const number of [...history.keys()].sort((a, b) => a - b)) {
    const cause = str(obj(obj(history.get(number)!.metadata).annotations)[CHANGE_CAUSE]);
    lines.push(`${number}\t${cause === '' ? '<none>' : cause}\n`);
  }
  const table = alignTabs(lines.join(''), { ...TABLE_TABWRITER, minWidth: 0, padding: 2 });
  return { stdout: `deployment.apps/${name} \n${table}\n`, stderr: '' };
}

/** A copy of a pod template whose metadata can be changed. */
function structuredTemplate(template: unknown): Json {
  const copy = { ...obj(template) };
  copy.metadata = { ...obj(copy.metadata) };
  return copy;
}

