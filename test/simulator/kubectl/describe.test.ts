import * as assert from 'node:assert/strict';
import type { KindInfo } from '../../../simulator/src/api/catalog';
import { describe as describeObject, gatherRelated } from '../../../simulator/src/kubectl/describe/index';
import { NOW, expectGolden, loadObjects, resource, type Json } from './golden';

/** `kubectl describe <word> <name> [-n ns]` over the objects of a fixture, related objects gathered like kubectl. */
function describeIn(objects: readonly Json[], word: string, name: string, namespace = 'default'): string {
  const info = resource(word);
  const list = (k: KindInfo, ns?: string): Json[] =>
    objects.filter((o) => o.kind === k.kind && (ns === undefined || !k.namespaced || (o.metadata as Json).namespace === ns));
  const object = objects.find((o) => o.kind === info.kind && (o.metadata as Json).name === name && (!info.namespaced || (o.metadata as Json).namespace === namespace));
  assert.ok(object, `${word}/${name} not in the fixture`);
  return describeObject(info, object, gatherRelated(info, object, list), { now: NOW });
}

/*
 * The expected files were compared with kubectl v1.35's output for the same objects. Three
 * lines differ on purpose, because v1.30 prints them differently: v1.35 prefixes an
 * event's message with its fieldPath (`spec.containers{sidecar}: Back-off...`, kubernetes
 * #133627), v1.31 added `Internal Traffic Policy` to services (kubernetes #125117), and
 * v1.33 prints a projected source's `optional` as `Optional: false` where v1.30 printed
 * the pointer (`ConfigMapOptional: <nil>`, kubernetes #129457).
 */
describe('kubectl describe', () => {
  it('describes a pod: containers, states, probes, env, mounts, conditions, volumes, events', () => {
    expectGolden('describe-pod.expected.txt', describeIn(loadObjects('describe-pod'), 'pod', 'web-7c5ddbdf54-abcde'));
  });

  it("prints a projected source's optional as v1.30 does: the *bool, <nil> when unset", () => {
    const pod: Json = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        containers: [],
        volumes: [
          {
            name: 'all',
            projected: { sources: [{ secret: { name: 's', optional: true } }, { configMap: { name: 'c' } }, { downwardAPI: { items: [] } }, { serviceAccountToken: { path: 't', expirationSeconds: 600 } }] },
          },
        ],
      },
    };
    const text = describeIn([pod], 'pod', 'p');
    assert.ok(
      text.includes(
        'Volumes:\n  all:\n' +
          '    Type:                    Projected (a volume that contains injected data from multiple sources)\n' +
          '    SecretName:              s\n' +
          '    SecretOptionalName:      0xc000a4c3e8\n' +
          '    ConfigMapName:           c\n' +
          '    ConfigMapOptional:       <nil>\n' +
          '    DownwardAPI:             true\n' +
          '    TokenExpirationSeconds:  600\n',
      ),
      text,
    );
  });

  it('describes pods in every state the lifecycle goes through', () => {
    const pods = loadObjects('pod-states');
    const names = ['a-pending', 'k-init-running', 'l-init-crash', 'm-terminating', 'h-completed', 'o-sidecar'];
    expectGolden('describe-pod-states.expected.txt', names.map((name) => describeIn(pods, 'pod', name)).join('\n---\n'));
  });

  it('describes a deployment with its old and new ReplicaSets', () => {
    expectGolden('describe-deployment.expected.txt', describeIn(loadObjects('describe-deploy'), 'deployment', 'web'));
  });

  it('describes a ReplicaSet with the phases of the pods it controls', () => {
    const objects = loadObjects('describe-deploy');
    const text = describeIn(objects, 'rs', 'web-5d8f9c7b6d');
    assert.match(text, /^Pods Status: {4}1 Running \/ 1 Waiting \/ 0 Succeeded \/ 0 Failed$/m);
    expectGolden('describe-replicaset.expected.txt', text);
  });

  it('describes services: ports, target ports, node ports and endpoints', () => {
    const objects = loadObjects('describe-svc');
    const text = ['web', 'db', 'lb'].map((name) => describeIn(objects, 'svc', name)).join('\n---\n');
    assert.doesNotMatch(text, /Internal Traffic Policy/);
    expectGolden('describe-service.expected.txt', text);
  });

  it('describes a node: taints, lease, conditions, capacity and allocated resources', () => {
    expectGolden('describe-node.expected.txt', describeIn(loadObjects('describe-node'), 'node', 'node-1'));
  });

  it('describes namespaces, config maps and secrets (values hidden)', () => {
    const objects = loadObjects('describe-config');
    const text = [
      describeIn(objects, 'ns', 'dev'),
      describeIn(objects, 'ns', 'prod'),
      describeIn(objects, 'cm', 'web-config'),
      describeIn(objects, 'secret', 'db'),
      describeIn(objects, 'secret', 'tls'),
    ].join('\n---\n');
    assert.match(text, /^password: {2}8 bytes$/m);
    assert.doesNotMatch(text, /czNjcjN0ITE=|s3cr3t/);
    expectGolden('describe-config.expected.txt', text);
  });

  it('hides the last-applied-configuration annotation', () => {
    const objects = loadObjects('describe-deploy');
    assert.doesNotMatch(describeIn(objects, 'deployment', 'web'), /last-applied-configuration/);
  });

  it('sorts events by time and shows repeats as (xN over ...)', () => {
    const text = describeIn(loadObjects('describe-pod'), 'pod', 'web-7c5ddbdf54-abcde');
    const events = text.slice(text.indexOf('Events:'));
    assert.match(events, /^ {2}Normal {3}Scheduled {2}60m {16}default-scheduler {2}Successfully assigned/m);
    assert.match(events, /^ {2}Warning {2}BackOff {4}55m \(x7 over 59m\) {2}kubelet {12}Back-off restarting/m);
    assert.ok(events.indexOf('Scheduled') < events.indexOf('BackOff'));
  });

  it('prints Events: <none> when nothing happened, and no section with showEvents false', () => {
    const objects = loadObjects('describe-config');
    const info = resource('cm');
    const cm = objects.find((o) => (o.metadata as Json).name === 'empty')!;
    assert.match(describeObject(info, cm, { events: [] }, { now: NOW }), /\nEvents: {2}<none>\n$/);
    assert.doesNotMatch(describeObject(info, cm, { events: [] }, { now: NOW, showEvents: false }), /Events/);
  });

  it('gathers events by involvedObject uid, and a node also by its name', () => {
    const objects = loadObjects('describe-node');
    const info = resource('nodes');
    const node = objects.find((o) => o.kind === 'Node')!;
    const related = gatherRelated(info, node, (k, ns) => objects.filter((o) => o.kind === k.kind && (ns === undefined || (o.metadata as Json).namespace === ns)));
    assert.equal(related.events?.length, 3);
    assert.deepEqual(related.pods?.map((p) => (p.metadata as Json).name), ['web-1', 'coredns-abc']);
    assert.equal((related.lease?.metadata as Json).name, 'node-1');
  });

  it('describes other kinds field by field, like kubectl generic describer', () => {
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node-1', namespace: 'kube-node-lease', uid: 'l-1', creationTimestamp: '2024-01-01T00:00:00Z' },
      spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, podCIDR: 'x' },
    };
    expectGolden('describe-generic.expected.txt', describeObject(resource('leases'), lease, { events: [] }, { now: NOW }));
  });
});
