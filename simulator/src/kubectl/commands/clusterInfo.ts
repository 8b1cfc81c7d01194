/**
 * `kubectl cluster-info` (kubectl v1.30, clusterinfo.go): the control plane's address,
 * then each kube-system Service labelled `kubernetes.io/cluster-service=true` with its
 * proxy URL (named after its `kubernetes.io/name` label: CoreDNS), then the dump hint.
 */
import { kindInfo } from '../../api/catalog';
import { arr, meta, nameOf, obj, str } from '../fields';
import { SERVER } from './config';
import type { Command } from './context';

const SERVICES = kindInfo('v1', 'Service')!;

export const CLUSTER_INFO: Command = {
  summary: 'Display cluster information',
  flags: [],
  run(context) {
    let out = `Kubernetes control plane is running at ${SERVER}\n`;
    for (const service of context.cluster.store.list(SERVICES, { namespace: 'kube-system', labelSelector: 'kubernetes.io/cluster-service=true' })) {
      const port = arr(obj(service.spec).ports)[0];
      const target = port && str(port.name) !== '' ? `${nameOf(service)}:${str(port.name)}` : nameOf(service);
      const label = str(obj(meta(service).labels)['kubernetes.io/name']) || nameOf(service);
      out += `${label} is running at ${SERVER}/api/v1/namespaces/kube-system/services/${target}/proxy\n`;
    }
    context.out.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  },
};
