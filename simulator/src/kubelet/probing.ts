/**
 * The prober's workers, one tick at a time (pkg/kubelet/prober/worker.go): a startup probe
 * gates the others; readiness sets the container's ready flag after successThreshold
 * successes and clears it after failureThreshold failures; liveness and startup failures
 * kill the container (`Container web failed liveness probe, will be restarted`). Every
 * failure is an `Unhealthy` event. A probe whose answer can no longer change stops ticking.
 */
import { afterStartup, instanceProcess, keyOf, stop, type Sync } from './lifecycle';
import { probeLabel, probeOf, probeSettlesAt, probeTiming, runProbe, type ProbeKind, type ProbeView } from './probes';
import type { ContainerRecord } from './state';

const KINDS: ProbeKind[] = ['startup', 'liveness', 'readiness'];

/** The next tick of any of the container's probes, if one is pending. */
export function nextProbeTick(c: ContainerRecord): number | undefined {
  const probes = c.instance?.probes ?? {};
  let next: number | undefined;
  for (const kind of KINDS) {
    const cursor = probes[kind];
    if (cursor && (next === undefined || cursor.next < next)) next = cursor.next;
  }
  return next;
}

/** Runs the probes due now, in the prober's order (startup, liveness, readiness). */
export function probeTick(c: ContainerRecord, sync: Sync): void {
  const instance = c.instance!;
  const spec = sync.spec(c);
  const view: ProbeView = { podIP: sync.podIP(), container: spec, env: instance.env, plan: instance.plan, process: () => instanceProcess(c, instance, sync) };
  for (const kind of KINDS) {
    const cursor = instance.probes[kind];
    const probe = probeOf(spec, kind);
    if (!cursor || cursor.next > sync.now || !probe) continue;
    const timing = probeTiming(probe);
    const result = runProbe(probe, view, sync.now);
    cursor.next += timing.periodMs;
    if (result.ok) {
      cursor.successes++;
      cursor.failures = 0;
    } else {
      cursor.failures++;
      cursor.successes = 0;
      sync.event('Warning', 'Unhealthy', `${probeLabel(kind)} probe failed: ${result.output}`);
    }
    const settled = result.ok && sync.now >= probeSettlesAt(probe, view);
    if (kind === 'startup') {
      if (result.ok) afterStartup(c, spec, sync.now, keyOf(sync, c));
      else if (cursor.failures >= timing.failureThreshold) return stop(c, sync, `Container ${c.name} failed startup probe, will be restarted`, probe);
    } else if (kind === 'liveness') {
      if (cursor.failures >= timing.failureThreshold) return stop(c, sync, `Container ${c.name} failed liveness probe, will be restarted`, probe);
      if (settled) delete instance.probes.liveness;
    } else {
      if (cursor.successes >= timing.successThreshold) instance.ready = true;
      if (cursor.failures >= timing.failureThreshold) instance.ready = false;
      if (settled && instance.ready) delete instance.probes.readiness;
    }
  }
}
