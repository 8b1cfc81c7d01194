/**
 * Every API-server validation rule, in the order their findings are reported: decoding
 * first (a bad quantity or base64 makes the request a 400), then metadata, then each
 * kind's own rules, then the enum-like fields.
 */
import type { ValidationRule } from '../rule';
import { cronJobRule, jobRule } from './batch';
import { containersRule } from './containers';
import { enumsRule } from './enumerated';
import { labelsRule } from './labels';
import { namesRule } from './names';
import { podUpdateRule } from './podupdate';
import { ingressClassRule, ingressRule, networkPolicyRule } from './networking';
import { hpaRule, limitRangeRule, nodeRule, pdbRule, resourceQuotaRule } from './policy';
import { quantitiesRule } from './quantities';
import { roleBindingRule, roleRule } from './rbac';
import { configMapRule, secretRule } from './secrets';
import { endpointsRule, serviceRule } from './services';
import { claimRule, storageClassRule, volumeRule } from './storage';
import { volumesRule } from './volumes';
import { daemonSetRule, deploymentRule, replicaSetRule, statefulSetRule } from './workloads';

/** Every API-server validation rule, in the order their findings are reported. */
export const RULES: readonly ValidationRule[] = [
  quantitiesRule,
  namesRule,
  labelsRule,
  deploymentRule,
  replicaSetRule,
  statefulSetRule,
  daemonSetRule,
  jobRule,
  cronJobRule,
  volumesRule,
  containersRule,
  podUpdateRule,
  serviceRule,
  endpointsRule,
  ingressRule,
  ingressClassRule,
  networkPolicyRule,
  secretRule,
  configMapRule,
  roleRule,
  roleBindingRule,
  claimRule,
  volumeRule,
  storageClassRule,
  hpaRule,
  pdbRule,
  limitRangeRule,
  resourceQuotaRule,
  nodeRule,
  enumsRule,
];
