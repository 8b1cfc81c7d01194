/**
 * `kubectl top pod|node` (kubectl v1.30's cmd/top), as if metrics-server were installed:
 * each running container's usage comes from the kubelet's model (kubelet/usage.ts); a
 * node adds its own system usage to its pods'. CPU in millicores (`12m`), memory in MiB
 * (`24Mi`), percentages of the node's allocatable.
 */
import { kindInfo } from '../../api/catalog';
import { integerValue, milliValue, parseQuantity } from '../../api/quantity';
import { readerOf } from '../../kubelet/logs';
import { podUsage } from '../../kubelet/usage';
import { loadOverlay } from '../../metrics/load';
import type { KubeObject } from '../../store/store';
import { compareStrings } from '../../store/json';
import { at, meta, nameOf, namespaceOf, obj, str } from '../fields';
import { TABLE_TABWRITER, alignTabs } from '../tabwriter';
import type { Command, CommandContext, CommandGroup } from './context';
import { KubectlError } from './errors';
import type { FlagSpec } from './parse';

const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;
const MI = 1024 * 1024;

/** What the node itself uses besides its pods (kubelet, container runtime, system daemons; the control plane's components). */
const SYSTEM_USAGE = { controlPlane: { cpuMillis: 120, memoryBytes: 700 * MI }, worker: { cpuMillis: 25, memoryBytes: 180 * MI } };

const cpuText = (millis: number): string => `${Math.round(millis)}m`;
const memoryText = (bytes: number): string => `${Math.floor(bytes / MI)}Mi`;

function quantity(value: unknown, milli: boolean): number {
  const parsed = parseQuantity(typeof value === 'number' ? value : str(value) || '0');
  if (!parsed.ok) return 0;
  return Number(milli ? milliValue(parsed.quantity) : integerValue(parsed.quantity));
}

function sortRows<T extends { name: string; cpu: number; memory: number }>(rows: T[], sortBy: string): T[] {
  if (sortBy === 'cpu') return rows.sort((a, b) => b.cpu - a.cpu);
  if (sortBy === 'memory') return rows.sort((a, b) => b.memory - a.memory);
  return rows;
}

function checkSortBy(sortBy: string): void {
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError(`--sort-by accepts only cpu or memory`, '--sort-by accepte cpu ou memory.');
}

const POD: Command = {
  summary: 'Display resource (CPU/memory) usage of pods',
  flags: [{ name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'containers', type: 'bool' }, { name: 'no-headers', type: 'bool' }, { name: 'sort-by', type: 'string' }, { name: 'sum', type: 'bool' }] as FlagSpec[],
  run(context: CommandContext) {
    const { flags, out, cluster } = context;
    checkSortBy(flags.string('sort-by'));
    const allNamespaces = flags.bool('all-namespaces');
    const reader = readerOf(cluster.store);
    let pods: KubeObject[];
    if (context.args.length > 0) {
      pods = context.args.map((name) => cluster.store.get(PODS, context.namespace, name));
    } else {
      pods = cluster.store.list(PODS, { namespace: allNamespaces ? '' : context.namespace, labelSelector: flags.string('selector') });
    }
    // A load put on a workload (atelier load, the editor's load command) shows here, as the HPA sees it.
    const overlay = loadOverlay(reader, allNamespaces ? undefined : context.namespace);
    const rows = pods.flatMap((pod) => {
      const usage = podUsage(reader, pod, { now: context.now, extraCpuMillis: (p, container) => overlay.extra(p, container, 'cpu') }).map((c) => ({
        ...c,
        memoryBytes: c.memoryBytes + overlay.extra(pod, c.name, 'memory'),
      }));
      if (usage.length === 0) return [];
      if (flags.bool('containers')) return usage.map((c) => ({ pod, name: c.name, cpu: c.cpuMillis, memory: c.memoryBytes }));
      return [{ pod, name: nameOf(pod), cpu: usage.reduce((sum, c) => sum + c.cpuMillis, 0), memory: usage.reduce((sum, c) => sum + c.memoryBytes, 0) }];
    });
    if (rows.length === 0) {
      if (context.args.length > 0) throw new KubectlError('metrics not available yet', "Ce Pod ne tourne pas (encore) : il n'a pas de mesures. Regarde son état avec kubectl get pods.");
      out.err(allNamespaces ? 'No resources found\n' : `No resources found in ${context.namespace} namespace.\n`);
      return;
    }
    const header = [...(allNamespaces ? ['NAMESPACE'] : []), ...(flags.bool('containers') ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
    const lines = flags.bool('no-headers') ? [] : [header.join('\t')];
    for (const row of sortRows(rows, flags.string('sort-by'))) {
      const cells = [...(allNamespaces ? [namespaceOf(row.pod)] : []), ...(flags.bool('containers') ? [nameOf(row.pod), row.name] : [row.name]), cpuText(row.cpu), memoryText(row.memory)];
      lines.push(cells.join('\t'));
    }
    out.out(alignTabs(lines.map((line) => `${line}\n`).join(''), TABLE_TABWRITER));
  },
};

const NODE: Command = {
  summary: 'Display resource (CPU/memory) usage of nodes',
  flags: [{ name: 'selector', short: 'l', type: 'string' }, { name: 'no-headers', type: 'bool' }, { name: 'sort-by', type: 'string' }, { name: 'show-capacity', type: 'bool' }] as FlagSpec[],
  run(context: CommandContext) {
    const { flags, out, cluster } = context;
    checkSortBy(flags.string('sort-by'));
    const nodes = context.args.length > 0 ? context.args.map((name) => cluster.store.get(NODES, '', name)) : cluster.store.list(NODES, { labelSelector: flags.string('selector') });
    const reader = readerOf(cluster.store);
    const usage = new Map<string, { cpu: number; memory: number }>();
    for (const pod of cluster.store.list(PODS)) {
      const node = str(at(pod, 'spec.nodeName'));
      if (node === '') continue;
      const total = usage.get(node) ?? { cpu: 0, memory: 0 };
      for (const c of podUsage(reader, pod, { now: context.now })) {
        total.cpu += c.cpuMillis;
        total.memory += c.memoryBytes;
      }
      usage.set(node, total);
    }
    const rows = nodes
      .map((node) => {
        const system = 'node-role.kubernetes.io/control-plane' in obj(meta(node).labels) ? SYSTEM_USAGE.controlPlane : SYSTEM_USAGE.worker;
        const pods = usage.get(nameOf(node)) ?? { cpu: 0, memory: 0 };
        const resources = obj(at(node, flags.bool('show-capacity') ? 'status.capacity' : 'status.allocatable'));
        return { name: nameOf(node), cpu: system.cpuMillis + pods.cpu, memory: system.memoryBytes + pods.memory, cpuTotal: quantity(resources.cpu, true), memoryTotal: quantity(resources.memory, false) };
      })
      .sort((a, b) => compareStrings(a.name, b.name));
    if (rows.length === 0) {
      out.err('No resources found\n');
      return;
    }
    const lines = flags.bool('no-headers') ? [] : ['NAME\tCPU(cores)\tCPU%\tMEMORY(bytes)\tMEMORY%'];
    const percent = (used: number, total: number): string => (total > 0 ? `${Math.floor((used * 100) / total)}%` : '<unknown>');
    for (const row of sortRows(rows, flags.string('sort-by'))) {
      lines.push([row.name, cpuText(row.cpu), percent(row.cpu, row.cpuTotal), memoryText(row.memory), percent(row.memory, row.memoryTotal)].join('\t'));
    }
    out.out(alignTabs(lines.map((line) => `${line}\n`).join(''), TABLE_TABWRITER));
  },
};

export const TOP: CommandGroup = {
  summary: 'Display resource (CPU/memory) usage',
  help: 'Display resource (CPU/memory) usage.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n',
  subcommands: { pod: POD, node: NODE },
  aliases: { pods: 'pod', po: 'pod', nodes: 'node', no: 'node' },
};
