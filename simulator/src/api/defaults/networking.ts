/**
 * networking.k8s.io/v1 defaults: NetworkPolicy and IngressClass. Ingress has none.
 */
import { ensureObj, isEmpty, objAt, objsAt, setIfNil, type Obj } from './util';

/**
 * Mirrors SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort
 * (pkg/apis/networking/v1/defaults.go): a policy always isolates ingress, and egress too
 * once it lists egress rules; ports default to TCP.
 */
export function defaultNetworkPolicy(policy: Obj): void {
  const spec = ensureObj(policy, 'spec');
  if (spec === undefined) return;
  if (isEmpty(spec.policyTypes)) {
    spec.policyTypes = isEmpty(spec.egress) ? ['Ingress'] : ['Ingress', 'Egress'];
  }
  for (const direction of ['ingress', 'egress']) {
    for (const rule of objsAt(spec, direction)) {
      for (const port of objsAt(rule, 'ports')) setIfNil(port, 'protocol', 'TCP');
    }
  }
}

/**
 * Mirrors the `+default="Cluster"` marker of IngressClassParametersReference.scope
 * (k8s.io/api/networking/v1/types.go): parameters are a cluster-scoped resource unless
 * said otherwise.
 */
export function defaultIngressClass(ingressClass: Obj): void {
  setIfNil(objAt(objAt(ingressClass, 'spec'), 'parameters'), 'scope', 'Cluster');
}
