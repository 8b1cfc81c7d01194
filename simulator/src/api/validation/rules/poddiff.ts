/**
 * The diff ValidatePodUpdate appends to its `pod updates may not change fields other than`
 * message: `cmp.Diff(oldPod.Spec, mungedPodSpec)` of the internal core.PodSpec (go-cmp's
 * report format, as kubectl prints it on a refused `kubectl edit` or `apply` of a Pod).
 *
 * Simplified on purpose, and said so here: the PodSpec and its containers are walked in
 * the Go struct's field order with go-cmp's layout (`- `/`+ ` markers, tab indentation, two
 * unchanged neighbours around a change, `... // N identical fields`, aligned values), but
 * values are printed from the JSON (versioned field names capitalised, no Go type names
 * inside values, no pointer `&`), and changed fields other than containers are shown as a
 * whole old/new pair rather than recursed into.
 */
import { definition, type SchemaNode } from '../../schemas';
import type { KubeObject } from '../rule';
import { isRecord } from './common';
import { resolved } from './walk';

// pkg/apis/core/types.go (v1.30): PodSpec's fields in declaration order, as [json, Go].
// The internal type keeps hostNetwork & co. in its SecurityContext and drops serviceAccount.
const POD_SPEC_FIELDS: readonly (readonly [string, string])[] = [
  ['volumes', 'Volumes'], ['initContainers', 'InitContainers'], ['containers', 'Containers'], ['ephemeralContainers', 'EphemeralContainers'],
  ['restartPolicy', 'RestartPolicy'], ['terminationGracePeriodSeconds', 'TerminationGracePeriodSeconds'], ['activeDeadlineSeconds', 'ActiveDeadlineSeconds'],
  ['dnsPolicy', 'DNSPolicy'], ['nodeSelector', 'NodeSelector'], ['serviceAccountName', 'ServiceAccountName'],
  ['automountServiceAccountToken', 'AutomountServiceAccountToken'], ['nodeName', 'NodeName'], ['securityContext', 'SecurityContext'],
  ['imagePullSecrets', 'ImagePullSecrets'], ['hostname', 'Hostname'], ['subdomain', 'Subdomain'], ['setHostnameAsFQDN', 'SetHostnameAsFQDN'],
  ['affinity', 'Affinity'], ['schedulerName', 'SchedulerName'], ['tolerations', 'Tolerations'], ['hostAliases', 'HostAliases'],
  ['priorityClassName', 'PriorityClassName'], ['priority', 'Priority'], ['preemptionPolicy', 'PreemptionPolicy'], ['dnsConfig', 'DNSConfig'],
  ['readinessGates', 'ReadinessGates'], ['runtimeClassName', 'RuntimeClassName'], ['overhead', 'Overhead'], ['enableServiceLinks', 'EnableServiceLinks'],
  ['topologySpreadConstraints', 'TopologySpreadConstraints'], ['os', 'OS'], ['schedulingGates', 'SchedulingGates'], ['resourceClaims', 'ResourceClaims'],
];

// core.Container's fields in declaration order.
const CONTAINER_FIELDS: readonly (readonly [string, string])[] = [
  ['name', 'Name'], ['image', 'Image'], ['command', 'Command'], ['args', 'Args'], ['workingDir', 'WorkingDir'], ['ports', 'Ports'],
  ['envFrom', 'EnvFrom'], ['env', 'Env'], ['resources', 'Resources'], ['resizePolicy', 'ResizePolicy'], ['restartPolicy', 'RestartPolicy'],
  ['volumeMounts', 'VolumeMounts'], ['volumeDevices', 'VolumeDevices'], ['livenessProbe', 'LivenessProbe'], ['readinessProbe', 'ReadinessProbe'],
  ['startupProbe', 'StartupProbe'], ['lifecycle', 'Lifecycle'], ['terminationMessagePath', 'TerminationMessagePath'],
  ['terminationMessagePolicy', 'TerminationMessagePolicy'], ['imagePullPolicy', 'ImagePullPolicy'], ['securityContext', 'SecurityContext'],
  ['stdin', 'Stdin'], ['stdinOnce', 'StdinOnce'], ['tty', 'TTY'],
];

const CONTEXT = 2;

/** Go's zero values: what a decoded struct holds when the JSON had nothing (apiequality.Semantic treats nil and empty alike). */
export function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.values(value).every(isZero);
}

/** apiequality.Semantic.DeepEqual on decoded JSON: zero values and absent fields are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isZero(a) && isZero(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => semanticEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (!semanticEqual(a[key], b[key])) return false;
    return true;
  }
  return a === b;
}

const goName = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);

// The few plain (non-pointer) booleans and numbers among the fields printed: their zero is shown, not nil.
const PLAIN_SCALARS = new Set(['stdin', 'stdinOnce', 'tty', 'containerPort', 'hostPort']);

/** A value on one line, the way go-cmp prints it (simplified: no type names), read through its schema node. */
function inline(value: unknown, node: SchemaNode | undefined, key = ''): string {
  const target = node ? resolved(node).node : undefined;
  if (value === undefined || value === null) {
    if (target?.type === 'string' && !target.properties) return '""';
    if (PLAIN_SCALARS.has(key)) return target?.type === 'boolean' ? 'false' : '0';
    return 'nil';
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'nil' : `{${value.map((item) => inline(item, target?.items)).join(', ')}}`;
  const object = value as KubeObject;
  if (target?.properties) {
    // A struct: its non-zero fields, Go names.
    const entries = Object.entries(object).filter(([, item]) => !isZero(item));
    return `{${entries.map(([name, item]) => `${goName(name)}: ${inline(item, target.properties?.[name], name)}`).join(', ')}}`;
  }
  // A map: quoted keys, sorted as Go prints them.
  const entries = Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return 'nil';
  const values = typeof target?.additionalProperties === 'object' ? target.additionalProperties : undefined;
  return `{${entries.map(([name, item]) => `${JSON.stringify(name)}: ${inline(item, values)}`).join(', ')}}`;
}

interface Entry {
  /** ' ' unchanged, '-' removed, '+' inserted. */
  mark: ' ' | '-' | '+';
  /** The field name, or '' for an elision comment or a nested block's closing line. */
  name: string;
  text: string;
  /** Lines of a nested block (already indented one level deeper than the entry). */
  block?: string[];
}

/** The entries of one struct: changes, their neighbours, and the elided runs. */
function structEntries(fields: readonly (readonly [string, string])[], schema: SchemaNode | undefined, before: KubeObject, after: KubeObject, depth: number, nested: Record<string, (a: unknown, b: unknown, depth: number) => string[] | undefined>): Entry[] {
  const changed = fields.map(([key]) => !semanticEqual(before[key], after[key]));
  const shown = fields.map((_, index) => changed.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some(Boolean));
  const entries: Entry[] = [];
  let elided = 0;
  fields.forEach(([key, name], index) => {
    if (!shown[index]) {
      elided++;
      return;
    }
    if (elided > 0) entries.push({ mark: ' ', name: '', text: `... // ${elided} identical fields` });
    elided = 0;
    if (!changed[index]) {
      entries.push({ mark: ' ', name, text: inline(after[key], schema?.properties?.[key], key) });
      return;
    }
    const block = nested[key]?.(before[key], after[key], depth + 1);
    if (block) entries.push({ mark: ' ', name, text: '', block });
    else {
      entries.push({ mark: '-', name, text: inline(before[key], schema?.properties?.[key], key) });
      entries.push({ mark: '+', name, text: inline(after[key], schema?.properties?.[key], key) });
    }
  });
  if (elided > 0) entries.push({ mark: ' ', name: '', text: `... // ${elided} identical fields` });
  return entries;
}

/** Lines of entries at `depth` tabs, single-line values aligned within each run (go-cmp's alignment). */
function render(entries: readonly Entry[], depth: number): string[] {
  const lines: string[] = [];
  const indent = '\t'.repeat(depth);
  let run: Entry[] = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map((entry) => entry.name.length));
    for (const entry of run) lines.push(`${entry.mark} ${indent}${`${entry.name}:`.padEnd(width + 1)} ${entry.text},`);
    run = [];
  };
  for (const entry of entries) {
    if (entry.name !== '' && !entry.block) {
      run.push(entry);
      continue;
    }
    flush();
    if (entry.block) lines.push(`  ${indent}${entry.name}: ${entry.block[0]!}`, ...entry.block.slice(1));
    else lines.push(`${entry.mark} ${indent}${entry.text}`);
  }
  flush();
  return lines;
}

/** A list of containers (same length on both sides: ValidateContainerUpdates stopped otherwise). */
function containerList(before: unknown, after: unknown, depth: number): string[] | undefined {
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) return undefined;
  const indent = '\t'.repeat(depth);
  const lines = ['[]core.Container{'];
  let identical = 0;
  const flushIdentical = (): void => {
    if (identical > 0) lines.push(`  ${indent}... // ${identical} identical elements`);
    identical = 0;
  };
  before.forEach((old, index) => {
    const next: unknown = after[index];
    if (semanticEqual(old, next)) {
      identical++;
      return;
    }
    flushIdentical();
    lines.push(`  ${indent}{`, ...render(structEntries(CONTAINER_FIELDS, definition('core.v1.Container'), isRecord(old) ? old : {}, isRecord(next) ? next : {}, depth + 1, {}), depth + 1), `  ${indent}},`);
  });
  flushIdentical();
  lines.push(`  ${'\t'.repeat(depth - 1)}},`);
  return lines;
}

/** `cmp.Diff(oldSpec, newSpec)` of two PodSpecs, simplified (see the file comment). */
export function podSpecDiff(before: KubeObject, after: KubeObject): string {
  const nested = { containers: containerList, initContainers: containerList };
  return ['  core.PodSpec{', ...render(structEntries(POD_SPEC_FIELDS, definition('core.v1.PodSpec'), before, after, 1, nested), 1), '  }', ''].join('\n');
}
