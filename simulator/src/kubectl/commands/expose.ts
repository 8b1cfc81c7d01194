/**
 * `kubectl expose (TYPE NAME | TYPE/NAME | -f FILE) [--port] [--target-port] [--type]
 * [--name] [--protocol] [--selector]` (kubectl v1.30's expose.go and its polymorphic
 * helpers): a Service whose selector is the exposed object's (a Deployment's or
 * ReplicaSet's matchLabels, a Pod's labels, a Service's or ReplicationController's
 * selector), whose ports are the `--port` or the container ports found by introspection,
 * and whose labels are the object's. Prints `service/NAME exposed`.
 */
import { kindInfo } from '../../api/catalog';
import type { KubeObject } from '../../store/store';
import { arr, isObj, nameOf, namespaceOf, obj, str, type Json } from '../fields';
import { printObject } from '../output';
import { resultLine } from '../results';
import { dryRunOf, DRY_RUN_FLAG } from './apply';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';

const SERVICES = kindInfo('v1', 'Service')!;

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'override-type', type: 'string' },
];

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** Mirrors CanBeExposed: the kinds expose knows how to find a selector and ports for. */
const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

/** Go's %+v of []LabelSelectorRequirement: `[{Key:tier Operator:In Values:[a b]}]`. */
function goRequirements(expressions: readonly Json[]): string {
  const items = expressions.map((e) => `{Key:${str(e.key)} Operator:${str(e.operator)} Values:[${(Array.isArray(e.values) ? e.values : []).join(' ')}]}`);
  return `[${items.join(' ')}]`;
}

const selectorError = (detail: string): KubectlError =>
  new KubectlError(
    `couldn't retrieve selectors via --selector flag or introspection: ${detail}`,
    'Un Service ne sait sélectionner ses Pods que par des égalités clé=valeur (matchLabels) : donne-lui un sélecteur avec --selector=app=web.',
  );

/** Mirrors MapBasedSelectorForObject: the selector a Service can use, as a map. */
function selectorOf(object: Json): Record<string, string> {
  const spec = obj(object.spec);
  switch (object.kind) {
    case 'Pod': {
      const labels = obj(obj(object.metadata).labels) as Record<string, string>;
      if (Object.keys(labels).length === 0) throw selectorError('the pod has no labels and cannot be exposed');
      return labels;
    }
    case 'Service':
    case 'ReplicationController':
      if (!isObj(spec.selector)) throw selectorError(object.kind === 'Service' ? 'the service has no pod selector set' : 'the replication controller has no selector set');
      return spec.selector as Record<string, string>;
    default: {
      const selector = obj(spec.selector);
      const expressions = arr(selector.matchExpressions);
      if (expressions.length > 0) throw selectorError(`couldn't convert expressions - "${goRequirements(expressions)}" to map-based selector format`);
      return obj(selector.matchLabels) as Record<string, string>;
    }
  }
}

interface FoundPort {
  port: number;
  protocol: string;
}

/** Mirrors PortsForObject and ProtocolsForObject: the container ports (a Service's own ports). */
function portsOf(object: Json): FoundPort[] {
  const spec = obj(object.spec);
  if (object.kind === 'Service') return arr(spec.ports).map((p) => ({ port: Number(p.port), protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP' }));
  const podSpec = object.kind === 'Pod' ? spec : obj(obj(spec.template).spec);
  return arr(podSpec.containers).flatMap((container) => arr(container.ports).map((p) => ({ port: Number(p.containerPort), protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP' })));
}

/** Mirrors generate.ParseLabels (`--selector`, `--labels`): `k=v,k2=v2`. */
function parsePairs(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const parts = pair.split('=');
    if (parts.length !== 2 || parts[0] === '') throw new KubectlError(`unexpected label spec: ${pair}`, 'Les paires s’écrivent clé=valeur, séparées par des virgules : --selector=app=web,tier=front.');
    out[parts[0]!] = parts[1]!;
  }
  return out;
}

/** `--target-port=8080` is a number, `--target-port=http` a port name (intstr.Parse). */
function intOrName(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

function atoi(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`, 'Le port est un nombre : --port=80.');
  return Number(text);
}

/** The Service generateService builds for one exposed object. */
function buildService(context: CommandContext, object: Json): KubeObject {
  const { flags } = context;
  if (!EXPOSABLE.has(String(object.kind))) throw new KubectlError(`cannot expose a ${String(object.kind)}`, 'kubectl expose sait exposer un Deployment, un ReplicaSet, un ReplicationController, un Pod ou un Service.');
  const selector = flags.string('selector') !== '' ? parsePairs(flags.string('selector')) : selectorOf(object);
  const found = portsOf(object);
  const protocolFlag = flags.string('protocol');
  const protocolFor = (port: number): string => protocolFlag || found.find((p) => p.port === port)?.protocol || 'TCP';
  const targetPort = flags.string('target-port');
  let ports: Json[];
  if (flags.string('port') !== '') {
    const port = atoi(flags.string('port'));
    ports = [{ port, protocol: protocolFor(port), targetPort: targetPort !== '' ? intOrName(targetPort) : port }];
  } else if (found.length === 0 && flags.string('cluster-ip') !== 'None') {
    throw new KubectlError("couldn't find port via --port flag or introspection", 'Le conteneur ne déclare aucun port (containerPort) : dis lequel exposer avec --port=80.');
  } else {
    ports = found.map(({ port }, index) => ({
      ...(found.length > 1 ? { name: `port-${index + 1}` } : {}),
      port,
      protocol: protocolFor(port),
      targetPort: targetPort !== '' ? intOrName(targetPort) : port,
    }));
  }
  const labelSpec = flags.string('labels');
  const labels = labelSpec !== '' ? parsePairs(labelSpec) : obj(obj(object.metadata).labels);
  // Mirrors expose.go: the Service is named after the object, cut to a DNS-1035 label's 63 characters.
  const name = flags.string('name') || nameOf(object).slice(0, 63);
  const spec: Json = { ports, selector };
  if (flags.string('type') !== '') spec.type = flags.string('type');
  if (flags.string('cluster-ip') !== '') spec.clusterIP = flags.string('cluster-ip');
  if (flags.string('external-ip') !== '') spec.externalIPs = [flags.string('external-ip')];
  if (flags.string('load-balancer-ip') !== '') spec.loadBalancerIP = flags.string('load-balancer-ip');
  if (flags.string('session-affinity') !== '') spec.sessionAffinity = flags.string('session-affinity');
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: Object.keys(labels).length > 0 ? { labels, name } : { name },
    spec,
    status: { loadBalancer: {} },
  };
}

function runExpose(context: CommandContext): void {
  const { flags, args, out } = context;
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
  else if (args.length > 0) requests = parseResourceArgs(args, 'expose').requests;
  else throw new KubectlError(NO_RESOURCES, 'Dis à kubectl quoi exposer : « kubectl expose deployment web --port=80 ».');
  if (requests.every((request) => request.names.length === 0) && errors.length === 0) {
    throw new KubectlError('resource(s) were provided, but no name was specified', `Donne un nom : « kubectl expose ${args[0] ?? 'deployment'} NOM --port=80 ».`);
  }
  const dryRun = dryRunOf(context);
  const output = flags.string('output');
  for (const { objects } of fetch(context, requests, context.namespace, errors)) {
    for (const object of objects) {
      try {
        const service = buildService(context, object);
        let result = service;
        if (dryRun !== 'client') {
          (service.metadata as Json).namespace = namespaceOf(object) || context.namespace;
          result = context.cluster.store.create(service, { dryRun: dryRun === 'server' });
        }
        if (output === 'yaml' || output === 'json' || output === 'name') out.out(printObject(result, output));
        else out.out(resultLine(SERVICES, nameOf(result), 'exposed', dryRun === 'none' ? undefined : dryRun));
      } catch (error) {
        errors.push(error);
      }
    }
  }
  throwAll(errors);
}

export const EXPOSE: Command = { summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', flags: FLAGS, run: runExpose };
