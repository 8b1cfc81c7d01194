import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import { DESCRIBED_KINDS } from '../../../simulator/src/kubectl/describe/index';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { expectGolden } from './golden';

/** The kinds the course teaches: each has kubectl's own describer, none the generic one. */
const COURSE_KINDS = [
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'Endpoints', 'Ingress', 'NetworkPolicy', 'ConfigMap',
  'Secret', 'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'ServiceAccount', 'Role', 'ClusterRole',
  'RoleBinding', 'ClusterRoleBinding', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'LimitRange', 'ResourceQuota',
];

let cluster: Cluster | undefined;

/** One cluster for the whole file: the manifests applied, two minutes later, then `kubectl autoscale`. */
function world(): Cluster {
  if (cluster) return cluster;
  cluster = createCluster({ seed: 3 });
  const manifests = readFileSync(join(__dirname, 'golden', 'describe-kinds.manifests.yaml'), 'utf8');
  const applied = runKubectl(cluster, ['apply', '-f', 'objects.yaml'], { files: { 'objects.yaml': manifests } });
  assert.equal(applied.stderr, '');
  cluster.advance(120_000);
  runKubectl(cluster, ['autoscale', 'deployment', 'web', '--max=5', '--cpu-percent=60']);
  cluster.advance(60_000);
  return cluster;
}

const describe_ = (line: string): string => {
  const result = runKubectl(world(), ['describe', ...line.split(' ')]);
  assert.equal(result.stderr, '', line);
  return `$ kubectl describe ${line}\n${result.stdout}`;
};

/*
 * The expected texts match kubectl v1.35's (stub API server, same objects) except where
 * v1.30 prints differently: v1.35 names container ports (`80/TCP (http)`), and it no
 * longer lists a ServiceAccount's mountable secrets and tokens. Event ages aside, the
 * rest is byte for byte.
 */
describe('kubectl describe: every kind of the course', () => {
  it('has a describer of its own for each kind the course teaches', () => {
    for (const kind of COURSE_KINDS) assert.ok((DESCRIBED_KINDS as readonly string[]).includes(kind), kind);
  });

  it('describes workloads: StatefulSet (claim templates), DaemonSet, Job, CronJob', () => {
    expectGolden('describe-kinds-apps.expected.txt', ['sts db', 'ds agent', 'job pi', 'cronjob hello'].map(describe_).join('\n'));
  });

  it('describes networking: Endpoints, Ingress (backends with their endpoints), NetworkPolicies', () => {
    const text = ['ep web', 'ingress web', 'netpol web-policy', 'netpol deny-all'].map(describe_).join('\n');
    assert.match(text, /^ {19}\/api {3}api:http \(<error: services "api" not found>\)$/m);
    assert.match(text, /^ {2}PodSelector: {5}<none> \(Allowing the specific traffic to all pods in this namespace\)$/m);
    expectGolden('describe-kinds-network.expected.txt', text);
  });

  it('describes storage: PersistentVolume, claims (with the Pods using them), StorageClasses', () => {
    const text = ['pv nfs-pv', 'pvc shared', 'pvc data-db-0', 'sc fast', 'sc standard'].map(describe_).join('\n');
    assert.match(text, /^Used By: {7}user$/m);
    assert.match(text, /^IsDefaultClass: {8}Yes$/m);
    expectGolden('describe-kinds-storage.expected.txt', text);
  });

  it('describes access control: ServiceAccount, Role, ClusterRole and their bindings', () => {
    const text = ['sa robot', 'role pod-reader', 'clusterrole reader', 'rolebinding read-pods', 'clusterrolebinding read-all'].map(describe_).join('\n');
    assert.match(text, /^ {2}pods\/log +\[\] +\[\] +\[get watch list\]$/m);
    assert.match(text, /^Mountable secrets: +robot-token \(not found\)$/m);
    expectGolden('describe-kinds-rbac.expected.txt', text);
  });

  it('describes policies: HorizontalPodAutoscaler, PodDisruptionBudget, LimitRange, ResourceQuota', () => {
    const text = ['hpa web', 'pdb web-pdb', 'limits limits', 'quota compute-quota', 'quota besteffort', 'ns default'].map(describe_).join('\n');
    assert.match(text, /^ {2}resource cpu on pods {2}\(as a percentage of request\): {2}0% \(0\) \/ 60%$/m);
    assert.match(text, /^limits\.memory +1879048192 +4G$/m, 'a used quantity takes the format of its hard limit');
    assert.match(text, /^ \* Matches all pods that do not have resource requirements set\. These pods have a best effort quality of service\.$/m);
    expectGolden('describe-kinds-policy.expected.txt', text);
  });
});
