/**
 * `kubectl cordon|uncordon|drain --dry-run=client|server`, as kubectl v1.30 runs them
 * (k8s.io/kubectl/pkg/cmd/drain/drain.go, k8s.io/kubectl/pkg/drain/drain.go):
 * - every line kubectl prints through its printer carries the strategy's suffix
 *   (cmdutil.PrintFlagsWithDryRunStrategy): `node/worker-1 cordoned (dry run)`, and also
 *   `node/worker-1 already cordoned (server dry run)`, `node/worker-1 drained (dry run)`;
 * - client: nothing is sent but the reads (the Node, the Pods on it); drain lists the Pods
 *   it would evict, `evicting pod default/web-x (dry run)`, after the same filters, warnings
 *   and refusals as a real drain;
 * - server: the cordon is a patch with dryRun=All, each eviction an Eviction with dryRun=All:
 *   the API server still checks permissions and PodDisruptionBudgets (a refused eviction is
 *   retried every 5 s until --timeout, as in a real drain) but stores nothing, and kubectl
 *   does not wait for the Pods to go. With --disable-eviction, the deletions are dry-run
 *   DELETEs that print nothing, after which kubectl v1.30 waits for the Pods to be gone as
 *   after real ones (kubernetes/kubectl#1830, fixed after v1.35): they never go, so it
 *   waits until --timeout, or for ever.
 */
import { kindInfo } from '../../api/catalog';
import { StatusError } from '../../api/errors';
import { podsToDrain } from '../../scheduler/drainfilters';
import { EVICTION_RETRY_MS, goDuration, UNBOUNDED_DRAIN_MS, type DrainOptions, type DrainResult } from '../../scheduler/nodeops';
import { isJsonObject } from '../../store/json';
import type { KubeObject, ObjectStore } from '../../store/store';
import { dryRunSuffix } from './apply';

const NODES = kindInfo('v1', 'Node')!;
const PODS = kindInfo('v1', 'Pod')!;

export type DryRunStrategy = 'client' | 'server';

/** The dry-run requests drain makes: an Eviction (as the user may make it), a DELETE, and simulated time passing while it retries. */
export interface DryRunDrainHooks {
  evict: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
  remove: (namespace: string, name: string, gracePeriodSeconds?: number) => void;
  advance: (ms: number) => void;
}

const uidOf = (pod: KubeObject | undefined): unknown => (pod && isJsonObject(pod.metadata) ? pod.metadata.uid : undefined);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** kubectl polls the Pods it deleted every second (waitForDelete). */
const POLL_MS = 1_000;

/** What a dry-run drain printed, as a real drain's result. */
export interface DryRunDrainResult extends DrainResult {
  /** The French explanation, when the generic ones of a failed drain do not fit. */
  hint?: string;
}

/** utilerrors.Aggregate's text. */
const aggregate = (messages: readonly string[]): string => (messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]`);

/** Why one Node was not drained: the error as `%v` prints it, and the lines cmdutil.CheckErr prints when it is the only Node that failed. */
interface NodeFailure {
  name: string;
  message: string;
  lines: string[];
}

/** An aggregate of errors (evictPods) prints one error a line; a single error (deletePods) through StandardErrorMessage. */
const aggregateFailure = (name: string, failures: readonly string[]): NodeFailure => ({ name, message: aggregate(failures), lines: [...failures] });
const singleFailure = (name: string, error: unknown): NodeFailure => {
  const message = messageOf(error);
  const line = error instanceof StatusError ? `Error from server (${error.reason}): ${message}` : message.startsWith('error: ') ? message : `error: ${message}`;
  return { name, message, lines: [line] };
};

const DELETE_DRY_RUN_HINT =
  "Avec --dry-run=server et --disable-eviction, kubectl v1.30 supprime les Pods « pour de faux », puis attend qu'ils disparaissent, ce qui n'arrive jamais (un bogue de kubectl, corrigé dans une version plus récente). Sans --timeout, il attendrait indéfiniment : essaie --dry-run=client, ou --dry-run=server sans --disable-eviction.";

/**
 * RunCordonOrUncordon for one Node in a dry run: its line, or (server) the error of the
 * dry-run patch, which kubectl prints as `error: unable to cordon node "worker-1": ...`
 * before going on with the next Node (the command still succeeds), with its French
 * explanation.
 */
export function cordonDryRun(store: ObjectStore, name: string, desired: boolean, dryRun: DryRunStrategy): { line?: string; error?: string; fr?: string } {
  const node = store.get(NODES, '', name);
  const spec = isJsonObject(node.spec) ? node.spec : {};
  const verb = desired ? 'cordoned' : 'uncordoned';
  if ((spec.unschedulable === true) === desired) return { line: `node/${name} already ${verb}${dryRunSuffix(dryRun)}` };
  if (dryRun === 'server') {
    try {
      // The same two-way merge patch as a real cordon, checked by the API server and not stored.
      store.patch(NODES, '', name, { spec: { unschedulable: desired ? true : null } }, { dryRun: true });
    } catch (error) {
      const line = `error: unable to ${desired ? 'cordon' : 'uncordon'} node ${JSON.stringify(name)}: ${messageOf(error)}`;
      return error instanceof StatusError && error.fr ? { error: line, fr: error.fr } : { error: line };
    }
  }
  return { line: `node/${name} ${verb}${dryRunSuffix(dryRun)}` };
}

/** The Pods drain would evict from a Node, `namespace/name`, or the refusal of its filters. */
function podsOf(store: ObjectStore, name: string, options: DrainOptions): { pods: { namespace: string; name: string }[]; warning?: string; fatal?: string } {
  const filtered = podsToDrain(store.list(PODS, { fieldSelector: `spec.nodeName=${name}` }), options);
  const pods = filtered.pods.map((pod) => {
    const meta = isJsonObject(pod.metadata) ? pod.metadata : {};
    return { namespace: String(meta.namespace), name: String(meta.name) };
  });
  return { pods, ...(filtered.warning ? { warning: filtered.warning } : {}), ...(filtered.fatal ? { fatal: filtered.fatal } : {}) };
}

interface Eviction {
  namespace: string;
  name: string;
  nextAt: number;
  done: boolean;
}

/**
 * evictPods with DryRunStrategy server: `evicting pod NS/NAME (server dry run)` before each
 * attempt; an accepted dry-run eviction is done at once (nothing to wait for), a refused
 * one (429) is retried after 5 s until the global timeout. Returns the failures, or
 * undefined when the simulation stops waiting (no --timeout: kubectl would retry for ever).
 */
function evictServerDryRun(pods: readonly { namespace: string; name: string }[], options: DrainOptions, hooks: DryRunDrainHooks, output: string[], errors: string[]): string[] | undefined {
  const grace = options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds >= 0 ? options.gracePeriodSeconds : undefined;
  const timeout = options.timeoutMs ?? 0;
  const limit = timeout > 0 ? timeout : UNBOUNDED_DRAIN_MS;
  const tasks: Eviction[] = pods.map((pod) => ({ ...pod, nextAt: 0, done: false }));
  const failures: string[] = [];
  let elapsed = 0;
  const attempt = (task: Eviction): void => {
    output.push(`evicting pod ${task.namespace}/${task.name} (server dry run)`);
    const id = `pods/${JSON.stringify(task.name)} -n ${JSON.stringify(task.namespace)}`;
    if (timeout > 0 && elapsed >= timeout) {
      failures.push(`error when evicting ${id}: global timeout reached: ${goDuration(timeout)}`);
      task.done = true;
      return;
    }
    try {
      hooks.evict(task.namespace, task.name, grace);
      task.done = true;
    } catch (error) {
      if (error instanceof StatusError && error.reason === 'NotFound') {
        task.done = true;
      } else if (error instanceof StatusError && error.reason === 'TooManyRequests') {
        errors.push(`error when evicting ${id} (will retry after ${goDuration(EVICTION_RETRY_MS)}): ${error.message}`);
        task.nextAt = elapsed + EVICTION_RETRY_MS;
      } else {
        failures.push(`error when evicting ${id}: ${messageOf(error)}`);
        task.done = true;
      }
    }
  };
  for (;;) {
    for (const task of tasks.filter((t) => !t.done && t.nextAt <= elapsed)) attempt(task);
    const pending = tasks.filter((t) => !t.done);
    if (pending.length === 0) return failures;
    if (timeout <= 0 && elapsed >= limit) return undefined;
    const next = Math.min(...pending.map((t) => t.nextAt), elapsed < limit ? limit : Infinity);
    const step = Math.max(1, next - elapsed);
    hooks.advance(step);
    elapsed += step;
  }
}

/**
 * deletePods with DryRunStrategy server (v1.30): dry-run DELETEs, silent (the first error
 * other than NotFound stops them), then waitForDelete as after real ones: every second, a
 * Pod gone (or replaced) is `pod/NAME deleted (server dry run)`; the others stay, so it
 * ends at --timeout with `context deadline exceeded`, or the simulation stops waiting.
 */
function deleteServerDryRun(
  store: ObjectStore,
  pods: readonly { namespace: string; name: string }[],
  options: DrainOptions,
  hooks: DryRunDrainHooks,
  output: string[],
): { error?: unknown; stopped?: true } {
  const grace = options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds >= 0 ? options.gracePeriodSeconds : undefined;
  const waiting: { namespace: string; name: string; uid: unknown }[] = [];
  for (const pod of pods) {
    const uid = uidOf(store.find(PODS, pod.namespace, pod.name));
    try {
      hooks.remove(pod.namespace, pod.name, grace);
    } catch (error) {
      if (!(error instanceof StatusError && error.reason === 'NotFound')) return { error };
    }
    waiting.push({ ...pod, uid });
  }
  const timeout = options.timeoutMs ?? 0;
  const limit = timeout > 0 ? timeout : UNBOUNDED_DRAIN_MS;
  let elapsed = 0;
  for (;;) {
    for (const pod of [...waiting]) {
      const current = store.find(PODS, pod.namespace, pod.name);
      if (current && uidOf(current) === pod.uid) continue;
      output.push(`pod/${pod.name} deleted (server dry run)`);
      waiting.splice(waiting.indexOf(pod), 1);
    }
    if (waiting.length === 0) return {};
    if (elapsed >= limit) return timeout > 0 ? { error: new Error('context deadline exceeded') } : { stopped: true };
    const step = Math.min(POLL_MS, limit - elapsed);
    hooks.advance(step);
    elapsed += step;
  }
}

/**
 * RunDrain in a dry run: every Node's cordon line first, then each Node in turn (its
 * warnings, the Pods it would evict, `node/NAME drained (dry run)`, or why it could not),
 * then the Nodes left and the errors, as kubectl prints them.
 */
export function drainDryRun(store: ObjectStore, names: readonly string[], dryRun: DryRunStrategy, options: DrainOptions, hooks: DryRunDrainHooks): DryRunDrainResult {
  const suffix = dryRunSuffix(dryRun);
  const output: string[] = [];
  const errors: string[] = [];
  // kubectl gets every Node before it does anything: an unknown one stops it there.
  for (const name of names) store.get(NODES, '', name);
  for (const name of names) {
    const cordoned = cordonDryRun(store, name, true, dryRun);
    if (cordoned.line) output.push(cordoned.line);
    if (cordoned.error) errors.push(cordoned.error);
  }
  const failed: NodeFailure[] = [];
  for (const name of names) {
    const list = podsOf(store, name, options);
    let failure: NodeFailure | undefined;
    if (list.fatal) {
      failure = aggregateFailure(name, [list.fatal]);
    } else {
      if (list.warning) errors.push(`Warning: ${list.warning}`);
      if (dryRun === 'client') {
        // The client dry run prints the Pods and stops there, --disable-eviction or not.
        for (const pod of list.pods) output.push(`evicting pod ${pod.namespace}/${pod.name} (dry run)`);
      } else if (options.disableEviction) {
        const result = deleteServerDryRun(store, list.pods, options, hooks, output);
        if (result.stopped) return { drained: false, output, errors, evicted: [], stopped: true, hint: DELETE_DRY_RUN_HINT };
        if (result.error !== undefined) failure = singleFailure(name, result.error);
      } else {
        const failures = evictServerDryRun(list.pods, options, hooks, output, errors);
        if (!failures) return { drained: false, output, errors, evicted: [], stopped: true };
        if (failures.length > 0) failure = aggregateFailure(name, failures);
      }
      if (failure) {
        // deleteOrEvictPodsSimple lists again what is still to go: in a dry run, all of it.
        const pending = podsOf(store, name, options).pods;
        if (pending.length > 0) errors.push(`There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${failure.message}`, ...pending.map((pod) => `pod/${pod.name}`));
      }
    }
    if (failure) {
      errors.push(`error: unable to drain node ${JSON.stringify(name)} due to error: ${failure.message}, continuing command...`);
      failed.push(failure);
    } else {
      output.push(`node/${name} drained${suffix}`);
    }
  }
  if (failed.length === 0) return { drained: true, output, errors, evicted: [] };
  // cmdutil.CheckErr: one Node's error as its own lines; several Nodes' errors one a line.
  const last = failed.length === 1 ? failed[0]!.lines : failed.map((node) => node.message);
  errors.push('There are pending nodes to be drained:', ...failed.map((node) => ` ${node.name}`), ...last);
  const stuck = options.disableEviction && dryRun === 'server' && failed.some((node) => node.message === 'context deadline exceeded');
  return { drained: false, output, errors, evicted: [], ...(stuck ? { hint: DELETE_DRY_RUN_HINT } : {}) };
}
