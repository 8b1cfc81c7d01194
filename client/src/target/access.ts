/**
 * What the views and the read-only commands read, whatever the target: the target's store
 * and changes when activate() built one, else the simulated cluster's (tests, and
 * contexts built without a target).
 */
import type { KubeObject } from '../../../simulator/src/store/store';
import type { ChangeListener, ObjectRef } from '../cluster/service';
import type { AtelierContext } from '../context';
import type { ClusterView, RemoteTarget } from './service';

/** The store and time the views read now. */
export function viewOf(ctx: AtelierContext): ClusterView {
  if (ctx.target) return ctx.target.view();
  const { store, clock } = ctx.cluster.cluster;
  return { store, now: clock.now() };
}

/** An object of the cluster shown, or undefined. */
export function findObject(ctx: AtelierContext, ref: ObjectRef): KubeObject | undefined {
  return ctx.target ? ctx.target.find(ref) : ctx.cluster.find(ref);
}

/** Follows the changes of the cluster shown (and the switches between clusters); returns the unsubscribe. */
export function onViewChange(ctx: AtelierContext, listener: ChangeListener): () => void {
  return ctx.target ? ctx.target.onDidChange(listener) : ctx.cluster.onDidChange(listener);
}

/** The real cluster shown, or undefined when it is the simulated one. */
export function remoteOf(ctx: AtelierContext): RemoteTarget | undefined {
  return ctx.target?.remote;
}
