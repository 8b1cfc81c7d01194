/**
 * Pod and pod-template defaults. `defaultPodSpec` is what every PodTemplateSpec gets
 * (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob); `defaultPod` adds the
 * few defaults upstream keeps for the Pod object alone, so that they do not show up in
 * every workload's template.
 */
import { defaultFieldRef, defaultVolume } from './volumes';
import { ensureObj, isNil, objAt, objsAt, setIfNil, setIfZero, type Obj } from './util';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

// A docker reference as distribution/reference parses it: optional domain, lowercase path
// components, optional tag, optional digest. Enough to tell "latest", another tag, a digest
// alone, or a name the parser rejects.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:(?:[a-zA-Z0-9.-]+|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?/)?${COMPONENT}(?:/${COMPONENT})*` +
    '(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$',
);

/**
 * The tag kubelet would pull: `latest` when the image names neither a tag nor a digest,
 * `''` for a digest alone, undefined when the name does not parse. Mirrors
 * parsers.ParseImageName (pkg/util/parsers).
 */
export function imageTag(image: string): string | undefined {
  const match = REFERENCE.exec(image);
  if (!match) return undefined;
  const { tag, digest } = match.groups ?? {};
  if (tag !== undefined) return tag;
  return digest !== undefined ? '' : 'latest';
}

/**
 * Mirrors SetDefaults_Container: a moving `latest` tag is pulled every time, a fixed tag
 * or digest only when missing. A name that does not parse gets IfNotPresent, as upstream
 * ignores the parse error (validation reports the name).
 */
function defaultContainer(container: Obj): void {
  const image = typeof container.image === 'string' ? container.image : '';
  setIfZero(container, 'imagePullPolicy', imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent');
  setIfZero(container, 'terminationMessagePath', '/dev/termination-log');
  setIfZero(container, 'terminationMessagePolicy', 'File');
  for (const port of objsAt(container, 'ports')) setIfZero(port, 'protocol', 'TCP');
  for (const env of objsAt(container, 'env')) defaultFieldRef(objAt(objAt(env, 'valueFrom'), 'fieldRef'));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(objAt(container, probe));
  const lifecycle = objAt(container, 'lifecycle');
  for (const hook of ['postStart', 'preStop']) defaultHttpGet(objAt(objAt(lifecycle, hook), 'httpGet'));
}

/** Mirrors SetDefaults_HTTPGetAction: path `/`, scheme HTTP. */
function defaultHttpGet(httpGet: Obj | undefined): void {
  setIfZero(httpGet, 'path', '/');
  setIfZero(httpGet, 'scheme', 'HTTP');
}

/** Mirrors SetDefaults_Probe, plus the `+default=""` marker of GRPCAction.service. */
function defaultProbe(probe: Obj | undefined): void {
  if (probe === undefined) return;
  setIfZero(probe, 'timeoutSeconds', 1);
  setIfZero(probe, 'periodSeconds', 10);
  setIfZero(probe, 'successThreshold', 1);
  setIfZero(probe, 'failureThreshold', 3);
  defaultHttpGet(objAt(probe, 'httpGet'));
  setIfNil(objAt(probe, 'grpc'), 'service', '');
}

/**
 * Defaults of a PodSpec, wherever it appears. Mirrors SetDefaults_PodSpec and the
 * generated walk over its volumes and containers (SetObjectDefaults_PodTemplate).
 */
export function defaultPodSpec(spec: Obj): void {
  setIfZero(spec, 'dnsPolicy', 'ClusterFirst');
  setIfZero(spec, 'restartPolicy', 'Always');
  setIfNil(spec, 'securityContext', {});
  setIfNil(spec, 'terminationGracePeriodSeconds', 30);
  setIfZero(spec, 'schedulerName', 'default-scheduler');
  for (const volume of objsAt(spec, 'volumes')) defaultVolume(volume);
  for (const list of CONTAINER_LISTS) for (const container of objsAt(spec, list)) defaultContainer(container);
}

/** The template of a workload (`spec.template` or `spec.jobTemplate.spec.template`). */
export function defaultPodTemplate(template: Obj | undefined): void {
  const spec = objAt(template, 'spec');
  if (spec !== undefined) defaultPodSpec(spec);
}

/** Mirrors the part of SetDefaults_Pod that copies limits into absent requests. */
function defaultRequestsFromLimits(container: Obj): void {
  const resources = objAt(container, 'resources');
  const limits = objAt(resources, 'limits');
  if (resources === undefined || limits === undefined) return;
  const requests = ensureObj(resources, 'requests');
  if (requests === undefined) return;
  for (const [name, quantity] of Object.entries(limits)) {
    if (!Object.hasOwn(requests, name)) requests[name] = quantity;
  }
}

/** Mirrors defaultHostNetworkPorts: with host networking, a port is opened on the node as is. */
function defaultHostPorts(container: Obj): void {
  for (const port of objsAt(container, 'ports')) {
    if (isNil(port.hostPort) || port.hostPort === 0) {
      if (!isNil(port.containerPort)) port.hostPort = port.containerPort;
    }
  }
}

/**
 * Defaults of a Pod object. Mirrors SetObjectDefaults_Pod: SetDefaults_Pod (requests from
 * limits, enableServiceLinks, host ports under hostNetwork; Pod only, since v1.28 gates the
 * host ports of templates behind DefaultHostNetworkHostPortsInPodTemplates, off by default),
 * then the PodSpec defaults.
 */
export function defaultPod(pod: Obj): void {
  const spec = ensureObj(pod, 'spec');
  if (spec === undefined) return;
  for (const list of ['containers', 'initContainers']) {
    for (const container of objsAt(spec, list)) defaultRequestsFromLimits(container);
  }
  setIfNil(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const list of ['containers', 'initContainers']) for (const container of objsAt(spec, list)) defaultHostPorts(container);
  }
  defaultPodSpec(spec);
}
