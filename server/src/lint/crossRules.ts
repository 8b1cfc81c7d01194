/**
 * The cross-resource rules: each reads the other known resources (workspace files and the
 * simulated cluster's inventory) to predict a failure that no single manifest shows.
 */
import { clusterrolebindingClusterAdmin } from './cross/clusterrolebindingClusterAdmin';
import { hpaNoCpuRequests } from './cross/hpaNoCpuRequests';
import { ingressBackendUnknown } from './cross/ingressBackendUnknown';
import { referenceMissing } from './cross/referenceMissing';
import { rolebindingRoleMissing } from './cross/rolebindingRoleMissing';
import { serviceSelectorNoMatch } from './cross/serviceSelectorNoMatch';
import { serviceTargetPortUndeclared } from './cross/serviceTargetPortUndeclared';
import { statefulsetServiceNotHeadless } from './cross/statefulsetServiceNotHeadless';
import type { LintRule } from './rule';

/** Every cross-resource rule, in reporting order. */
export const CROSS_RULES: readonly LintRule[] = [
  serviceSelectorNoMatch,
  serviceTargetPortUndeclared,
  ingressBackendUnknown,
  referenceMissing,
  hpaNoCpuRequests,
  statefulsetServiceNotHeadless,
  rolebindingRoleMissing,
  clusterrolebindingClusterAdmin,
];
