/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port[:targetPort]`
 * (kubectl v1.30, create_service.go): an `app: NAME` label and selector, one TCP port per
 * `--tcp` named `port-targetPort`, `--clusterip=None` for a headless Service.
 */
import { kindInfo } from '../../../api/catalog';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../../api/validation/rules/formats';
import type { Command, CommandContext, CommandGroup } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../parse';
import { COMMON, createObject, oneName, requireFlags } from './common';

const SERVICES = kindInfo('v1', 'Service')!;

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** utilsnet.ParsePort(text, allowZero): strconv.ParseUint(text, 10, 16) and its errors. */
function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`, 'Un port est un nombre : --tcp=80 ou --tcp=80:8080 (port du Service:port du conteneur).');
  const port = Number(text);
  if (port > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`, 'Un port va de 1 à 65535.');
  return port;
}

/** create_service.go's parsePorts: `80`, `80:8080` or `80:http` (a named container port). */
function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [first, second] = spec.split(':') as [string, string | undefined];
  const port = parsePort(first);
  if (second === undefined) return { port, targetPort: port };
  if (/^[+-]?\d+$/.test(second)) {
    const number = Number(second);
    const problems = isValidPortNum(number);
    if (problems.length > 0) throw new KubectlError(problems.join(','), 'Le port cible va de 1 à 65535.');
    return { port, targetPort: number };
  }
  const problems = isValidPortName(second);
  if (problems.length > 0) throw new KubectlError(problems.join(','), 'Un port cible nommé (--tcp=80:http) est un nom de port du conteneur : 15 caractères au plus, minuscules, chiffres et « - ».');
  return { port, targetPort: second };
}

function runService(context: CommandContext, type: ServiceType): void {
  if (type === 'ExternalName') requireFlags(context, ['external-name'], 'kubectl create service externalname db --external-name=db.example.com');
  const name = oneName(context, `kubectl create service ${type.toLowerCase()} web --tcp=80:8080`);
  const tcp = context.flags.list('tcp');
  const clusterIP = context.flags.string('clusterip');
  const externalName = context.flags.string('external-name');
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type', '--clusterip=None (Service « headless ») ne va qu’avec « create service clusterip ».');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') {
    throw new KubectlError('at least one tcp port specifier must be provided', `Indique le port du Service : « kubectl create service ${type.toLowerCase()} ${name} --tcp=80:8080 » (port du Service:port du conteneur).`);
  }
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length > 0) {
    throw new KubectlError(`invalid service external name ${externalName}`, '--external-name attend un nom DNS : minuscules, chiffres, « - » et « . » (db.example.com).');
  }
  const nodePort = context.flags.int('node-port', 0);
  const ports = tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    return { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort, ...(nodePort !== 0 ? { nodePort } : {}) };
  });
  const labels = { app: name };
  createObject(context, SERVICES, {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, labels },
    spec: {
      ...(ports.length > 0 ? { ports } : {}),
      selector: { app: name },
      ...(clusterIP !== '' ? { clusterIP } : {}),
      type,
      ...(externalName !== '' ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  });
}

const TCP: FlagSpec = { name: 'tcp', type: 'stringSlice' };

function serviceCommand(type: ServiceType, summary: string, flags: readonly FlagSpec[]): Command {
  return { summary, flags: [...COMMON, TCP, ...flags], run: (context) => runService(context, type) };
}

export const SERVICE: CommandGroup = {
  summary: 'Create a service using a specified subcommand',
  help: 'Create a service using a specified subcommand.\n\nAliases:\nservice, svc\n\nAvailable Commands:\n  clusterip      Create a ClusterIP service\n  externalname   Create an ExternalName service\n  loadbalancer   Create a LoadBalancer service\n  nodeport       Create a NodePort service\n\nUsage:\n  kubectl create service [flags] [options]\n',
  subcommands: {
    clusterip: serviceCommand('ClusterIP', 'Create a ClusterIP service', [{ name: 'clusterip', type: 'string' }]),
    externalname: serviceCommand('ExternalName', 'Create an ExternalName service', [{ name: 'external-name', type: 'string' }]),
    loadbalancer: serviceCommand('LoadBalancer', 'Create a LoadBalancer service', []),
    nodeport: serviceCommand('NodePort', 'Create a NodePort service', [{ name: 'node-port', type: 'int' }]),
  },
};
