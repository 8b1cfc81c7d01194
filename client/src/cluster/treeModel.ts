/**
 * The "Cluster simulé" tree as plain data, built from the store: Nœuds (each with its
 * Pods), then each namespace's groups (Charges de travail, Réseau, Configuration,
 * Stockage, Accès), then what lives at cluster level. Ids are paths (`ns/default/
 * workloads/deployment/web`), stable across rebuilds, so that the view keeps what is
 * expanded; changedIds() tells the view which nodes to refresh.
 */
import type * as vscode from 'vscode';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { ObjectStore } from '../../../simulator/src/store/store';
import { at, controllerUid, meta, nameOf, namespaceOf, obj, str, uidOf, type Json } from './json';
import { SEVERITY, statusOf, type State, type StatusContext } from './objectStatus';
import type { ObjectRef } from './service';

export interface TreeNode {
  /** Unique in the tree and stable across rebuilds. */
  id: string;
  label: string;
  description: string;
  tooltip: string;
  state: State;
  /** Progressing, but only the learner can move it on (see Status.steady). */
  steady?: true;
  /**
   * The state sums up the children's (a group, a namespace) rather than the node's own:
   * the view colours the node's icon but does not swap it for a state icon.
   */
  rollup?: true;
  /** A codicon name (`package`, `layers`...). */
  icon: string;
  /** For menus: `group`, `resource.Pod`, `resource.Namespace`... */
  contextValue: string;
  /** How a node with children first appears. */
  expanded: boolean;
  /** The object behind the node (none for groups). */
  resource?: ObjectRef;
  children: TreeNode[];
}

type L10n = Pick<typeof vscode.l10n, 't'>;

/** The codicon of each kind; groups use `folder`-like icons. */
const ICONS: Record<string, string> = {
  Node: 'vm',
  Namespace: 'symbol-namespace',
  Pod: 'package',
  Deployment: 'layers',
  ReplicaSet: 'copy',
  StatefulSet: 'database',
  DaemonSet: 'server-process',
  Job: 'run',
  CronJob: 'watch',
  HorizontalPodAutoscaler: 'arrow-both',
  Service: 'plug',
  Endpoints: 'debug-disconnect',
  Ingress: 'globe',
  NetworkPolicy: 'shield',
  ConfigMap: 'settings',
  Secret: 'key',
  PersistentVolumeClaim: 'save',
  PersistentVolume: 'database',
  StorageClass: 'archive',
  ServiceAccount: 'account',
  Role: 'law',
  RoleBinding: 'link',
  ClusterRole: 'law',
  ClusterRoleBinding: 'link',
};

/** [apiVersion, kind] of everything the tree lists, by the group it goes in. */
const KINDS = {
  workloads: [
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'ReplicaSet'],
    ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'DaemonSet'],
    ['batch/v1', 'CronJob'],
    ['batch/v1', 'Job'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler'],
    ['v1', 'Pod'],
  ],
  network: [
    ['v1', 'Service'],
    ['v1', 'Endpoints'],
    ['networking.k8s.io/v1', 'Ingress'],
    ['networking.k8s.io/v1', 'NetworkPolicy'],
  ],
  config: [
    ['v1', 'ConfigMap'],
    ['v1', 'Secret'],
  ],
  storage: [['v1', 'PersistentVolumeClaim']],
  access: [
    ['v1', 'ServiceAccount'],
    ['rbac.authorization.k8s.io/v1', 'Role'],
    ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ],
  clusterStorage: [
    ['v1', 'PersistentVolume'],
    ['storage.k8s.io/v1', 'StorageClass'],
  ],
  clusterAccess: [
    ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ],
} as const;

/** Controllers whose nodes list what they own. */
const CONTROLLERS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
const SHOWN_UNDER_OWNER = new Set(['ReplicaSet', 'Job', 'Pod']);

/** Kinds whose nodes start expanded (to watch their Pods come up). */
const OPEN_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet']);

interface Listed {
  apiVersion: string;
  kind: string;
  object: Json;
}

/** Reads the store once per build. */
class Snapshot {
  private readonly byKind = new Map<string, Listed[]>();
  readonly byUid = new Map<string, Listed>();
  /** controller uid -> what it controls */
  readonly owned = new Map<string, Listed[]>();

  constructor(store: ObjectStore) {
    const all = [...Object.values(KINDS).flat(), ['v1', 'Node'], ['v1', 'Namespace']] as const;
    for (const [apiVersion, kind] of all) {
      const info = kindInfo(apiVersion, kind);
      const items = info ? store.list(info).map((object) => ({ apiVersion, kind, object })) : [];
      this.byKind.set(kind, items);
      for (const item of items) this.byUid.set(uidOf(item.object), item);
    }
    for (const items of this.byKind.values()) {
      for (const item of items) {
        const owner = controllerUid(item.object);
        if (!owner) continue;
        const list = this.owned.get(owner) ?? [];
        list.push(item);
        this.owned.set(owner, list);
      }
    }
  }

  list(kind: string, namespace?: string): Listed[] {
    const items = this.byKind.get(kind) ?? [];
    return namespace === undefined ? items : items.filter((item) => namespaceOf(item.object) === namespace);
  }

  /** What `owner` controls and the tree shows under it (Deployment → ReplicaSets, CronJob → Jobs, * → Pods). */
  ownedBy(owner: Listed): Listed[] {
    if (!CONTROLLERS.has(owner.kind)) return [];
    return (this.owned.get(uidOf(owner.object)) ?? []).filter((child) => SHOWN_UNDER_OWNER.has(child.kind));
  }

  /** True when the object appears under its controller rather than on its own. */
  shownUnderOwner(item: Listed): boolean {
    const owner = this.byUid.get(controllerUid(item.object));
    return owner !== undefined && CONTROLLERS.has(owner.kind) && SHOWN_UNDER_OWNER.has(item.kind);
  }
}

/** Everything the builders share. */
interface Build {
  snapshot: Snapshot;
  status: StatusContext;
  l10n: L10n;
}

/** The most worrying state below these nodes; a group is never green (its colour would be noise). */
function deepWorst(nodes: readonly TreeNode[]): State {
  const states = (node: TreeNode): State[] => [node.state, ...node.children.flatMap(states)];
  const state = nodes.flatMap(states).reduce<State>((worst, next) => (SEVERITY[next] > SEVERITY[worst] ? next : worst), 'neutral');
  return state === 'ready' ? 'neutral' : state;
}

function objectNode(build: Build, parentId: string, item: Listed, children: TreeNode[] = []): TreeNode {
  const { object, kind, apiVersion } = item;
  const name = nameOf(object);
  const namespace = namespaceOf(object);
  const status = statusOf(kind, object, build.status);
  const title = namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
  return {
    id: `${parentId}/${kind.toLowerCase()}/${name}`,
    label: name,
    description: status.description,
    tooltip: [title, ...status.details].join('\n'),
    state: status.state,
    ...(status.steady ? { steady: true as const } : {}),
    icon: ICONS[kind] ?? 'symbol-misc',
    contextValue: `resource.${kind}`,
    expanded: OPEN_KINDS.has(kind) && status.state !== 'neutral',
    resource: { apiVersion, kind, name, ...(namespace ? { namespace } : {}) },
    children,
  };
}

function groupNode(id: string, label: string, tooltip: string, children: TreeNode[], expanded: boolean, icon = 'folder'): TreeNode {
  return { id, label, description: String(children.length), tooltip, state: deepWorst(children), rollup: true, icon, contextValue: 'group', expanded, children };
}

/** An object and, under it, what it controls (Deployment → ReplicaSets → Pods, CronJob → Jobs → Pods). */
function withOwned(build: Build, parentId: string, item: Listed): TreeNode {
  const id = `${parentId}/${item.kind.toLowerCase()}/${nameOf(item.object)}`;
  const children = build.snapshot.ownedBy(item).map((child) => withOwned(build, id, child));
  return objectNode(build, parentId, item, children);
}

function kindNodes(build: Build, parentId: string, kinds: readonly (readonly [string, string])[], namespace?: string): TreeNode[] {
  return kinds.flatMap(([, kind]) =>
    build.snapshot
      .list(kind, namespace)
      // What a listed controller owns appears under it, not again at the top.
      .filter((item) => !build.snapshot.shownUnderOwner(item))
      .map((item) => withOwned(build, parentId, item)),
  );
}

function nodesGroup(build: Build): TreeNode {
  const { l10n, snapshot } = build;
  const pods = snapshot.list('Pod');
  const nodes = snapshot.list('Node').map((node) => {
    const id = `nodes/${nameOf(node.object)}`;
    const here = pods.filter((pod) => str(at(pod.object, 'spec.nodeName')) === nameOf(node.object));
    const children = here.map((pod) => ({ ...objectNode(build, `${id}/${namespaceOf(pod.object)}`, pod), label: `${namespaceOf(pod.object)}/${nameOf(pod.object)}` }));
    const built = objectNode(build, 'nodes', node, children);
    return { ...built, id, description: l10n.t('{0} · {1} Pods', built.description, here.length), expanded: false };
  });
  const waiting = pods.filter((pod) => !str(at(pod.object, 'spec.nodeName')) && !at(pod.object, 'metadata.deletionTimestamp'));
  if (waiting.length > 0) {
    const children = waiting.map((pod) => ({ ...objectNode(build, `nodes/~pending/${namespaceOf(pod.object)}`, pod), label: `${namespaceOf(pod.object)}/${nameOf(pod.object)}` }));
    nodes.push({
      ...groupNode('nodes/~pending', l10n.t('En attente de placement'), l10n.t("Pods qu'aucun nœud n'a encore acceptés (le scheduler dit pourquoi dans les événements)."), children, true, 'watch'),
      state: deepWorst(children) === 'neutral' ? 'progressing' : deepWorst(children),
    });
  }
  return { ...groupNode('nodes', l10n.t('Nœuds'), l10n.t('Les machines du cluster et les Pods qui y tournent'), nodes, true, 'server'), description: String(snapshot.list('Node').length) };
}

function namespaceNode(build: Build, namespace: Listed): TreeNode {
  const { l10n } = build;
  const name = nameOf(namespace.object);
  const id = `ns/${name}`;
  const group = (key: string, label: string, tooltip: string, kinds: readonly (readonly [string, string])[], expanded: boolean, icon: string): TreeNode[] => {
    const children = kindNodes(build, `${id}/${key}`, kinds, name);
    return children.length === 0 ? [] : [groupNode(`${id}/${key}`, label, tooltip, children, expanded, icon)];
  };
  const children = [
    ...group('workloads', l10n.t('Charges de travail'), l10n.t('Deployments, ReplicaSets, Pods, StatefulSets, DaemonSets, Jobs, CronJobs, HPA'), KINDS.workloads, true, 'rocket'),
    ...group('network', l10n.t('Réseau'), l10n.t('Services, Endpoints, Ingress, NetworkPolicies'), KINDS.network, false, 'globe'),
    ...group('config', l10n.t('Configuration'), l10n.t('ConfigMaps, Secrets'), KINDS.config, false, 'settings-gear'),
    ...group('storage', l10n.t('Stockage'), l10n.t('PersistentVolumeClaims'), KINDS.storage, false, 'database'),
    ...group('access', l10n.t('Accès'), l10n.t('ServiceAccounts, Roles, RoleBindings'), KINDS.access, false, 'shield'),
  ];
  const node = objectNode(build, 'ns', namespace, children);
  const state = SEVERITY[node.state] > SEVERITY[deepWorst(children)] ? node.state : deepWorst(children);
  return {
    ...node,
    id,
    state,
    rollup: true,
    description: node.description || (children.length === 0 ? l10n.t('vide') : ''),
    expanded: name === 'default',
  };
}

/** The whole tree, from the store as it is now. */
export function buildClusterTree(store: ObjectStore, now: number, l10n: L10n): TreeNode[] {
  const snapshot = new Snapshot(store);
  const endpoints = new Map(snapshot.list('Endpoints').map((item) => [`${namespaceOf(item.object)}/${nameOf(item.object)}`, item.object]));
  const podsMatching = (namespace: string, selector: Record<string, string>): number =>
    snapshot.list('Pod', namespace).filter((pod) => {
      const labels = obj(meta(pod.object).labels);
      return Object.entries(selector).every(([key, value]) => str(labels[key]) === value);
    }).length;
  const build: Build = { snapshot, l10n, status: { now, l10n, endpoints: (namespace, name) => endpoints.get(`${namespace}/${name}`), podsMatching } };
  // `default` first (where a manifest without namespace lands), then the others by name.
  const namespaces = [...snapshot.list('Namespace')].sort((a, b) => Number(nameOf(b.object) === 'default') - Number(nameOf(a.object) === 'default'));
  const roots = [nodesGroup(build), ...namespaces.map((namespace) => namespaceNode(build, namespace))];
  const storage = kindNodes(build, 'cluster/storage', KINDS.clusterStorage);
  if (storage.length > 0) roots.push(groupNode('cluster/storage', l10n.t('Stockage du cluster'), l10n.t('PersistentVolumes, StorageClasses (hors namespace)'), storage, false, 'database'));
  const access = kindNodes(build, 'cluster/access', KINDS.clusterAccess);
  if (access.length > 0) roots.push(groupNode('cluster/access', l10n.t('Accès au cluster'), l10n.t('ClusterRoles, ClusterRoleBindings (hors namespace)'), access, false, 'shield'));
  return roots;
}

/** Every node by id, and the parent of each. */
export function indexTree(roots: readonly TreeNode[]): { nodes: Map<string, TreeNode>; parents: Map<string, string | undefined> } {
  const nodes = new Map<string, TreeNode>();
  const parents = new Map<string, string | undefined>();
  const visit = (node: TreeNode, parent: string | undefined): void => {
    nodes.set(node.id, node);
    parents.set(node.id, parent);
    for (const child of node.children) visit(child, node.id);
  };
  for (const root of roots) visit(root, undefined);
  return { nodes, parents };
}

/** What the view shows of a node itself (not its children). */
function appearance(node: TreeNode): string {
  return JSON.stringify([node.label, node.description, node.tooltip, node.state, node.steady, node.rollup, node.icon, node.contextValue, node.children.length > 0, node.resource]);
}

/**
 * The nodes to refresh between two trees: those whose appearance or list of children
 * changed, leaving out those under one already refreshed (a refresh covers the subtree).
 * `undefined` when the roots themselves changed: refresh everything.
 */
export function changedIds(before: readonly TreeNode[], after: readonly TreeNode[]): string[] | undefined {
  const rootIds = (roots: readonly TreeNode[]) => roots.map((root) => root.id).join('\n');
  if (rootIds(before) !== rootIds(after)) return undefined;
  const old = indexTree(before).nodes;
  const { nodes, parents } = indexTree(after);
  const changed = new Set<string>();
  for (const [id, node] of nodes) {
    const previous = old.get(id);
    if (!previous) continue; // new: its parent's children changed
    const childrenChanged = previous.children.map((c) => c.id).join('\n') !== node.children.map((c) => c.id).join('\n');
    if (childrenChanged || appearance(previous) !== appearance(node)) changed.add(id);
  }
  return [...changed].filter((id) => {
    for (let parent = parents.get(id); parent !== undefined; parent = parents.get(parent)) if (changed.has(parent)) return false;
    return true;
  });
}

/**
 * The tree as last built, shared by the view (to draw it) and the commands of its items
 * (to find the object behind an item).
 */
export class ClusterTreeModel {
  private current: TreeNode[] = [];
  private index = indexTree([]);

  constructor(
    /** The store to show; `roots` instead when there is only a state to show (a real cluster out of reach). */
    private readonly read: () => { store: ObjectStore; now: number; roots?: TreeNode[] },
    private readonly l10n: L10n,
  ) {
    this.rebuild();
  }

  get roots(): readonly TreeNode[] {
    return this.current;
  }

  node(id: string): TreeNode | undefined {
    return this.index.nodes.get(id);
  }

  parent(id: string): string | undefined {
    return this.index.parents.get(id);
  }

  /** Builds the tree again; returns what changed (see changedIds). */
  rebuild(): string[] | undefined {
    const { store, now, roots } = this.read();
    const next = roots ?? buildClusterTree(store, now, this.l10n);
    const changed = changedIds(this.current, next);
    this.current = next;
    this.index = indexTree(next);
    return changed;
  }
}
