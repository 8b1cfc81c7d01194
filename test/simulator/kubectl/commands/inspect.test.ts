import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { kubectl, testCluster } from './support';

const PODS = kindInfo('v1', 'Pod')!;

const CRASHING = `apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; sleep 2; echo boom; exit 1"]
`;

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata: {name: duo}
spec:
  containers:
  - {name: first, image: busybox:1.36, command: ["sh", "-c", "echo from first; sleep 3600"]}
  - {name: second, image: busybox:1.36, command: ["sh", "-c", "echo from second; sleep 3600"]}
`;

describe('simulator/kubectl/commands: describe', () => {
  it('describes by exact name, and by name prefix when no object has that name', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    assert.match(kubectl(cluster, 'describe deployment web').stdout, /^Name: +web\nNamespace: +default\n/);
    const pods = kubectl(cluster, 'describe pod web').stdout;
    assert.equal(pods.match(/^Name: +web-/gm)?.length, 2);
    assert.match(kubectl(cluster, 'describe pod nothing').stderr, /^Error from server \(NotFound\): pods "nothing" not found\n/);
  });

  it('describes every object of a type, separated by a blank line, or says none was found', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    const text = kubectl(cluster, 'describe pods').stdout;
    assert.equal(text.split(/\n\nName: +web-/).length, 2);
    assert.equal(kubectl(cluster, 'describe services -n kube-public').stderr, 'No resources found in kube-public namespace.\n');
    assert.match(kubectl(cluster, 'describe').stderr, /^error: You must specify the type of resource to describe\./);
  });
});

describe('simulator/kubectl/commands: logs', () => {
  it('prints what the container wrote, for a Pod, a Deployment (one of its Pods) or a selector', () => {
    const cluster = testCluster();
    kubectl(cluster, 'apply -f duo.yaml', { 'duo.yaml': TWO_CONTAINERS });
    const logs = kubectl(cluster, 'logs duo');
    assert.equal(logs.stdout, 'from first\n');
    assert.equal(logs.stderr, 'Defaulted container "first" out of: first, second\n');
    assert.equal(kubectl(cluster, 'logs duo -c second').stdout, 'from second\n');
    assert.equal(kubectl(cluster, 'logs duo second').stdout, 'from second\n');
    assert.equal(kubectl(cluster, 'logs duo --all-containers --prefix').stdout, '[pod/duo/first] from first\n[pod/duo/second] from second\n');
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    const deployment = kubectl(cluster, 'logs deployment/web --tail=1');
    assert.match(deployment.stderr, /^Found 2 pods, using pod\/web-\S+\n$/);
    assert.equal(deployment.stdout.split('\n').length, 2);
    assert.match(deployment.stdout, /start worker process/);
  });

  it("reads the previous instance of a crashing container, and reports the kubelet's errors", () => {
    const cluster = testCluster();
    kubectl(cluster, 'apply -f crash.yaml', { 'crash.yaml': CRASHING });
    assert.equal(kubectl(cluster, 'logs crash').stdout, 'starting\nboom\n');
    assert.equal(kubectl(cluster, 'logs crash --previous').stdout, 'starting\nboom\n');
    assert.match(kubectl(cluster, 'logs crash -c nope').stderr, /^Error from server \(BadRequest\): container nope is not valid for pod crash\n💡 /);
    assert.match(kubectl(cluster, 'logs nope').stderr, /^Error from server \(NotFound\): pods "nope" not found\n/);
    assert.equal(kubectl(cluster, 'logs').stderr.split('\n').slice(0, 3).join('\n'), "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  });

  it('timestamps lines with --timestamps', () => {
    const cluster = testCluster();
    kubectl(cluster, 'apply -f duo.yaml', { 'duo.yaml': TWO_CONTAINERS });
    assert.match(kubectl(cluster, 'logs duo -c first --timestamps').stdout, /^2024-01-01T00:00:\d\d\.\d{9}Z from first\n$/);
  });
});

describe('simulator/kubectl/commands: events, explain, api-resources, top, version', () => {
  it('lists the events of a namespace, oldest first, for one object with --for', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27');
    const events = kubectl(cluster, 'events').stdout.split('\n');
    assert.match(events[0]!, /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    assert.ok(events.some((line) => /^\S+\s+Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\S+ to 1$/.test(line)));
    const ages = events.slice(1, -1).map((line) => Number(/^(\d+)s/.exec(line)?.[1]));
    assert.deepEqual(ages, [...ages].sort((a, b) => b - a), 'oldest first');
    const pod = (cluster.store.list(PODS, { namespace: 'default' })[0]!.metadata as { name: string }).name;
    const forPod = kubectl(cluster, `events --for pod/${pod}`).stdout;
    assert.ok(forPod.split('\n').slice(1, -1).every((line) => line.includes(`pod/${pod}`)));
    assert.equal(kubectl(cluster, 'events -n kube-public').stderr, 'No events found in kube-public namespace.\n');
  });

  it('explains a field, and reports a field that does not exist', () => {
    const cluster = testCluster();
    assert.match(kubectl(cluster, 'explain deployment.spec.replicas').stdout, /^GROUP: +apps\nKIND: +Deployment\nVERSION: +v1\n\nFIELD: replicas <integer>\n/);
    const missing = kubectl(cluster, 'explain deployment.spec.replica');
    assert.equal(missing.exitCode, 1);
    assert.match(missing.stderr, /^error: field "replica" does not exist\n💡 /);
    assert.equal(kubectl(cluster, 'explain a b').stderr.split('\n')[0], 'error: We accept only this format: explain RESOURCE');
  });

  it('lists API resources', () => {
    const result = kubectl(testCluster(), 'api-resources --api-group=apps -o name');
    assert.equal(result.stdout, 'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
  });

  it('shows usage as metrics-server would: per pod and per node', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=2');
    const pods = kubectl(cluster, 'top pods').stdout.split('\n');
    assert.match(pods[0]!, /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)$/);
    assert.equal(pods.filter((line) => /^web-\S+\s+\d+m\s+\d+Mi$/.test(line)).length, 2);
    const nodes = kubectl(cluster, 'top nodes').stdout.split('\n');
    assert.match(nodes[0]!, /^NAME\s+CPU\(cores\)\s+CPU%\s+MEMORY\(bytes\)\s+MEMORY%$/);
    assert.match(nodes[1]!, /^control-plane\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%$/);
  });

  it('prints the client and server versions', () => {
    assert.equal(kubectl(testCluster(), 'version').stdout, 'Client Version: v1.30.0\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.0\n');
  });
});

describe('simulator/kubectl/commands: cordon, uncordon, drain', () => {
  it('cordons and uncordons a node, idempotently', () => {
    const cluster = testCluster();
    assert.equal(kubectl(cluster, 'cordon worker-1').stdout, 'node/worker-1 cordoned\n');
    assert.equal(kubectl(cluster, 'cordon worker-1').stdout, 'node/worker-1 already cordoned\n');
    assert.match(kubectl(cluster, 'get nodes worker-1').stdout, /worker-1\s+Ready,SchedulingDisabled/);
    assert.equal(kubectl(cluster, 'uncordon worker-1').stdout, 'node/worker-1 uncordoned\n');
    assert.equal(kubectl(cluster, 'cordon').stderr.split('\n').slice(0, 2).join('\n'), "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples");
    assert.match(kubectl(cluster, 'cordon worker-9').stderr, /^Error from server \(NotFound\): nodes "worker-9" not found\n/);
  });

  it('drains a node: its Pods are evicted and recreated elsewhere', () => {
    const cluster = testCluster();
    kubectl(cluster, 'create deployment web --image=nginx:1.27 --replicas=4');
    const result = kubectl(cluster, 'drain worker-1');
    assert.match(result.stdout, /^node\/worker-1 cordoned\n/);
    assert.match(result.stdout, /node\/worker-1 drained\n$/);
    const nodes = cluster.store.list(PODS, { namespace: 'default' }).map((pod) => (pod.spec as { nodeName?: string }).nodeName);
    assert.equal(nodes.length, 4);
    assert.ok(nodes.every((node) => node !== 'worker-1'));
  });
});
