import * as assert from 'node:assert/strict';
import { Harness, PODS, condition, container, node, reason, status } from './harness';

describe('kubelet: container lifecycle', () => {
  it('runs nginx: ContainerCreating while pulling, then Running and Ready, with the kubelet events', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }]);
    h.advance(0);
    let pod = h.get('web');
    assert.equal(status(pod).phase, 'Pending');
    assert.equal(reason(pod), 'ContainerCreating');
    assert.equal(status(pod).hostIP, '172.18.0.2');
    assert.equal(status(pod).startTime, '2024-01-01T00:00:00Z');
    assert.equal(condition(pod, 'Ready')?.message, 'containers with unready status: [web]');
    h.settle();
    pod = h.get('web');
    assert.equal(status(pod).phase, 'Running');
    assert.equal(status(pod).podIP, '10.244.1.2');
    const web = container(pod);
    assert.equal(web.ready, true);
    assert.equal(web.started, true);
    assert.equal(web.restartCount, 0);
    assert.equal(web.image, 'docker.io/library/nginx:1.27');
    assert.match(web.imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    assert.match(web.containerID!, /^containerd:\/\/[0-9a-f]{64}$/);
    assert.deepEqual(web.lastState, {});
    for (const type of ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']) assert.equal(condition(pod, type)?.status, 'True', type);
    assert.deepEqual(status(pod).conditions!.map((c) => c.type), ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    assert.equal(status(pod).qosClass, 'BestEffort');
    const events = h.events('web');
    assert.equal(events[0], 'Pulling: Pulling image "nginx:1.27"');
    assert.match(events[1]!, /^Pulled: Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72099410 bytes\.$/);
    assert.deepEqual(events.slice(2), ['Created: Created container web', 'Started: Started container web']);
  });

  it('never touches a Pod that is not bound to a node', () => {
    const h = new Harness();
    h.pod('pending', [{ name: 'web', image: 'nginx:1.27' }], { node: null });
    h.settle();
    assert.deepEqual(h.get('pending').status, { phase: 'Pending', qosClass: 'BestEffort' });
    assert.deepEqual(h.events('pending'), []);
  });

  it('starts the Pods of a node that appears after they were bound to it', () => {
    const h = new Harness({ nodes: 0 });
    h.pod('early', [{ name: 'web', image: 'nginx:1.27' }], { node: 'node-1' });
    h.settle();
    assert.equal(status(h.get('early')).startTime, undefined);
    h.store.create(node('node-1', 1));
    h.settle();
    assert.equal(reason(h.get('early')), 'Running');
  });

  it('keeps the Ready transition time while readiness does not change', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.27' }]);
    h.settle();
    const before = condition(h.get('web'), 'Ready')?.lastTransitionTime;
    h.advance(120_000);
    assert.equal(condition(h.get('web'), 'Ready')?.lastTransitionTime, before);
  });

  it('completes a busybox without command, then CrashLoopBackOff: 10 s doubling, restartCount and lastState', () => {
    const h = new Harness();
    h.pod('bb', [{ name: 'bb', image: 'busybox:1.36' }]);
    const timeline: string[] = [];
    for (let second = 1; second <= 200; second++) {
      h.advance(1000);
      const pod = h.get('bb');
      const line = `${reason(pod)} ${container(pod).restartCount}`;
      if (timeline[timeline.length - 1]?.split(' @')[0] !== line) timeline.push(`${line} @${second}`);
    }
    // Exits at once (sh with no terminal), restarts at once, then waits 10, 20, 40, 80 s.
    const starts = timeline.filter((entry) => entry.startsWith('Completed')).map((entry) => Number(entry.split('@')[1]));
    assert.deepEqual(timeline.slice(0, 4).map((entry) => entry.split(' @')[0]), ['Completed 0', 'Completed 1', 'CrashLoopBackOff 1', 'Completed 2']);
    assert.deepEqual(starts.slice(2).map((start, i) => start - starts[i + 1]!), [10, 20, 40, 80].slice(0, starts.length - 2));
    const pod = h.get('bb');
    assert.equal(status(pod).phase, 'Running');
    const bb = container(pod);
    assert.equal(bb.state.waiting?.reason, 'CrashLoopBackOff');
    assert.match(bb.state.waiting?.message ?? '', /^back-off (1m20s|2m40s) restarting failed container=bb pod=bb_default\([0-9a-f-]{36}\)$/);
    assert.equal(bb.lastState.terminated?.reason, 'Completed');
    assert.equal(bb.lastState.terminated?.exitCode, 0);
    const uid = String((pod.metadata as { uid: string }).uid);
    assert.ok(h.events('bb').some((e) => e.startsWith(`BackOff: Back-off restarting failed container bb in pod bb_default(${uid})`)));
    assert.ok(h.events('bb').some((e) => /^Pulled: Container image "busybox:1\.36" already present on machine \(x\d\)$/.test(e)));
  });

  it('caps the crash back-off at 5 minutes', () => {
    const h = new Harness();
    h.pod('bb', [{ name: 'bb', image: 'busybox:1.36', command: ['false'] }]);
    h.advance(30 * 60_000);
    const message = container(h.get('bb')).state.waiting?.message ?? '';
    assert.match(message, /^back-off 5m0s restarting failed container=bb /);
    assert.equal(container(h.get('bb')).lastState.terminated?.reason, 'Error');
    assert.equal(container(h.get('bb')).lastState.terminated?.exitCode, 1);
  });

  it('runs a one-shot command to completion under restartPolicy Never: Succeeded, or Failed with the exit code', () => {
    const h = new Harness();
    h.pod('hi', [{ name: 'hi', image: 'busybox:1.36', command: ['echo', 'hi'] }], { restartPolicy: 'Never' });
    h.pod('fail', [{ name: 'fail', image: 'alpine:3.20', command: ['sh', '-c', 'exit 1'] }], { restartPolicy: 'Never' });
    h.settle();
    const hi = h.get('hi');
    assert.equal(status(hi).phase, 'Succeeded');
    assert.equal(container(hi).state.terminated?.reason, 'Completed');
    assert.equal(condition(hi, 'Ready')?.reason, 'PodCompleted');
    assert.equal(condition(hi, 'PodReadyToStartContainers')?.status, 'False');
    const fail = h.get('fail');
    assert.equal(status(fail).phase, 'Failed');
    assert.equal(container(fail).state.terminated?.exitCode, 1);
    assert.equal(container(fail).state.terminated?.reason, 'Error');
  });

  it('restarts only failures under OnFailure', () => {
    const h = new Harness();
    h.pod('ok', [{ name: 'c', image: 'busybox:1.36', command: ['true'] }], { restartPolicy: 'OnFailure' });
    h.pod('ko', [{ name: 'c', image: 'busybox:1.36', command: ['false'] }], { restartPolicy: 'OnFailure' });
    h.advance(60_000);
    assert.equal(status(h.get('ok')).phase, 'Succeeded');
    assert.equal(status(h.get('ko')).phase, 'Running');
    assert.ok(container(h.get('ko')).restartCount >= 2);
  });

  it('runs `sleep 3600` for an hour, then completes (and restarts under Always)', () => {
    const h = new Harness();
    h.pod('sleeper', [{ name: 's', image: 'busybox:1.36', command: ['sleep', '3600'] }]);
    h.settle();
    const started = Date.parse(container(h.get('sleeper')).state.running!.startedAt);
    h.advance(3590_000);
    assert.equal(reason(h.get('sleeper')), 'Running');
    h.until(() => container(h.get('sleeper')).restartCount === 1, 30_000);
    const last = container(h.get('sleeper')).lastState.terminated!;
    assert.equal(last.reason, 'Completed');
    assert.equal(Date.parse(last.finishedAt) - started, 3600_000);
  });

  it('fails to start a command that is not in the image: StartError, exit 128, then CrashLoopBackOff', () => {
    const h = new Harness();
    h.pod('typo', [{ name: 'c', image: 'busybox:1.36', command: ['sleep 3600'] }]);
    h.advance(20_000);
    const c = container(h.get('typo'));
    const message = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sleep 3600": executable file not found in $PATH: unknown';
    assert.equal(c.state.waiting?.reason, 'CrashLoopBackOff');
    assert.equal(c.lastState.terminated?.reason, 'StartError');
    assert.equal(c.lastState.terminated?.exitCode, 128);
    assert.ok(h.events('typo').some((e) => e.startsWith(`Failed: Error: ${message}`)));
  });

  it('kills a container whose memory limit is below what the program needs: OOMKilled, exit 137', () => {
    const h = new Harness();
    const stress = { name: 'stress', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] };
    h.pod('oom', [{ ...stress, resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } } }]);
    h.pod('fits', [{ ...stress, resources: { limits: { memory: '200Mi' } } }]);
    h.advance(30_000);
    const oom = container(h.get('oom'));
    const last = oom.lastState.terminated ?? oom.state.terminated;
    assert.equal(last?.reason, 'OOMKilled');
    assert.equal(last?.exitCode, 137);
    assert.equal(reason(h.get('fits')), 'Running');
    assert.equal(status(h.get('fits')).qosClass, 'Burstable');
  });

  it('runs init containers first, one after the other (PodInitializing, then Running)', () => {
    const h = new Harness();
    h.pod('app', [{ name: 'web', image: 'nginx:1.27' }], {
      initContainers: [
        { name: 'wait', image: 'busybox:1.36', command: ['sleep', '5'] },
        { name: 'prepare', image: 'busybox:1.36', command: ['sh', '-c', 'echo ready'] },
      ],
    });
    h.advance(3000);
    let pod = h.get('app');
    assert.equal(status(pod).phase, 'Pending');
    assert.equal(reason(pod), 'PodInitializing');
    assert.equal(condition(pod, 'Initialized')?.message, 'containers with incomplete status: [wait prepare]');
    assert.equal(status(pod).initContainerStatuses![0]!.state.running !== undefined, true);
    h.settle();
    pod = h.get('app');
    assert.equal(status(pod).phase, 'Running');
    assert.deepEqual(status(pod).initContainerStatuses!.map((s) => s.state.terminated?.reason), ['Completed', 'Completed']);
    const wait = status(pod).initContainerStatuses![0]!.state.terminated!;
    const prepare = status(pod).initContainerStatuses![1]!.state.terminated!;
    assert.ok(Date.parse(prepare.startedAt) >= Date.parse(wait.finishedAt));
    assert.ok(Date.parse(container(pod).state.running!.startedAt) >= Date.parse(prepare.finishedAt));
  });

  it('fails the Pod when an init container fails under restartPolicy Never', () => {
    const h = new Harness();
    h.pod('job', [{ name: 'main', image: 'busybox:1.36', command: ['echo', 'never runs'] }], { restartPolicy: 'Never', initContainers: [{ name: 'check', image: 'busybox:1.36', command: ['false'] }] });
    h.settle();
    const pod = h.get('job');
    assert.equal(status(pod).phase, 'Failed');
    assert.equal(reason(pod), 'PodInitializing');
    assert.equal(h.events('job').filter((e) => e.includes('Started container main')).length, 0);
  });

  it('starts a sidecar (init container with restartPolicy Always) first and stops it once the main container completed', () => {
    const h = new Harness();
    h.pod('job', [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; echo done'] }], {
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always' }],
    });
    h.until(() => reason(h.get('job')) === 'Running');
    assert.equal(condition(h.get('job'), 'Initialized')?.status, 'True');
    assert.equal(status(h.get('job')).initContainerStatuses![0]!.started, true);
    h.settle();
    const pod = h.get('job');
    assert.equal(status(pod).phase, 'Succeeded');
    assert.equal(container(pod).state.terminated?.reason, 'Completed');
    assert.ok(status(pod).initContainerStatuses![0]!.state.terminated);
    assert.ok(h.events('job').includes('Killing: Stopping container proxy'));
  });

  it('restarts a container whose image was changed (bare Pods may change their image)', () => {
    const h = new Harness();
    h.pod('web', [{ name: 'web', image: 'nginx:1.26' }]);
    h.settle();
    h.store.patch(PODS, 'default', 'web', { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });
    h.settle();
    const web = container(h.get('web'));
    assert.equal(web.image, 'docker.io/library/nginx:1.27');
    assert.equal(web.restartCount, 1);
    assert.equal(web.lastState.terminated?.reason, 'Completed');
    assert.ok(h.events('web').includes('Killing: Container web definition changed, will be restarted'));
  });
});
