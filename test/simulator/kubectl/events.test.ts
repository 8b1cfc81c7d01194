import * as assert from 'node:assert/strict';
import { eventInterval, printEvents, sortEvents } from '../../../simulator/src/kubectl/events';
import { NOW } from './golden';

const event = (name: string, reason: string, last: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{web}' },
  reason,
  message: `${reason} happened `,
  type: reason === 'BackOff' ? 'Warning' : 'Normal',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: last,
  lastTimestamp: last,
  count: 1,
  ...extra,
});

describe('kubectl get events', () => {
  const events = [
    event('web-1.3', 'BackOff', '2024-01-01T00:58:00Z', { firstTimestamp: '2024-01-01T00:50:00Z', count: 4 }),
    event('web-1.1', 'Pulled', '2024-01-01T00:40:00Z'),
    event('web-1.2', 'Created', '2024-01-01T00:40:00Z'),
  ];

  it('lists LAST SEEN, TYPE, REASON, OBJECT, MESSAGE sorted by last occurrence', () => {
    const { stdout } = printEvents(events, { now: NOW });
    assert.equal(
      stdout,
      'LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\n' +
        '20m         Normal    Pulled    pod/web-1   Pulled happened\n' +
        '20m         Normal    Created   pod/web-1   Created happened\n' +
        '2m          Warning   BackOff   pod/web-1   BackOff happened\n',
    );
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide, NAMESPACE with -A', () => {
    const { stdout } = printEvents(events.slice(0, 1), { now: NOW, wide: true, allNamespaces: true });
    assert.equal(
      stdout,
      'NAMESPACE   LAST SEEN   TYPE      REASON    OBJECT      SUBOBJECT              SOURCE            MESSAGE            FIRST SEEN   COUNT   NAME\n' +
        'default     2m          Warning   BackOff   pod/web-1   spec.containers{web}   kubelet, node-1   BackOff happened   10m          4       web-1.3\n',
    );
  });

  it('keeps the given order when asked, like plain kubectl get events', () => {
    assert.deepEqual(sortEvents(events).map((e: Record<string, unknown>) => (e.metadata as { name: string }).name), ['web-1.1', 'web-1.2', 'web-1.3']);
    const { stdout } = printEvents(events, { now: NOW, sortByTime: false });
    assert.match(stdout.split('\n')[1]!, /BackOff/);
  });

  it('says No resources found when there are none', () => {
    assert.deepEqual(printEvents([], { now: NOW, namespace: 'shop' }), { stdout: '', stderr: 'No resources found in shop namespace.\n' });
  });

  it('shows repeats as (xN over ...) in describe', () => {
    assert.equal(eventInterval(events[0]!, NOW), '2m (x4 over 10m)');
    assert.equal(eventInterval(events[1]!, NOW), '20m');
    assert.equal(eventInterval({ eventTime: '2024-01-01T00:59:00.000000Z', series: { count: 3, lastObservedTime: '2024-01-01T00:59:30.000000Z' } }, NOW), '30s (x3 over 60s)');
  });
});
