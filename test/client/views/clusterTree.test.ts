// The stand-in for `vscode` first: the view requires it when it loads.
import { vscode } from '../support/vscode';
import * as assert from 'node:assert/strict';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { State } from '../../../client/src/cluster/objectStatus';
import { buildClusterTree, indexTree, type TreeNode } from '../../../client/src/cluster/treeModel';
import { iconOf, treeItemOf } from '../../../client/src/views/clusterTree';
import { addPod, bareCluster, crashLoopStatus, ownedPod, runningStatus } from '../support/cluster';
import { l10n } from '../support/l10n';

/** A tree node of this kind's icon, in this state. */
const node = (state: State, extra: Partial<TreeNode> = {}): TreeNode => ({
  id: 'ns/default/workloads/deployment/web',
  label: 'web',
  description: '',
  tooltip: '',
  state,
  icon: 'layers',
  contextValue: 'resource.Deployment',
  expanded: false,
  children: [],
  ...extra,
});

/** [codicon, theme colour] of the icon drawn for a node. */
const look = (drawn: TreeNode): [string, string | undefined] => {
  const icon: unknown = iconOf(drawn);
  assert.ok(icon instanceof vscode.ThemeIcon);
  return [icon.id, icon.color?.id];
};

describe('client/views/clusterTree: an icon per state', () => {
  it('keeps the kind icon of a ready object, in green', () => {
    assert.deepEqual(look(node('ready')), ['layers', 'testing.iconPassed']);
  });

  it('spins, in yellow, for an object on its way', () => {
    assert.deepEqual(look(node('progressing')), ['loading~spin', 'charts.yellow']);
  });

  it('shows an error, in red, for an object in trouble', () => {
    assert.deepEqual(look(node('failing')), ['error', 'testing.iconFailed']);
  });

  it('warns, rather than spins, when nothing will move without the learner', () => {
    assert.deepEqual(look(node('progressing', { steady: true })), ['warning', 'problemsWarningIcon.foreground']);
  });

  it('leaves a neutral object (a ConfigMap, a Role) its icon, uncoloured', () => {
    assert.deepEqual(look(node('neutral', { icon: 'settings' })), ['settings', undefined]);
  });

  it('keeps the icon of a group or a namespace, coloured by what is worst inside', () => {
    assert.deepEqual(look(node('failing', { icon: 'rocket', rollup: true, contextValue: 'group' })), ['rocket', 'testing.iconFailed']);
    assert.deepEqual(look(node('progressing', { icon: 'symbol-namespace', rollup: true })), ['symbol-namespace', 'charts.yellow']);
  });

  it('draws the items of a real tree with these icons', () => {
    const cluster = bareCluster();
    const nodes = kindInfo('v1', 'Node')!;
    const worker = cluster.store.get(nodes, '', 'worker-2');
    cluster.store.update({ ...worker, spec: { ...(worker.spec as object), unschedulable: true } });
    addPod(cluster, ownedPod('ok', undefined, 'worker-1', runningStatus(true)));
    addPod(cluster, ownedPod('crash', undefined, 'worker-1', crashLoopStatus(3)));
    const tree = indexTree(buildClusterTree(cluster.store, cluster.clock.now(), l10n)).nodes;
    const item = (id: string): [string, string | undefined] => {
      const { iconPath } = treeItemOf(tree.get(id)!) as { iconPath?: unknown };
      assert.ok(iconPath instanceof vscode.ThemeIcon, id);
      return [iconPath.id, iconPath.color?.id];
    };
    assert.deepEqual(item('nodes/worker-1'), ['vm', 'testing.iconPassed']);
    assert.deepEqual(item('nodes/worker-2'), ['warning', 'problemsWarningIcon.foreground'], 'a cordoned node waits for uncordon');
    assert.deepEqual(item('ns/default/workloads/pod/ok'), ['package', 'testing.iconPassed']);
    assert.deepEqual(item('ns/default/workloads/pod/crash'), ['error', 'testing.iconFailed']);
    assert.deepEqual(item('ns/default/workloads'), ['rocket', 'testing.iconFailed']);
    assert.deepEqual(item('ns/default'), ['symbol-namespace', 'testing.iconFailed']);
  });
});
