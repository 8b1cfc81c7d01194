import * as assert from 'node:assert/strict';
import { podSummary } from '../../../simulator/src/kubectl/get/pods';
import { NOW, loadObjects, type Json } from './golden';

/** The READY / STATUS / RESTARTS printPod computes for each pod of the pod-states fixture. */
describe('pods table: READY, STATUS and RESTARTS as printPod computes them', () => {
  const pods = new Map(loadObjects('pod-states').map((p) => [(p.metadata as Json).name as string, p]));
  const summary = (name: string) => podSummary(pods.get(name)!, NOW);

  const cases: [string, string, string, string][] = [
    ['a-pending', '0/1', 'Pending', '0'],
    ['b-creating', '0/1', 'ContainerCreating', '0'],
    ['c-running', '2/2', 'Running', '3 (20m ago)'],
    ['d-crashloop', '0/1', 'CrashLoopBackOff', '5 (90s ago)'],
    ['e-imagepull', '0/1', 'ImagePullBackOff', '0'],
    ['f-errimagepull', '0/1', 'ErrImagePull', '0'],
    ['g-configerror', '0/1', 'CreateContainerConfigError', '0'],
    ['h-completed', '0/1', 'Completed', '0'],
    ['i-error', '0/1', 'Error', '0'],
    ['j-oomkilled', '0/1', 'OOMKilled', '0'],
    ['k-init-running', '0/1', 'Init:0/2', '0'],
    ['l-init-crash', '0/1', 'Init:CrashLoopBackOff', '3 (2m ago)'],
    ['m-terminating', '1/1', 'Terminating', '0'],
    ['n-gated', '0/1', 'SchedulingGated', '0'],
    ['o-sidecar', '2/2', 'Running', '1 (50m ago)'],
    ['p-notready', '1/2', 'NotReady', '0'],
    ['q-nodelost', '0/1', 'Unknown', '0'],
  ];
  for (const [name, ready, status, restarts] of cases) {
    it(`${name}: ${status}`, () => assert.deepEqual(summary(name), { ready, status, restarts }));
  }

  it('shows Init:ExitCode when an init container failed without a reason', () => {
    const pod = {
      spec: { initContainers: [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'c' }] },
      status: { phase: 'Pending', initContainerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0 } } }, { name: 'b', state: { terminated: { exitCode: 3 } } }] },
    };
    assert.equal(podSummary(pod, NOW).status, 'Init:ExitCode:3');
  });

  it('counts a waiting init container past the first as Init:1/2', () => {
    const pod = {
      spec: { initContainers: [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'c' }] },
      status: { phase: 'Pending', initContainerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, { name: 'b', state: { running: {} } }] },
    };
    assert.equal(podSummary(pod, NOW).status, 'Init:1/2');
  });

  it('does not call a finished pod Terminating', () => {
    const pod = { metadata: { deletionTimestamp: '2024-01-01T00:59:00Z' }, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Succeeded' } };
    assert.equal(podSummary(pod as Json, NOW).status, 'Succeeded');
  });

  it('shows the pod reason (Evicted) over the phase', () => {
    const pod = { spec: { containers: [{ name: 'c' }] }, status: { phase: 'Failed', reason: 'Evicted' } };
    assert.equal(podSummary(pod, NOW).status, 'Evicted');
  });
});
