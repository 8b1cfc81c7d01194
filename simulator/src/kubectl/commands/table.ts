/**
 * The kubectl commands the simulated cluster answers, in one table, and the names of all
 * of kubectl's commands in the order cobra holds them (for its did-you-mean).
 */
import { API_RESOURCES } from './apiResources';
import { APPLY } from './apply';
import { AUTH } from './auth';
import { AUTOSCALE } from './autoscale';
import { CLUSTER_INFO } from './clusterInfo';
import { CONFIG } from './config';
import type { Command, CommandGroup } from './context';
import { CREATE } from './create';
import { DELETE } from './delete';
import { DESCRIBE } from './describe';
import { EVENTS_COMMAND } from './events';
import { EXEC } from './exec';
import { EXPLAIN } from './explain';
import { EXPOSE } from './expose';
import { GET } from './get';
import { ANNOTATE, LABEL } from './label';
import { LOGS } from './logs';
import { CORDON, DRAIN, UNCORDON } from './nodes';
import { PATCH } from './patch';
import { REPLACE } from './replace';
import { ROLLOUT } from './rollout';
import { RUN } from './run';
import { SCALE } from './scale';
import { SET } from './set';
import { TAINT } from './taint';
import { TOP } from './top';
import { VERSION } from './version';
import { WAIT } from './wait';

/** Every command of kubectl v1.30, in the order `kubectl` registers them (cobra's suggestions follow it). */
export const KUBECTL_COMMANDS: readonly string[] = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon',
  'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch',
  'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'alpha', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options',
];

/** The commands simulated here. */
export const COMMANDS: Readonly<Record<string, Command | CommandGroup>> = {
  create: CREATE,
  expose: EXPOSE,
  run: RUN,
  set: SET,
  explain: EXPLAIN,
  get: GET,
  delete: DELETE,
  rollout: ROLLOUT,
  scale: SCALE,
  autoscale: AUTOSCALE,
  'cluster-info': CLUSTER_INFO,
  top: TOP,
  cordon: CORDON,
  uncordon: UNCORDON,
  drain: DRAIN,
  taint: TAINT,
  describe: DESCRIBE,
  logs: LOGS,
  exec: EXEC,
  auth: AUTH,
  apply: APPLY,
  patch: PATCH,
  replace: REPLACE,
  wait: WAIT,
  label: LABEL,
  annotate: ANNOTATE,
  events: EVENTS_COMMAND,
  config: CONFIG,
  version: VERSION,
  'api-resources': API_RESOURCES,
};

/** `kubectl` alone: kubectl's help, listing the commands the simulated cluster knows. */
export function kubectlHelp(): string {
  const known = KUBECTL_COMMANDS.filter((name) => Object.hasOwn(COMMANDS, name));
  const lines = known.map((name) => `  ${name.padEnd(14)}  ${COMMANDS[name]!.summary}`);
  return [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
    'Commands:',
    ...lines,
    '',
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
    '',
  ].join('\n');
}
