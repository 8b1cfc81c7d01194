/**
 * `kubectl describe pod` (describePod in k8s.io/kubectl/pkg/describe, v1.30).
 */
import { rfc1123z, since } from '../age';
import { arr, at, meta, nameOf, num, obj, str, type Json } from '../fields';
import { describeContainers, describeTopologySpread, describeVolumes, type EnvResolver } from './containers';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './writer';

/** `Kind/name` of the controlling owner (printController), or ''. */
export function controllerOf(object: Json): string {
  const ref = arr(meta(object).ownerReferences).find((r) => r.controller === true);
  return ref ? `${str(ref.kind)}/${str(ref.name)}` : '';
}

const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * The pod's QoS class: status.qosClass when the API server set it, else computed like
 * GetPodQOS (BestEffort without requests or limits, Guaranteed when every container's
 * requests equal its cpu and memory limits, Burstable otherwise).
 */
export function podQOS(pod: Json): string {
  const fromStatus = str(at(pod, 'status.qosClass'));
  if (fromStatus !== '') return fromStatus;
  const containers = [...arr(at(pod, 'spec.containers')), ...arr(at(pod, 'spec.initContainers'))];
  let any = false;
  let guaranteed = true;
  for (const container of containers) {
    const requests = obj(at(container, 'resources.requests'));
    const limits = obj(at(container, 'resources.limits'));
    for (const name of QOS_RESOURCES) {
      if (requests[name] !== undefined || limits[name] !== undefined) any = true;
      if (limits[name] === undefined) guaranteed = false;
      else if (requests[name] !== undefined && str(requests[name]) !== str(limits[name])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** fieldpath.ExtractFieldPathAsString for the fields a learner puts in `fieldRef`. */
function podFieldResolver(pod: Json): EnvResolver {
  return (fieldPath) => {
    const labelMatch = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
    if (labelMatch) return str(obj(meta(pod)[labelMatch[1]!])[labelMatch[2]!]);
    if (fieldPath === 'status.podIPs') return arr(at(pod, 'status.podIPs')).map((ip) => str(ip.ip)).join(',');
    if (fieldPath === 'status.hostIPs') return arr(at(pod, 'status.hostIPs')).map((ip) => str(ip.ip)).join(',');
    return str(at(pod, fieldPath));
  };
}

/** The text of `kubectl describe pod` for `pod` and the events about it. */
export function describePod(w: DescribeWriter, pod: Json, events: readonly Json[] | undefined, now: number): void {
  const metadata = meta(pod);
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  w.write(0, `Name:\t${nameOf(pod)}\n`);
  w.write(0, `Namespace:\t${str(metadata.namespace)}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${num(spec.priority)}\n`);
  if (str(spec.priorityClassName) !== '') w.write(0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  if (str(spec.runtimeClassName) !== '') w.write(0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
  if (str(spec.serviceAccountName) !== '') w.write(0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  w.write(0, str(spec.nodeName) === '' ? 'Node:\t<none>\n' : `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', metadata.labels);
  writeAnnotations(w, 'Annotations', metadata.annotations);
  const phase = str(status.phase);
  if (metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(metadata.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${num(metadata.deletionGracePeriodSeconds)}s\n`);
  } else {
    w.write(0, `Status:\t${phase}\n`);
  }
  if (str(status.reason) !== '') w.write(0, `Reason:\t${str(status.reason)}\n`);
  if (str(status.message) !== '') w.write(0, `Message:\t${str(status.message)}\n`);
  w.write(0, `IP:\t${str(status.podIP)}\n`);
  const podIPs = arr(status.podIPs);
  if (podIPs.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of podIPs) w.write(1, `IP:\t${str(ip.ip)}\n`);
  }
  const controller = controllerOf(pod);
  if (controller !== '') w.write(0, `Controlled By:\t${controller}\n`);
  if (str(status.nominatedNodeName) !== '') w.write(0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);
  const resolve = podFieldResolver(pod);
  if (arr(spec.initContainers).length > 0) {
    describeContainers(w, 'Init Containers', arr(spec.initContainers), arr(status.initContainerStatuses), resolve, '');
  }
  describeContainers(w, 'Containers', arr(spec.containers), arr(status.containerStatuses), resolve, '');
  const gates = arr(spec.readinessGates);
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of gates) {
      const condition = arr(status.conditions).find((c) => str(c.type) === str(gate.conditionType));
      w.write(1, `${str(gate.conditionType)} \t${condition ? str(condition.status) : '<none>'} \n`);
    }
  }
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)} \n`);
  }
  describeVolumes(w, arr(spec.volumes), '');
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  describeTopologySpread(w, arr(spec.topologySpreadConstraints), '');
  writeEvents(w, events, now);
}
