import * as assert from 'node:assert/strict';
import { ManualClock } from '../../../simulator/src/clock';
import { createRandom } from '../../../simulator/src/random';
import { kindInfo, type KindInfo } from '../../../simulator/src/api/catalog';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';
import { EventRecorder } from '../../../simulator/src/controllers/events';
import { describe as describeObject, gatherRelated, printEvents, printObject, printTable } from '../../../simulator/src/kubectl/index';

const POD = kindInfo('v1', 'Pod')!;
const NAMESPACE = kindInfo('v1', 'Namespace')!;
const EVENT = kindInfo('v1', 'Event')!;

/** Objects as the simulated API server stores them (defaults, uid, timestamps), printed like kubectl. */
describe('kubectl presentation of what the object store holds', () => {
  function cluster() {
    const clock = new ManualClock(Date.parse('2024-01-01T00:00:00Z'));
    const store = new ObjectStore({ clock, random: createRandom(7) });
    const list = (info: KindInfo, namespace?: string): KubeObject[] => store.list(info, namespace === undefined ? {} : { namespace });
    return { clock, store, list };
  }

  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
  };

  it('lists the initial namespaces with their age', () => {
    const { clock, store } = cluster();
    clock.advance(90_000);
    const { stdout } = printTable(NAMESPACE, store.list(NAMESPACE), { now: clock.now() });
    assert.equal(stdout, 'NAME              STATUS   AGE\ndefault           Active   90s\nkube-node-lease   Active   90s\nkube-public       Active   90s\nkube-system       Active   90s\n');
  });

  it('prints a freshly created pod as Pending, with the defaults the API server filled in', () => {
    const { clock, store } = cluster();
    store.create(pod);
    clock.advance(5_000);
    const { stdout } = printTable(POD, store.list(POD, { namespace: 'default' }), { now: clock.now(), wide: true });
    assert.equal(stdout, 'NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES\nweb    0/1     Pending   0          5s    <none>   <none>   <none>           <none>\n');
    const yaml = printObject(store.get(POD, 'default', 'web'), 'yaml');
    assert.match(yaml, /^ {4}ports:\n {4}- containerPort: 80\n {6}protocol: TCP\n/m);
    assert.match(yaml, /^ {2}creationTimestamp: "2024-01-01T00:00:00Z"\n/m);
  });

  it('shows the events a controller recorded, deduplicated, in describe and get events', () => {
    const { clock, store, list } = cluster();
    const created = store.create(pod);
    const recorder = new EventRecorder(store);
    recorder.record({ involved: created, type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/web to node-1', component: 'default-scheduler' });
    clock.advance(10_000);
    for (let i = 0; i < 3; i++) {
      recorder.record({ involved: created, type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container nginx in pod web_default', component: 'kubelet', host: 'node-1' });
      clock.advance(20_000);
    }
    const object = store.get(POD, 'default', 'web');
    const text = describeObject(POD, object, gatherRelated(POD, object, list), { now: clock.now() });
    assert.match(text, /Events:\n {2}Type {5}Reason {5}Age {16}From {15}Message\n/);
    assert.match(text, /Warning {2}BackOff {4}20s \(x3 over 60s\) {2}kubelet {12}Back-off restarting/);
    const { stdout } = printEvents(store.list(EVENT, { namespace: 'default' }), { now: clock.now() });
    assert.equal(stdout.split('\n')[0], 'LAST SEEN   TYPE      REASON      OBJECT    MESSAGE');
    assert.match(stdout, /\n70s {9}Normal {4}Scheduled {3}pod\/web {3}Successfully assigned/);
  });
});
