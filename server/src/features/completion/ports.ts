/**
 * Ports a field can point at: a Service's targetPort offers the container ports of the
 * workloads it selects, a probe offers its own container's ports, an Ingress backend
 * offers the ports of the Service it names.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Path } from '../../documents/positions';
import { asRecord, valueAt, type Frame } from './frame';
import { podTemplate, stringMap, WORKLOAD_KINDS } from './labels';
import { valueItem, type Field } from './values';

interface Port {
  name?: string;
  number?: number;
  /** Where it is declared, for the item's detail. */
  from: string;
}

const PROBE_PORTS = new Set(['core.v1.HTTPGetAction.port', 'core.v1.TCPSocketAction.port', 'core.v1.GRPCAction.port']);

function containerPorts(container: unknown, from: string): Port[] {
  const record = asRecord(container);
  const ports = Array.isArray(record?.ports) ? record.ports : [];
  const name = typeof record?.name === 'string' ? record.name : '?';
  return ports.flatMap((port) => {
    const entry = asRecord(port);
    if (!entry) return [];
    return [{
      name: typeof entry.name === 'string' ? entry.name : undefined,
      number: typeof entry.containerPort === 'number' ? entry.containerPort : undefined,
      from: `conteneur ${name}${from ? ` · ${from}` : ''}`,
    }];
  });
}

function podPorts(spec: Record<string, unknown> | undefined, from: string): Port[] {
  const containers = Array.isArray(spec?.containers) ? spec.containers : [];
  return containers.flatMap((container) => containerPorts(container, from));
}

/** The container ports of the workloads a Service selects (of all the workloads when it selects none). */
function selectedPorts(frame: Frame): Port[] {
  const selector = stringMap(valueAt(frame.value(), ['spec', 'selector']));
  const namespace = frame.namespace();
  const all: { labels: Record<string, string>; ports: Port[] }[] = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const resource of frame.context.resources.list(kind, namespace)) {
      const { labels, spec } = podTemplate(kind, resource.object);
      all.push({ labels, ports: podPorts(spec, `${kind} ${resource.name}`) });
    }
  }
  const entries = Object.entries(selector);
  const selected = entries.length > 0 ? all.filter(({ labels }) => entries.every(([key, value]) => labels[key] === value)) : [];
  return (selected.length > 0 ? selected : all).flatMap(({ ports }) => ports);
}

/** The ports of the Service an Ingress backend names. */
function servicePorts(frame: Frame, path: Path): Port[] {
  const service = asRecord(valueAt(frame.value(), path.slice(0, -2)));
  if (typeof service?.name !== 'string') return [];
  const found = frame.context.resources.list('Service', frame.namespace()).find((resource) => resource.name === service.name);
  const ports = Array.isArray(asRecord(found?.object.spec)?.ports) ? (asRecord(found!.object.spec)!.ports as unknown[]) : [];
  return ports.flatMap((port) => {
    const entry = asRecord(port);
    return entry ? [{ name: typeof entry.name === 'string' ? entry.name : undefined, number: typeof entry.port === 'number' ? entry.port : undefined, from: `Service ${service.name as string}` }] : [];
  });
}

function portsFor(frame: Frame, field: Field, path: Path): { ports: Port[]; names: boolean; numbers: boolean } | undefined {
  const key = `${field.owner}.${field.property}`;
  if (key === 'core.v1.ServicePort.targetPort') return { ports: selectedPorts(frame), names: true, numbers: true };
  if (PROBE_PORTS.has(key)) {
    let at = path.length - 1;
    while (at >= 0 && path[at] !== 'containers' && path[at] !== 'initContainers') at--;
    if (at === -1) return undefined;
    return { ports: containerPorts(valueAt(frame.value(), path.slice(0, at + 2)), ''), names: key !== 'core.v1.GRPCAction.port', numbers: true };
  }
  if (key === 'networking.v1.ServiceBackendPort.number') return { ports: servicePorts(frame, path), names: false, numbers: true };
  if (key === 'networking.v1.ServiceBackendPort.name') return { ports: servicePorts(frame, path), names: true, numbers: false };
  return undefined;
}

/** Port names and numbers for targetPort, probe ports and Ingress backend ports. */
export function portItems(frame: Frame, field: Field, path: Path): CompletionItem[] {
  const found = portsFor(frame, field, path);
  if (!found) return [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (text: string, raw: boolean, port: Port, rank: number): void => {
    if (seen.has(text)) return;
    seen.add(text);
    const description = raw ? port.name : port.number === undefined ? undefined : String(port.number);
    items.push(valueItem(frame, text, { kind: CompletionItemKind.Value, raw, detail: port.from, description: description && `port ${description}`, sortText: `${rank}-${String(items.length).padStart(3, '0')}` }));
  };
  // Named ports first: a Service that targets a name keeps working when the number changes.
  for (const port of found.ports) if (found.names && port.name) add(port.name, false, port, 0);
  for (const port of found.ports) if (found.numbers && port.number !== undefined) add(String(port.number), true, port, 1);
  return items;
}
