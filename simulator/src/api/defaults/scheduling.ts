/**
 * scheduling.k8s.io/v1 defaults: PriorityClass.
 */
import { setIfNil, type Obj } from './util';

/** Mirrors SetDefaults_PriorityClass (pkg/apis/scheduling/v1/defaults.go): a class preempts lower priorities unless it says Never. */
export function defaultPriorityClass(priorityClass: Obj): void {
  setIfNil(priorityClass, 'preemptionPolicy', 'PreemptLowerPriority');
}
