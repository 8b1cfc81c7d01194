/**
 * Service and Endpoints: ports (named when several, unique, 1-65535), targetPort,
 * nodePort (only for NodePort/LoadBalancer, in 30000-32767, allocated by the REST
 * storage), selector labels, ExternalName. Mirrors ValidateService, validateServicePort
 * and validateEndpointPort (pkg/apis/core/validation, v1.30) and the service port
 * allocator (pkg/registry/core/service/portallocator).
 */
import { duplicate, forbidden, goQuote, invalid, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asArray, asNumber, asString, child, get, isRecord, stringMap, type Path } from './common';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum } from './formats';
import { portNumOrName } from './containers';
import { validateLabels } from './labels';

/** The API server's default --service-node-port-range. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

const PORT_FR = 'Un numéro de port va de 1 à 65535.';

function isHeadless(spec: unknown): boolean {
  const type = asString(child(spec, 'type')) ?? 'ClusterIP';
  const first = asString(asArray(child(spec, 'clusterIPs'))[0]) ?? asString(child(spec, 'clusterIP'));
  return type === 'ClusterIP' && first === 'None';
}

function servicePort(port: unknown, path: Path, requireName: boolean, names: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const name = asString(child(port, 'name')) ?? '';
  if (requireName && name === '') {
    findings.push(required({ code: 'service-port-name-required', path: [...path, 'name'], fr: 'Quand un Service expose plusieurs ports, chacun doit avoir un nom (`name: http`, `name: https`…).' }));
  } else if (name !== '') {
    isDNS1123Label(name).forEach((message) => findings.push(invalid({ code: 'service-port-name-invalid', path: [...path, 'name'], fr: 'Le nom d’un port de Service est un label DNS : minuscules, chiffres et « - ».' }, name, message)));
    if (names.has(name)) findings.push(duplicate({ code: 'service-port-name-duplicate', path: [...path, 'name'], fr: 'Deux ports de ce Service portent le même nom.' }, name));
    else names.add(name);
  }
  const number = asNumber(child(port, 'port'));
  if (number !== undefined) isValidPortNum(number).forEach((message) => findings.push(invalid({ code: 'port-invalid', path: [...path, 'port'], fr: PORT_FR }, number, message)));
  findings.push(...portNumOrName(child(port, 'targetPort'), [...path, 'targetPort'], 'targetPort est le port du conteneur : un numéro de 1 à 65535, ou le nom d’un port déclaré dans le conteneur.'));
  return findings;
}

/** core.ServicePort as the duplicate (protocol, port) key prints it with %#v. */
function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function nodePorts(spec: unknown, ports: unknown[]): Finding[] {
  const findings: Finding[] = [];
  const type = asString(child(spec, 'type')) ?? 'ClusterIP';
  const seen = new Set<string>();
  ports.forEach((port, index) => {
    const nodePort = asNumber(child(port, 'nodePort'));
    if (nodePort === undefined || nodePort === 0) return;
    const path: Path = ['spec', 'ports', index, 'nodePort'];
    if (type === 'ClusterIP') {
      findings.push(forbidden({ code: 'node-port-forbidden', path, fr: 'Un Service ClusterIP n’ouvre aucun port sur les nœuds : retire nodePort, ou passe en `type: NodePort`.' }, "may not be used when `type` is 'ClusterIP'"));
      return;
    }
    const key = `${asString(child(port, 'protocol')) ?? 'TCP'}/${nodePort}`;
    if (seen.has(key)) findings.push(duplicate({ code: 'node-port-duplicate', path, fr: 'Deux ports de ce Service demandent le même nodePort.' }, nodePort));
    seen.add(key);
    if (type === 'NodePort' || type === 'LoadBalancer') {
      if (nodePort < NODE_PORT_RANGE.min || nodePort > NODE_PORT_RANGE.max) {
        findings.push(
          invalid(
            { code: 'node-port-range', path, fr: `Un nodePort doit être entre ${NODE_PORT_RANGE.min} et ${NODE_PORT_RANGE.max} (la plage réservée par l'API Server). Ou omets-le : Kubernetes en choisira un libre.` },
            nodePort,
            `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`,
          ),
        );
      }
    }
  });
  return findings;
}

function duplicatePorts(ports: unknown[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  ports.forEach((port, index) => {
    const protocol = asString(child(port, 'protocol')) ?? 'TCP';
    const number = asNumber(child(port, 'port')) ?? 0;
    const key = `${protocol}/${number}`;
    if (seen.has(key)) {
      const finding = duplicate({ code: 'service-port-duplicate', path: ['spec', 'ports', index], fr: 'Ce Service expose deux fois le même port avec le même protocole.' }, '');
      findings.push({ ...finding, message: finding.message.replace('Duplicate value: ""', `Duplicate value: ${goServicePortKey(protocol, number)}`) });
    }
    seen.add(key);
  });
  return findings;
}

function externalName(spec: unknown): Finding[] {
  if (asString(child(spec, 'type')) !== 'ExternalName') return [];
  const name = asString(child(spec, 'externalName')) ?? '';
  const path: Path = ['spec', 'externalName'];
  const fr = 'Un Service ExternalName renvoie vers un nom DNS externe : donne-le dans `externalName` (par exemple db.example.com).';
  if (name === '') return [required({ code: 'external-name-required', path, fr })];
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  const errors = isDNS1123Subdomain(trimmed);
  if (errors.length > 0) return [invalid({ code: 'external-name-invalid', path, fr }, trimmed, errors.join(','))];
  if (trimmed.split('.').length < 2) return [invalid({ code: 'external-name-invalid', path, fr }, trimmed, 'should be a domain with at least two segments separated by dots')];
  return [];
}

function serviceSpec(object: KubeObject): Finding[] {
  const spec = object.spec;
  const ports = asArray(child(spec, 'ports'));
  const type = asString(child(spec, 'type')) ?? 'ClusterIP';
  const findings: Finding[] = [];
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') {
    findings.push(required({ code: 'service-ports-required', path: ['spec', 'ports'], fr: 'Un Service doit exposer au moins un port (`ports:`), sauf s’il est headless (clusterIP: None) ou de type ExternalName.' }));
  }
  const names = new Set<string>();
  ports.forEach((port, index) => findings.push(...servicePort(port, ['spec', 'ports', index], ports.length > 1, names)));
  findings.push(...validateLabels(stringMap(child(spec, 'selector')), ['spec', 'selector']));
  findings.push(...externalName(spec));
  findings.push(...nodePorts(spec, ports), ...duplicatePorts(ports));
  return findings;
}

/** Mirrors ValidateService, plus the node port allocator's range check. */
export const serviceRule: ValidationRule = { id: 'service', kinds: ['Service'], check: serviceSpec };

function endpointPorts(ports: unknown[], path: Path): Finding[] {
  const findings: Finding[] = [];
  const names = new Set<string>();
  ports.forEach((port, index) => findings.push(...servicePort({ name: child(port, 'name'), port: child(port, 'port') }, [...path, index], ports.length > 1, names)));
  return findings;
}

/** Mirrors validateEndpointSubsets: each subset's ports. */
export const endpointsRule: ValidationRule = {
  id: 'endpoints',
  kinds: ['Endpoints'],
  check: (object) => asArray(object.subsets).flatMap((subset, index) => (isRecord(subset) ? endpointPorts(asArray(get(subset, 'ports')), ['subsets', index, 'ports']) : [])),
};
