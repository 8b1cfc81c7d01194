/**
 * Names of other objects a field refers to (a ConfigMap, a Secret, a PVC, a Service...),
 * from the workspace's files and the simulated cluster, and the keys of the ConfigMap
 * or Secret a `key:` field reads.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { apiVersionsOf, kindInfo } from '../../../../simulator/src/api/catalog';
import type { Path } from '../../documents/positions';
import type { KnownResource } from '../../workspace/resources';
import { asRecord, valueAt, type Frame } from './frame';
import { valueItem, type Field } from './values';

/** Fields whose value names an object of a kind: `definition.property` -> kind. */
const REFERENCES: Record<string, string> = {
  'core.v1.ConfigMapKeySelector.name': 'ConfigMap',
  'core.v1.ConfigMapEnvSource.name': 'ConfigMap',
  'core.v1.ConfigMapVolumeSource.name': 'ConfigMap',
  'core.v1.ConfigMapProjection.name': 'ConfigMap',
  'core.v1.SecretKeySelector.name': 'Secret',
  'core.v1.SecretEnvSource.name': 'Secret',
  'core.v1.SecretVolumeSource.secretName': 'Secret',
  'core.v1.SecretProjection.name': 'Secret',
  'networking.v1.IngressTLS.secretName': 'Secret',
  'core.v1.PersistentVolumeClaimVolumeSource.claimName': 'PersistentVolumeClaim',
  'core.v1.PersistentVolumeClaimSpec.volumeName': 'PersistentVolume',
  'core.v1.PodSpec.serviceAccountName': 'ServiceAccount',
  'core.v1.PersistentVolumeClaimSpec.storageClassName': 'StorageClass',
  'core.v1.PersistentVolumeSpec.storageClassName': 'StorageClass',
  'networking.v1.IngressServiceBackend.name': 'Service',
  'apps.v1.StatefulSetSpec.serviceName': 'Service',
  'networking.v1.IngressSpec.ingressClassName': 'IngressClass',
  'core.v1.PodSpec.priorityClassName': 'PriorityClass',
  'meta.v1.ObjectMeta.namespace': 'Namespace',
  'rbac.v1.Subject.namespace': 'Namespace',
};

/** Objects every cluster has, though no manifest declares them. */
const BUILT_IN: Record<string, Record<string, string>> = {
  ClusterRole: {
    view: 'ClusterRole prédéfini : lecture seule de la plupart des objets d’un namespace (pas les Secrets).',
    edit: 'ClusterRole prédéfini : lecture et écriture de la plupart des objets d’un namespace, sans toucher aux Roles ni aux RoleBindings.',
    admin: 'ClusterRole prédéfini : tous les droits dans un namespace, y compris sur les Roles et RoleBindings.',
    'cluster-admin': 'ClusterRole prédéfini : tous les droits sur tout le cluster. À réserver aux administrateurs.',
  },
  ServiceAccount: { default: 'Le ServiceAccount que Kubernetes crée dans chaque namespace, utilisé quand un Pod n’en précise pas.' },
  Namespace: { default: 'Le namespace des objets qui n’en précisent pas.' },
};

/** The kind of object the field at `path` names, if it names one. */
function referencedKind(frame: Frame, field: Field, path: Path): string | undefined {
  const key = `${field.owner}.${field.property}`;
  if (Object.hasOwn(REFERENCES, key)) return REFERENCES[key];
  const sibling = asRecord(valueAt(frame.value(), path.slice(0, -1)));
  if (key === 'core.v1.LocalObjectReference.name' && path.includes('imagePullSecrets')) return 'Secret';
  if (key === 'rbac.v1.RoleRef.name') {
    if (sibling?.kind === 'Role' || sibling?.kind === 'ClusterRole') return sibling.kind;
    return frame.kind === 'ClusterRoleBinding' ? 'ClusterRole' : 'Role';
  }
  if (key === 'rbac.v1.Subject.name') return sibling?.kind === 'ServiceAccount' ? 'ServiceAccount' : undefined;
  if (/^autoscaling\.v\d\.CrossVersionObjectReference\.name$/.test(key)) return typeof sibling?.kind === 'string' ? sibling.kind : 'Deployment';
  return undefined;
}

function sourceLabel(resource: KnownResource): string {
  if (resource.source === 'cluster') return 'cluster simulé';
  const file = resource.uri?.split('/').pop();
  return file ? `fichier ${file}` : 'espace de travail';
}

function keysOf(resource: KnownResource): string[] {
  const keys = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData']) for (const key of Object.keys(asRecord(resource.object[field]) ?? {})) keys.add(key);
  return [...keys];
}

/** Known objects of `kind`, in the document's namespace when the kind is namespaced. */
function known(frame: Frame, kind: string, namespace?: string): KnownResource[] {
  const preferred = apiVersionsOf(kind)[0];
  const namespaced = preferred ? kindInfo(preferred, kind)?.namespaced !== false : true;
  return frame.context.resources.list(kind, namespaced ? (namespace ?? frame.namespace()) : undefined);
}

/** Names of the objects the field refers to. */
export function referenceItems(frame: Frame, field: Field, path: Path): CompletionItem[] {
  const kind = referencedKind(frame, field, path);
  if (!kind) return keyItems(frame, field, path);
  const sibling = asRecord(valueAt(frame.value(), path.slice(0, -1)));
  const namespace = field.owner === 'rbac.v1.Subject' && typeof sibling?.namespace === 'string' ? sibling.namespace : undefined;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  // The index matches a manifest without namespace with every namespace; those of the
  // namespace the object will land in (`default` when unsaid) come first.
  const target = namespace ?? frame.namespace() ?? 'default';
  for (const resource of known(frame, kind, namespace)) {
    if (seen.has(resource.name)) continue;
    seen.add(resource.name);
    const keys = keysOf(resource);
    const where = `${kind} du ${sourceLabel(resource)}${resource.namespace ? `, namespace ${resource.namespace}` : ''}`;
    items.push(valueItem(frame, resource.name, {
      kind: CompletionItemKind.Reference,
      detail: kind,
      description: sourceLabel(resource),
      documentation: `${where}.${keys.length > 0 ? `\n\nClés : ${keys.map((k) => `\`${k}\``).join(', ')}` : ''}`,
      sortText: `${(resource.namespace ?? 'default') === target ? 0 : 1}-${resource.name}`,
    }));
  }
  for (const [name, doc] of Object.entries(BUILT_IN[kind] ?? {})) {
    if (!seen.has(name)) items.push(valueItem(frame, name, { kind: CompletionItemKind.Reference, detail: kind, description: 'prédéfini', documentation: doc, sortText: `2-${name}` }));
  }
  return items;
}

/** The ConfigMap or Secret a `key:` reads, and the kind: for `configMapKeyRef` and volume `items`. */
function keySource(frame: Frame, field: Field, path: Path): { kind: string; name: unknown } | undefined {
  const value = frame.value();
  const holder = asRecord(valueAt(value, path.slice(0, -1)));
  if (field.owner === 'core.v1.ConfigMapKeySelector') return { kind: 'ConfigMap', name: holder?.name };
  if (field.owner === 'core.v1.SecretKeySelector') return { kind: 'Secret', name: holder?.name };
  if (field.owner === 'core.v1.KeyToPath') {
    // volumes[i].configMap.items[j].key: the source is three levels up.
    const source = asRecord(valueAt(value, path.slice(0, -3)));
    const type = path[path.length - 4];
    if (type === 'configMap' || type === 'configMapRef') return { kind: 'ConfigMap', name: source?.name };
    if (type === 'secret') return { kind: 'Secret', name: source?.secretName ?? source?.name };
  }
  return undefined;
}

/** Keys of the ConfigMap or Secret named beside the `key:` field. */
function keyItems(frame: Frame, field: Field, path: Path): CompletionItem[] {
  if (field.property !== 'key') return [];
  const source = keySource(frame, field, path);
  if (!source || typeof source.name !== 'string') return [];
  const resource = known(frame, source.kind).find((candidate) => candidate.name === source.name);
  if (!resource) return [];
  return keysOf(resource).map((key) =>
    valueItem(frame, key, { kind: CompletionItemKind.Field, detail: `clé de ${source.kind} ${resource.name}`, description: sourceLabel(resource) }),
  );
}
