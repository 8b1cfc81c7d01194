/**
 * The container, volume and pod-template sections of `kubectl describe` (describeContainers,
 * describeVolumes, DescribePodTemplate in k8s.io/kubectl/pkg/describe, v1.30), shared by
 * Pod, Deployment and ReplicaSet.
 */
import { formatLabelSelector } from '../../store/selectors';
import { canonicalQuantity, integerValue, milliValue, parseQuantity } from '../../api/quantity';
import { compareStrings } from '../../store/json';
import { rfc1123z } from '../age';
import { arr, at, bool, intOrString, obj, str, strs, num, type Json } from '../fields';
import { joinHostPort } from '../get/network';
import { type DescribeWriter, writeLabels, writeAnnotations, writeTolerations } from './writer';

/** Resolves a `fieldRef` env var against the pod (EnvValueRetriever); absent for templates. */
export type EnvResolver = (fieldPath: string) => string;

const quantity = (value: unknown): string => canonicalQuantity(value);
const stringOrNone = (text: string): string => (text === '' ? '<none>' : text);

function describeResources(w: DescribeWriter, resources: unknown, level: number): void {
  for (const kind of ['limits', 'requests'] as const) {
    const list = obj(obj(resources)[kind]);
    const names = Object.keys(list).sort(compareStrings);
    if (names.length > 0) w.write(level, kind === 'limits' ? 'Limits:\n' : 'Requests:\n');
    for (const name of names) w.write(level + 1, `${name}:\t${quantity(list[name])}\n`);
  }
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Json): string {
  const attrs = `delay=${num(probe.initialDelaySeconds)}s timeout=${num(probe.timeoutSeconds)}s period=${num(probe.periodSeconds)}s #success=${num(probe.successThreshold)} #failure=${num(probe.failureThreshold)}`;
  if (probe.exec) return `exec [${strs(at(probe, 'exec.command')).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const get = obj(probe.httpGet);
    const port = intOrString(get.port);
    const host = port !== '' ? joinHostPort(str(get.host), port) : str(get.host);
    return `http-get ${str(get.scheme).toLowerCase()}://${host}${str(get.path)} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${str(at(probe, 'tcpSocket.host'))}:${intOrString(at(probe, 'tcpSocket.port'))} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${num(at(probe, 'grpc.port'))} ${str(at(probe, 'grpc.service'))} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, title: string, state: Json): void {
  if (state.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(at(state, 'running.startedAt'))}\n`);
  } else if (state.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (str(at(state, 'waiting.reason')) !== '') w.write(3, `Reason:\t${str(at(state, 'waiting.reason'))}\n`);
  } else if (state.terminated) {
    const t = obj(state.terminated);
    w.write(2, `${title}:\tTerminated\n`);
    if (str(t.reason) !== '') w.write(3, `Reason:\t${str(t.reason)}\n`);
    if (str(t.message) !== '') w.write(3, `Message:\t${str(t.message)}\n`);
    w.write(3, `Exit Code:\t${num(t.exitCode)}\n`);
    if (num(t.signal) > 0) w.write(3, `Signal:\t${num(t.signal)}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

/** ExtractContainerResourceValue for `resourceFieldRef` env vars: value / divisor, rounded up. */
function containerResourceValue(container: Json, ref: Json): string {
  const [kind, name] = str(ref.resource).split('.') as [string, string | undefined];
  const parsed = parseQuantity(str(obj(at(container, `resources.${kind}`))[name ?? '']) || '0');
  const divisorParsed = parseQuantity(ref.divisor === undefined ? '1' : str(ref.divisor));
  if (!parsed.ok || !divisorParsed.ok) return '';
  const cpu = name === 'cpu';
  const value = cpu ? milliValue(parsed.quantity) : integerValue(parsed.quantity);
  let divisor = cpu ? milliValue(divisorParsed.quantity) : integerValue(divisorParsed.quantity);
  if (divisor === 0n) divisor = cpu ? 1000n : 1n;
  return String(Math.ceil(Number(value) / Number(divisor)));
}

function describeEnv(w: DescribeWriter, container: Json, resolve: EnvResolver | undefined): void {
  const envFrom = arr(container.envFrom);
  if (envFrom.length > 0) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of envFrom) {
      const [from, ref] = e.configMapRef ? ['ConfigMap', obj(e.configMapRef)] : ['Secret', obj(e.secretRef)];
      const optional = bool(ref.optional);
      if (str(e.prefix) === '') w.write(3, `${str(ref.name)}\t${from}\tOptional: ${optional}\n`);
      else w.write(3, `${str(ref.name)}\t${from} with prefix '${str(e.prefix)}'\tOptional: ${optional}\n`);
    }
  }
  const env = arr(container.env);
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom ? obj(e.valueFrom) : undefined;
    if (!from) {
      str(e.value)
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${str(e.name)}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      const ref = obj(from.fieldRef);
      w.write(3, `${str(e.name)}:\t${resolve ? resolve(str(ref.fieldPath)) : ''} (${str(ref.apiVersion)}:${str(ref.fieldPath)})\n`);
    } else if (from.resourceFieldRef) {
      const ref = obj(from.resourceFieldRef);
      let value = containerResourceValue(container, ref);
      if (value === '0' && (str(ref.resource) === 'limits.cpu' || str(ref.resource) === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${str(e.name)}:\t${value} (${str(ref.resource)})\n`);
    } else if (from.secretKeyRef) {
      const ref = obj(from.secretKeyRef);
      w.write(3, `${str(e.name)}:\t<set to the key '${str(ref.key)}' in secret '${str(ref.name)}'>\tOptional: ${bool(ref.optional)}\n`);
    } else if (from.configMapKeyRef) {
      const ref = obj(from.configMapKeyRef);
      w.write(3, `${str(e.name)}:\t<set to the key '${str(ref.key)}' of config map '${str(ref.name)}'>\tOptional: ${bool(ref.optional)}\n`);
    }
  }
}

function describeMounts(w: DescribeWriter, container: Json): void {
  const mounts = arr(container.volumeMounts).sort((a, b) => compareStrings(str(a.mountPath), str(b.mountPath)));
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const mount of mounts) {
    const flags = [bool(mount.readOnly) ? 'ro' : 'rw'];
    if (str(mount.subPath) !== '') flags.push(`path=${JSON.stringify(str(mount.subPath))}`);
    w.write(3, `${str(mount.mountPath)} from ${str(mount.name)} (${flags.join(',')})\n`);
  }
}

/** describeContainers: one block per container, with its status when the pod has one. */
export function describeContainers(w: DescribeWriter, label: string, containers: Json[], statuses: Json[] | undefined, resolve: EnvResolver | undefined, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [str(s.name), s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = byName.get(str(container.name));
    w.write(1, `${space === '' ? '' : ' '}${str(container.name)}:\n`);
    if (status) w.write(2, `Container ID:\t${str(status.containerID)}\n`);
    w.write(2, `Image:\t${str(container.image)}\n`);
    if (status) w.write(2, `Image ID:\t${str(status.imageID)}\n`);
    const ports = arr(container.ports);
    const portText = ports.map((p) => `${num(p.containerPort)}/${str(p.protocol)}`).join(', ');
    w.write(2, ports.length > 1 ? `Ports:\t${portText}\n` : `Port:\t${stringOrNone(portText)}\n`);
    const hostText = ports.map((p) => `${num(p.hostPort)}/${str(p.protocol)}`).join(', ');
    w.write(2, ports.length > 1 ? `Host Ports:\t${hostText}\n` : `Host Port:\t${stringOrNone(hostText)}\n`);
    for (const [key, title] of [['command', 'Command'], ['args', 'Args']] as const) {
      const values = strs(container[key]);
      if (values.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const value of values) for (const line of value.split('\n')) w.write(3, `${line}\n`);
    }
    if (status) {
      describeState(w, 'State', obj(status.state));
      if (at(status, 'lastState.terminated')) describeState(w, 'Last State', obj(status.lastState));
      w.write(2, `Ready:\t${bool(status.ready) ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${num(status.restartCount)}\n`);
    }
    describeResources(w, container.resources, 2);
    for (const [key, title] of [['livenessProbe', 'Liveness'], ['readinessProbe', 'Readiness'], ['startupProbe', 'Startup']] as const) {
      if (container[key]) w.write(2, `${title}:\t${describeProbe(obj(container[key]))}\n`);
    }
    describeEnv(w, container, resolve);
    describeMounts(w, container);
  }
}

const optional = (source: unknown): boolean => bool(obj(source).optional);

/**
 * How printProjectedVolumeSource prints a source's `optional`, a *bool given to `%v`: `<nil>`
 * when unset (the kube-api-access volume's `ConfigMapOptional:       <nil>`), else the
 * pointer's address, which says nothing of its value (a fixed one here).
 */
const goBoolPointer = (source: unknown): string => (obj(source).optional === undefined || obj(source).optional === null ? '<nil>' : '0xc000a4c3e8');

/** printProjectedVolumeSource: one or two lines per source, in the volume's order. */
function describeProjected(w: DescribeWriter, projected: Json): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of arr(projected.sources)) {
    if (source.secret) w.write(2, `SecretName:\t${str(at(source, 'secret.name'))}\n    SecretOptionalName:\t${goBoolPointer(source.secret)}\n`);
    else if (source.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
    else if (source.configMap) w.write(2, `ConfigMapName:\t${str(at(source, 'configMap.name'))}\n    ConfigMapOptional:\t${goBoolPointer(source.configMap)}\n`);
    else if (source.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${num(at(source, 'serviceAccountToken.expirationSeconds'))}\n`);
  }
}

/** describeVolumes: the kind of each volume and its source, `<unknown>` for the exotic ones. */
export function describeVolumes(w: DescribeWriter, volumes: Json[], space: string): void {
  if (volumes.length === 0) return w.write(0, `${space}Volumes:\t<none>\n`);
  w.write(0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(1, `${space === '' ? '' : ' '}${str(volume.name)}:\n`);
    if (volume.hostPath) {
      const type = at(volume, 'hostPath.type');
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(at(volume, 'hostPath.path'))}\n    HostPathType:\t${type === undefined ? '<none>' : str(type)}\n`);
    } else if (volume.emptyDir) {
      const limit = at(volume, 'emptyDir.sizeLimit');
      const size = limit !== undefined && quantity(limit) !== '0' ? quantity(limit) : '<unset>';
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(at(volume, 'emptyDir.medium'))}\n    SizeLimit:\t${size}\n`);
    } else if (volume.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(at(volume, 'secret.secretName'))}\n    Optional:\t${optional(volume.secret)}\n`);
    } else if (volume.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(at(volume, 'configMap.name'))}\n    Optional:\t${optional(volume.configMap)}\n`);
    } else if (volume.nfs) {
      const nfs = obj(volume.nfs);
      w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(nfs.server)}\n    Path:\t${str(nfs.path)}\n    ReadOnly:\t${bool(nfs.readOnly)}\n`);
    } else if (volume.persistentVolumeClaim) {
      const claim = obj(volume.persistentVolumeClaim);
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(claim.claimName)}\n    ReadOnly:\t${bool(claim.readOnly)}\n`);
    } else if (volume.downwardAPI) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of arr(at(volume, 'downwardAPI.items'))) {
        if (item.fieldRef) w.write(3, `${str(at(item, 'fieldRef.fieldPath'))} -> ${str(item.path)}\n`);
        if (item.resourceFieldRef) w.write(3, `${str(at(item, 'resourceFieldRef.resource'))} -> ${str(item.path)}\n`);
      }
    } else if (volume.projected) {
      describeProjected(w, obj(volume.projected));
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

/** describeTopologySpreadConstraints, sorted by topology key. */
export function describeTopologySpread(w: DescribeWriter, constraints: Json[], space: string): void {
  if (constraints.length === 0) return;
  const sorted = [...constraints].sort((a, b) => compareStrings(str(a.topologyKey), str(b.topologyKey)));
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let text = `${str(c.topologyKey)}:${str(c.whenUnsatisfiable)} when max skew ${num(c.maxSkew)} is exceeded`;
    if (c.labelSelector) text += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(0, `${text}\n`);
  });
}

/** DescribePodTemplate: the `Pod Template:` section of Deployment, ReplicaSet, Job... */
export function describePodTemplate(w: DescribeWriter, template: unknown): void {
  w.write(0, 'Pod Template:\n');
  if (template === undefined || template === null) return w.write(1, '<unset>');
  const metadata = obj(at(template, 'metadata'));
  const spec = obj(at(template, 'spec'));
  writeLabels(w, '  Labels', metadata.labels);
  if (Object.keys(obj(metadata.annotations)).length > 0) writeAnnotations(w, '  Annotations', metadata.annotations);
  if (str(spec.serviceAccountName) !== '') w.write(1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  if (arr(spec.initContainers).length > 0) describeContainers(w, 'Init Containers', arr(spec.initContainers), undefined, undefined, '  ');
  describeContainers(w, 'Containers', arr(spec.containers), undefined, undefined, '  ');
  describeVolumes(w, arr(spec.volumes), '  ');
  describeTopologySpread(w, arr(spec.topologySpreadConstraints), '  ');
  if (str(spec.priorityClassName) !== '') w.write(1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, '  Tolerations', spec.tolerations);
}
