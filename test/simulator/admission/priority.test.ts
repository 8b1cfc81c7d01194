import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { KubeObject } from '../../../simulator/src/store/store';
import { kubectl, testCluster } from '../kubectl/commands/support';
import { refusal } from './refusal';

const PODS = kindInfo('v1', 'Pod')!;
const PRIORITY_CLASSES = kindInfo('scheduling.k8s.io/v1', 'PriorityClass')!;
type Obj = Record<string, unknown>;

const pod = (name: string, spec: Obj = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
});
const priorityClass = (name: string, value: number, extra: Obj = {}): KubeObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra });
const specOf = (object: KubeObject): Obj => object.spec as Obj;

describe('admission: Priority', () => {
  it('gives a Pod without a class priority 0 and PreemptLowerPriority, and no class name', () => {
    const spec = specOf(testCluster().store.create(pod('web')));
    assert.equal(spec.priority, 0);
    assert.equal(spec.preemptionPolicy, 'PreemptLowerPriority');
    assert.equal(spec.priorityClassName, undefined);
  });

  it('knows the two system classes the API server creates at start', () => {
    const cluster = testCluster();
    assert.equal(specOf(cluster.store.create(pod('node', { priorityClassName: 'system-node-critical' }))).priority, 2000001000);
    const spec = specOf(cluster.store.create(pod('cluster', { priorityClassName: 'system-cluster-critical' })));
    assert.equal(spec.priority, 2000000000);
    assert.equal(spec.preemptionPolicy, 'PreemptLowerPriority');
  });

  it('refuses a class that does not exist, with the plugin text', () => {
    const error = refusal(testCluster(), pod('web', { priorityClassName: 'gold' }));
    assert.equal(error.reason, 'Forbidden');
    assert.equal(error.message, 'pods "web" is forbidden: no PriorityClass with name gold was found');
  });

  it('reads a PriorityClass created in the cluster, its value and its preemptionPolicy', () => {
    const cluster = testCluster();
    cluster.store.create(priorityClass('batch', 100, { preemptionPolicy: 'Never' }));
    const spec = specOf(cluster.store.create(pod('web', { priorityClassName: 'batch' })));
    assert.equal(spec.priority, 100);
    assert.equal(spec.preemptionPolicy, 'Never');
  });

  it('gives Pods without a class the globalDefault class', () => {
    const cluster = testCluster();
    cluster.store.create(priorityClass('standard', 1000, { globalDefault: true }));
    cluster.store.create(priorityClass('other', 5));
    const spec = specOf(cluster.store.create(pod('web')));
    assert.equal(spec.priorityClassName, 'standard');
    assert.equal(spec.priority, 1000);
  });

  it('refuses a second global default PriorityClass, on create and on update', () => {
    const cluster = testCluster();
    cluster.store.create(priorityClass('standard', 1000, { globalDefault: true }));
    const error = refusal(cluster, priorityClass('low', 10, { globalDefault: true }));
    assert.equal(error.message, 'priorityclasses.scheduling.k8s.io "low" is forbidden: PriorityClass standard is already marked as default. Only one default can exist');
    const other = cluster.store.create(priorityClass('other', 5));
    assert.throws(() => cluster.store.update({ ...other, globalDefault: true }), /PriorityClass standard is already marked as default/);
    // The default itself may be updated.
    const standard = cluster.store.get(PRIORITY_CLASSES, '', 'standard');
    assert.equal(cluster.store.update({ ...standard, description: 'the usual' }).description, 'the usual');
  });

  it('refuses a priority or a preemptionPolicy that differs from the class', () => {
    const cluster = testCluster();
    assert.equal(
      refusal(cluster, pod('web', { priority: 5 })).message,
      'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
    assert.equal(
      refusal(cluster, pod('web', { preemptionPolicy: 'Never' })).message,
      'pods "web" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    );
    // The same values as computed are accepted: a Pod saved with `kubectl get -o yaml` can be created again.
    assert.equal(specOf(cluster.store.create(pod('again', { priority: 0, preemptionPolicy: 'PreemptLowerPriority' }))).priority, 0);
  });

  it('keeps priority and preemptionPolicy when a Pod is replaced without them', () => {
    const cluster = testCluster();
    const created = cluster.store.create(pod('web'));
    const spec: Obj = { ...specOf(created), containers: [{ ...(specOf(created).containers as Obj[])[0], image: 'nginx:1.28' }] };
    delete spec.priority;
    delete spec.preemptionPolicy;
    cluster.store.update({ ...created, spec });
    const stored = specOf(cluster.store.get(PODS, 'default', 'web'));
    assert.equal(stored.priority, 0);
    assert.equal(stored.preemptionPolicy, 'PreemptLowerPriority');
  });

  it('shows the priority in kubectl describe pod, and the class name when there is one', () => {
    const cluster = testCluster();
    cluster.store.create(pod('web'));
    cluster.store.create(pod('critical', { priorityClassName: 'system-node-critical' }));
    assert.ok(kubectl(cluster, 'describe pod web').stdout.startsWith('Name:             web\nNamespace:        default\nPriority:         0\nService Account:  default\n'));
    assert.ok(
      kubectl(cluster, 'describe pod critical').stdout.startsWith(
        'Name:                 critical\nNamespace:            default\nPriority:             2000001000\nPriority Class Name:  system-node-critical\nService Account:      default\n',
      ),
    );
  });
});
