/**
 * The TTL-after-finished controller (kube-controller-manager's `ttl-after-finished`
 * controller, v1.30): a finished Job with `ttlSecondsAfterFinished` is deleted that many
 * seconds after it finished (its Complete or Failed condition's lastTransitionTime), with
 * Foreground propagation so that its Pods go first. It records no event.
 */
import { kindInfo } from '../../api/catalog';
import type { KubeObject } from '../../store/store';
import { isBeingDeleted, parseTime, specOf } from '../deployment/pods';
import { self, splitKey, type Controller, type Reader, type ReconcileResult } from '../types';
import { finishedCondition } from './status';

const JOBS = kindInfo('batch/v1', 'Job')!;

/** Mirrors timeLeft: when the Job expires, or undefined when it never will (yet). */
export function jobExpiresAt(job: KubeObject): number | undefined {
  const ttl = specOf(job).ttlSecondsAfterFinished;
  if (typeof ttl !== 'number' || isBeingDeleted(job)) return undefined;
  const finished = finishedCondition(job);
  if (!finished) return undefined;
  return parseTime(finished.lastTransitionTime) + ttl * 1000;
}

function reconcile(key: string, reader: Reader): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const job = reader.get(JOBS, namespace, name);
  if (!job) return { actions: [] };
  const expiresAt = jobExpiresAt(job);
  if (expiresAt === undefined) return { actions: [] };
  if (reader.now() < expiresAt) return { actions: [], requeueAfter: expiresAt - reader.now() };
  // Mirrors processJob: deleted with Foreground propagation (and a uid precondition).
  return { actions: [{ type: 'delete', info: JOBS, namespace, name, options: { propagationPolicy: 'Foreground' } }] };
}

/** Creates the `ttl-after-finished-controller`. */
export function createTtlAfterFinishedController(): Controller {
  return { name: 'ttl-after-finished-controller', triggers: [self(JOBS)], reconcile };
}
