import * as assert from 'node:assert/strict';
import { kubectl, testCluster } from '../../kubectl/commands/support';
import { container, messages, pod, type Obj } from './helpers';

const FORBIDDEN =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The messages of updating `old` into `next` (both Pods named web). */
const update = (next: Obj, old: Obj): string[] => messages(next, old);
const firstLine = (message: string): string => message.split('\n')[0]!;

describe('api/validation Pod updates (ValidatePodUpdate)', () => {
  it('lets the image change', () => {
    assert.deepEqual(update(pod({ containers: [container({ image: 'nginx:1.26' })] }), pod()), []);
  });

  it('refuses a new port, with the cmp.Diff of the spec', () => {
    const [message, ...rest] = update(pod({ containers: [container({ ports: [{ containerPort: 80 }] })] }), pod());
    assert.deepEqual(rest, []);
    assert.equal(firstLine(message!), FORBIDDEN);
    assert.match(message!, /\n {2}core\.PodSpec\{\n/);
    assert.match(message!, /\n- \t\t\tPorts: +nil,\n\+ \t\t\tPorts: +\{\{ContainerPort: 80, Protocol: "TCP"\}\},\n/);
    assert.match(message!, /\n {2}\t\t\t\.\.\. \/\/ 3 identical fields\n/);
  });

  it('refuses adding or removing a container before anything else', () => {
    assert.deepEqual(update(pod({ containers: [container(), container({ name: 'side', image: 'busybox' })], nodeName: 'x' }), pod()), [
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });

  it('lets tolerations be added, not removed or changed (but their tolerationSeconds may)', () => {
    const toleration = { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
    const old = pod({ tolerations: [toleration] });
    assert.deepEqual(update(pod({ tolerations: [{ ...toleration, tolerationSeconds: 10 }, { key: 'other', operator: 'Exists' }] }), old), []);
    const refused = update(pod({ tolerations: [{ ...toleration, key: 'j' }] }), old);
    assert.equal(refused[0], 'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
  });

  it('lets activeDeadlineSeconds be set or lowered, never raised or removed', () => {
    assert.deepEqual(update(pod({ activeDeadlineSeconds: 60 }), pod()), []);
    assert.deepEqual(update(pod({ activeDeadlineSeconds: 30 }), pod({ activeDeadlineSeconds: 60 })), []);
    assert.deepEqual(update(pod({ activeDeadlineSeconds: 90 }), pod({ activeDeadlineSeconds: 60 })), ['spec.activeDeadlineSeconds: Invalid value: 90: must be less than or equal to previous value']);
    assert.deepEqual(update(pod(), pod({ activeDeadlineSeconds: 60 })), ['spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value']);
  });

  it('allows terminationGracePeriodSeconds 1 only after a negative value', () => {
    assert.deepEqual(update(pod({ terminationGracePeriodSeconds: 1 }), pod({ terminationGracePeriodSeconds: -1 })), []);
    assert.equal(firstLine(update(pod({ terminationGracePeriodSeconds: 5 }), pod())[0]!), FORBIDDEN);
  });

  it('says the QoS class is immutable when resources move it', () => {
    const found = update(pod({ containers: [container({ resources: { requests: { memory: '64Mi' } } })] }), { ...pod(), status: { qosClass: 'BestEffort' } });
    assert.equal(found[0], 'metadata: Invalid value: "BestEffort": Pod QoS is immutable');
    assert.equal(firstLine(found[1]!), FORBIDDEN);
  });

  it('changes nothing on create', () => {
    assert.deepEqual(messages(pod({ nodeSelector: { disk: 'ssd' } })), []);
  });
});

describe('kubectl apply of a changed Pod', () => {
  it('prints the API server refusal and keeps the Pod as it was', () => {
    const cluster = testCluster();
    const manifest = (extra: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n${extra}`;
    assert.equal(kubectl(cluster, 'apply -f pod.yaml', { 'pod.yaml': manifest('') }).exitCode, 0);
    const refused = kubectl(cluster, 'apply -f pod.yaml', { 'pod.yaml': manifest('    ports:\n    - containerPort: 80\n') });
    assert.notEqual(refused.exitCode, 0);
    assert.match(refused.stderr, /The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/);
    assert.match(refused.stderr, /\+ \t\t\tPorts: +\{\{ContainerPort: 80, Protocol: "TCP"\}\},/);
    assert.equal(kubectl(cluster, 'apply -f pod.yaml', { 'pod.yaml': manifest('').replace('nginx:1.27', 'nginx:1.26') }).stdout, 'pod/web configured\n');
  });
});
