import * as assert from 'node:assert/strict';
import { explainFailedScheduling, fitErrorMessage, preemptionMessage, scheduledMessage, truncateMessage } from '../../../simulator/src/scheduler/messages';

describe('simulator/scheduler: messages', () => {
  it('builds FitError’s message: reasons counted per Node, sorted as text, then preemption', () => {
    const reasons = [['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], ['Insufficient cpu'], ['Insufficient cpu']];
    const verdicts = [['Preemption is not helpful for scheduling'], ['No preemption victims found for incoming pod'], ['No preemption victims found for incoming pod']];
    assert.equal(
      fitErrorMessage({ numAllNodes: 3, reasons, postFilterMsg: preemptionMessage(3, verdicts) }),
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('sorts `count reason` strings byte-wise, as Go’s sort.Strings does (10 before 2)', () => {
    const reasons = [...Array<string[]>(10).fill(['Insufficient memory']), ['Insufficient cpu'], ['Insufficient cpu']];
    assert.equal(fitErrorMessage({ numAllNodes: 12, reasons }), '0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu.');
  });

  it('shows a PreFilter message instead of the per-Node reasons', () => {
    assert.equal(fitErrorMessage({ numAllNodes: 2, reasons: [['x'], ['y']], preFilterMsg: 'pod affinity terms conflict' }), '0/2 nodes are available: pod affinity terms conflict.');
  });

  it('writes the Scheduled event and truncates long events to 1024 characters', () => {
    assert.equal(scheduledMessage('default', 'web-7d4b9-xk2pq', 'worker-1'), 'Successfully assigned default/web-7d4b9-xk2pq to worker-1');
    const long = 'x'.repeat(2000);
    assert.equal(truncateMessage(long).length, 1024);
    assert.ok(truncateMessage(long).endsWith('x ...'));
    assert.equal(truncateMessage('short'), 'short');
  });

  it('explains a FailedScheduling message in French, part by part', () => {
    const lines = explainFailedScheduling(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^Aucun des 3 nœuds/);
    assert.match(lines[1]!, /^1 nœud : taint \{node-role\.kubernetes\.io\/control-plane: \} que le Pod ne tolère pas/);
    assert.match(lines[2]!, /^2 nœuds : pas assez de cpu libre/);
    assert.match(lines[3]!, /^Préemption : 1 nœud : évincer .* ; 2 nœuds : aucun Pod de priorité plus basse/);
    assert.deepEqual(explainFailedScheduling('something else'), []);
    assert.equal(explainFailedScheduling('no nodes available to schedule pods').length, 1);
  });
});
