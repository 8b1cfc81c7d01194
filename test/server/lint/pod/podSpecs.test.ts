import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { allContainers, containerPhrase, existingPath, podSpecsOf, valueAt, WORKLOAD_KINDS } from '../../../../server/src/lint/pod/podSpecs';

const POD_SPEC = { containers: [{ name: 'web', image: 'nginx:1.27' }] };

describe('lint/pod: podSpecs', () => {
  const cases: Array<[kind: string, object: unknown, path: (string | number)[], longRunning: boolean]> = [
    ['Pod', { spec: POD_SPEC }, ['spec'], true],
    ['Pod', { spec: { ...POD_SPEC, restartPolicy: 'Always' } }, ['spec'], true],
    ['Pod', { spec: { ...POD_SPEC, restartPolicy: 'Never' } }, ['spec'], false],
    ['Deployment', { spec: { template: { spec: POD_SPEC } } }, ['spec', 'template', 'spec'], true],
    ['StatefulSet', { spec: { template: { spec: POD_SPEC } } }, ['spec', 'template', 'spec'], true],
    ['DaemonSet', { spec: { template: { spec: POD_SPEC } } }, ['spec', 'template', 'spec'], true],
    ['ReplicaSet', { spec: { template: { spec: POD_SPEC } } }, ['spec', 'template', 'spec'], true],
    ['ReplicationController', { spec: { template: { spec: POD_SPEC } } }, ['spec', 'template', 'spec'], true],
    ['Job', { spec: { template: { spec: POD_SPEC } } }, ['spec', 'template', 'spec'], false],
    ['CronJob', { spec: { jobTemplate: { spec: { template: { spec: POD_SPEC } } } } }, ['spec', 'jobTemplate', 'spec', 'template', 'spec'], false],
    ['PodTemplate', { template: { spec: POD_SPEC } }, ['template', 'spec'], false],
  ];
  for (const [kind, object, path, longRunning] of cases) {
    const policy = valueAt(object, ['spec', 'restartPolicy']);
    const restartPolicy = kind === 'Pod' ? ` with restartPolicy ${typeof policy === 'string' ? policy : 'unset'}` : '';
    it(`finds the PodSpec of a ${kind}${restartPolicy} at ${path.join('.')}${longRunning ? ' (long-running)' : ''}`, () => {
      assert.deepEqual(
        podSpecsOf(object, kind).map((pod) => [pod.path, pod.longRunning]),
        [[path, longRunning]],
      );
    });
  }

  it('lists every kind it knows as a workload', () => {
    assert.deepEqual([...WORKLOAD_KINDS].sort(), [...new Set(cases.map(([kind]) => kind))].sort());
  });

  it('finds nothing in other kinds or in a spec not written yet', () => {
    assert.deepEqual(podSpecsOf({ spec: POD_SPEC }, 'Service'), []);
    assert.deepEqual(podSpecsOf({ spec: null }, 'Pod'), []);
    assert.deepEqual(podSpecsOf({ spec: { template: 'x' } }, 'Deployment'), []);
    assert.deepEqual(podSpecsOf(undefined, 'Pod'), []);
  });

  it('lists init, regular and ephemeral containers with their paths and names', () => {
    const pod: unknown = parse(`
spec:
  initContainers:
    - name: migrate
  containers:
    - name: web
    - image: redis
    - just a string
  ephemeralContainers:
    - name: debug
`);
    assert.deepEqual(
      allContainers(pod, 'Pod').map((container) => [container.path.join('.'), containerPhrase(container)]),
      [
        ['spec.initContainers.0', "conteneur d'initialisation « migrate »"],
        ['spec.containers.0', 'conteneur « web »'],
        ['spec.containers.1', 'conteneur « n° 2 »'],
        ['spec.ephemeralContainers.0', 'conteneur éphémère « debug »'],
      ],
    );
  });

  it('cuts a path at the deepest field that exists', () => {
    const object = { spec: { containers: [{ name: 'web', resources: { requests: { cpu: '1' } } }] } };
    assert.deepEqual(existingPath(object, ['spec', 'containers', 0, 'resources', 'limits']), ['spec', 'containers', 0, 'resources']);
    assert.deepEqual(existingPath(object, ['spec', 'containers', 1, 'resources']), ['spec', 'containers']);
    assert.deepEqual(existingPath(object, ['spec', 'containers', 'x']), ['spec', 'containers']);
    assert.deepEqual(existingPath(object, ['spec', 'containers', 0, 'resources', 'requests', 'cpu']), ['spec', 'containers', 0, 'resources', 'requests', 'cpu']);
  });
});
