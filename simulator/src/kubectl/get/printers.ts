/**
 * `kubectl get` in the human-readable formats: the server-side table of each kind
 * (printers.go) printed the way kubectl's TablePrinter does: upper-cased headers, wide
 * columns only with `-o wide`, NAMESPACE first with `-A`, LABELS last with
 * `--show-labels`, cells aligned by a tabwriter with 3 spaces of padding.
 */
import type { KindInfo } from '../../api/catalog';
import { formatLabels, meta, str, type Json } from '../fields';
import { TABLE_TABWRITER, alignTabs } from '../tabwriter';
import { EVENTS } from './events';
import { PODS } from './pods';
import * as cluster from './cluster';
import * as network from './network';
import * as workloads from './workloads';
import type { Cell, Column, TableDefinition } from './types';

/** Kind -> its table, for the kinds printers.go has a handler for. */
const TABLES: Readonly<Record<string, TableDefinition>> = {
  Pod: PODS,
  PodTemplate: cluster.PODTEMPLATES,
  PodDisruptionBudget: workloads.PODDISRUPTIONBUDGETS,
  ReplicationController: workloads.REPLICATIONCONTROLLERS,
  ReplicaSet: workloads.REPLICASETS,
  DaemonSet: workloads.DAEMONSETS,
  Job: workloads.JOBS,
  CronJob: workloads.CRONJOBS,
  Service: network.SERVICES,
  Ingress: network.INGRESSES,
  IngressClass: network.INGRESSCLASSES,
  StatefulSet: workloads.STATEFULSETS,
  Endpoints: network.ENDPOINTS,
  Node: cluster.NODES,
  Event: EVENTS,
  Namespace: cluster.NAMESPACES,
  Secret: cluster.SECRETS,
  ServiceAccount: cluster.SERVICEACCOUNTS,
  PersistentVolume: cluster.PERSISTENTVOLUMES,
  PersistentVolumeClaim: cluster.PERSISTENTVOLUMECLAIMS,
  Deployment: workloads.DEPLOYMENTS,
  HorizontalPodAutoscaler: workloads.HORIZONTALPODAUTOSCALERS,
  ConfigMap: cluster.CONFIGMAPS,
  NetworkPolicy: network.NETWORKPOLICIES,
  RoleBinding: cluster.ROLEBINDINGS,
  ClusterRoleBinding: cluster.ROLEBINDINGS,
  Lease: cluster.LEASES,
  StorageClass: cluster.STORAGECLASSES,
  ControllerRevision: workloads.CONTROLLERREVISIONS,
  ResourceQuota: cluster.RESOURCEQUOTAS,
  PriorityClass: cluster.PRIORITYCLASSES,
  RuntimeClass: cluster.RUNTIMECLASSES,
  EndpointSlice: network.ENDPOINTSLICES,
  CSINode: cluster.CSINODES,
  MutatingWebhookConfiguration: cluster.WEBHOOK_CONFIGURATIONS,
  ValidatingWebhookConfiguration: cluster.WEBHOOK_CONFIGURATIONS,
};

/** The table the API server would build for `info`'s kind. */
export function tableFor(info: Pick<KindInfo, 'kind'>): TableDefinition {
  return Object.hasOwn(TABLES, info.kind) ? TABLES[info.kind]! : cluster.DEFAULT_TABLE;
}

export interface PrintTableOptions {
  /** Simulated epoch milliseconds, for the AGE columns. */
  now: number;
  /** `-o wide`. */
  wide?: boolean;
  /** `--show-labels`. */
  showLabels?: boolean;
  /** `-A` / `--all-namespaces`: a NAMESPACE column first. */
  allNamespaces?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `-n`: the namespace asked for, for the "No resources found" message (default `default`). */
  namespace?: string;
}

export interface TableOutput {
  /** What kubectl writes to stdout (empty when there is nothing to list). */
  stdout: string;
  /** What kubectl writes to stderr: `No resources found in default namespace.` when empty. */
  stderr: string;
}

/** printers.WriteEscaped: terminal escapes are shown, not obeyed. */
const escapeTerminal = (text: string): string => text.split('\u001b').join('^[').split('\r').join('\\r');

/** Go's %v of a cell value. */
function cellText(cell: Cell): string {
  if (typeof cell !== 'string') return String(cell);
  // Mirrors TablePrinter: a cell is cut at its first line break and marked `...`.
  const cut = cell.search(/[\f\n\r]/);
  return escapeTerminal(cut >= 0 ? `${cell.slice(0, cut)}...` : cell);
}

/** The text of `objects` as a table (no trailing message). */
export function formatTable(info: Pick<KindInfo, 'kind' | 'namespaced'>, objects: readonly Json[], options: PrintTableOptions): string {
  const table = tableFor(info);
  const wide = options.wide === true;
  // Mirrors the API server's TableGenerator: without -o wide the wide columns are dropped
  // from the Table, and each row's cells line up with the columns that remain.
  const shown = table.columns.filter((column) => wide || !column.priority).map((column, index) => ({ column, index }));
  const withNamespace = options.allNamespaces === true && info.namespaced;
  const lines: string[] = [];
  if (!options.noHeaders) {
    const headers = shown.map(({ column }: { column: Column }) => column.name.toUpperCase());
    if (withNamespace) headers.unshift('NAMESPACE');
    if (options.showLabels) headers.push('LABELS');
    lines.push(headers.join('\t'));
  }
  for (const object of objects) {
    const cells = table.row(object, { now: options.now, wide });
    const row = shown.map(({ index }) => (index < cells.length ? cellText(cells[index]!) : ''));
    if (withNamespace) row.unshift(str(meta(object).namespace));
    if (options.showLabels) row.push(formatLabels(meta(object).labels));
    lines.push(row.join('\t'));
  }
  return alignTabs(lines.map((line) => `${line}\n`).join(''), TABLE_TABWRITER);
}

/**
 * `kubectl get <kind>`: the table on stdout, or kubectl's "No resources found" on stderr
 * when the list is empty (`... in <ns> namespace.` unless `-A` or cluster-scoped).
 */
export function printTable(info: Pick<KindInfo, 'kind' | 'namespaced'>, objects: readonly Json[], options: PrintTableOptions): TableOutput {
  if (objects.length === 0) {
    const namespaced = info.namespaced && options.allNamespaces !== true;
    return { stdout: '', stderr: namespaced ? `No resources found in ${options.namespace ?? 'default'} namespace.\n` : 'No resources found\n' };
  }
  return { stdout: formatTable(info, objects, options), stderr: '' };
}
