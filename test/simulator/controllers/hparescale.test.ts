import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { setLoad } from '../../../simulator/src/metrics/load';
import { kubectl, testCluster } from '../kubectl/commands/support';

const EVENTS = kindInfo('v1', 'Event')!;
// The autoscaling chapter's php-apache: 200m of CPU requested, 50 % targeted, 1 to 5 Pods.
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: php-apache}
spec:
  replicas: 1
  selector: {matchLabels: {app: php-apache}}
  template:
    metadata: {labels: {app: php-apache}}
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        resources: {requests: {cpu: 200m}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: php-apache}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
`;

/** The SuccessfulRescale messages of the php-apache HPA after `percent` of load for two minutes. */
function rescales(percent: number): string[] {
  const cluster = testCluster();
  kubectl(cluster, 'apply -f php.yaml', { 'php.yaml': MANIFEST });
  cluster.advance(120_000);
  setLoad(cluster.store, { kind: 'Deployment', namespace: 'default', name: 'php-apache' }, percent);
  cluster.advance(120_000);
  return cluster.store
    .list(EVENTS)
    .filter((event) => event.reason === 'SuccessfulRescale')
    .map((event) => String(event.message));
}

describe('HPA SuccessfulRescale reasons (reconcileAutoscaler)', () => {
  it('names the metric above target when the metrics ask for more Pods', () => {
    assert.deepEqual(rescales(120), ['New size: 3; reason: cpu resource utilization (percentage of request) above target']);
  });

  it('leaves the reason empty when only the stabilization window moves the size, as upstream does', () => {
    // 250 % asks for 5 Pods, limited to 4 (max(2 × 1, 4)); with 4 Pods the new ones are still
    // initialising, the metrics propose 4, and the window's earlier 5 wins: upstream's
    // rescaleReason was decided before normalization and stays "".
    assert.deepEqual(rescales(250), ['New size: 4; reason: cpu resource utilization (percentage of request) above target', 'New size: 5; reason: ']);
  });
});
