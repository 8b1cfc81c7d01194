/**
 * Pod and pod-template defaults. `defaultPodSpec` is what every PodTemplateSpec gets
 * (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob); `defaultPod` adds the
 * few defaults upstream keeps for the Pod object alone, so that they do not show up in
 * every workload's template.
 */
import { defaultFieldRef, defaultVolume } from './volumes';
import { deepCopy, ensureObj, isEmpty, isNil, objAt, objsAt, setIfNil, setIfZero, type Obj } from './util';

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
  // Not a default but seen on every read: ResourceRequirements is a value struct in Go, so
  // the JSON always carries it (`resources: {}`), whether the manifest said it or not.
  setIfNil(container, 'resources', {});
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

/**
 * The `metadata` of an embedded template (a pod template, a CronJob's job template, a
 * StatefulSet's claim template), as v1.30 serializes it: ObjectMeta is a value struct whose
 * zero creationTimestamp is written `null` (`creationTimestamp: null`, omitted only from
 * v1.33 on, kubernetes/kubernetes#130989). A timestamp the manifest gives is kept.
 */
export function defaultTemplateMetadata(template: Obj | undefined): void {
  const metadata = ensureObj(template, 'metadata');
  if (metadata !== undefined && !Object.hasOwn(metadata, 'creationTimestamp')) metadata.creationTimestamp = null;
}

/** The template of a workload (`spec.template` or `spec.jobTemplate.spec.template`). */
export function defaultPodTemplate(template: Obj | undefined): void {
  if (template === undefined) return;
  defaultTemplateMetadata(template);
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

/** Mirrors SetObjectDefaults_PodTemplate: a PodTemplate object's `template`. */
export function defaultPodTemplateObject(podTemplate: Obj): void {
  defaultPodTemplate(objAt(podTemplate, 'template'));
}

/**
 * Mirrors SetDefaults_ReplicationController (pkg/apis/core/v1/defaults.go): one replica,
 * and the template's labels as the selector and as the controller's own labels when those
 * are empty; then its template's defaults.
 */
export function defaultReplicationController(controller: Obj): void {
  const spec = ensureObj(controller, 'spec');
  if (spec === undefined) return;
  const template = objAt(spec, 'template');
  const labels = objAt(objAt(template, 'metadata'), 'labels');
  if (labels !== undefined) {
    if (isEmpty(spec.selector)) spec.selector = deepCopy(labels);
    const metadata = ensureObj(controller, 'metadata');
    if (metadata !== undefined && isEmpty(metadata.labels)) metadata.labels = deepCopy(labels);
  }
  setIfNil(spec, 'replicas', 1);
  defaultPodTemplate(template);
}
