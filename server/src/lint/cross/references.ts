/**
 * Every object another object needs by name: the ConfigMaps and Secrets of env, envFrom
 * and volumes, PersistentVolumeClaims, the ServiceAccount, image pull Secrets, StorageClasses
 * of claims, TLS Secrets of an Ingress. Each reference keeps the path of its name field, the
 * keys it reads and whether it is optional, so that a rule can say what will go wrong and a
 * quick fix can create the missing object.
 */
import { containersOf, podTemplateOf, type PodTemplate } from './podTemplates';
import { isObj, list, obj, text, type Obj, type Path } from './objects';

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount' | 'StorageClass';

/** How the object is used: it decides what happens when it is missing. */
export type ReferenceUse =
  | 'env' // env[].valueFrom.configMapKeyRef / secretKeyRef
  | 'envFrom' // envFrom[].configMapRef / secretRef
  | 'volume' // volumes[].configMap / secret / projected sources
  | 'claim' // volumes[].persistentVolumeClaim
  | 'serviceAccount'
  | 'imagePullSecret'
  | 'storageClass' // a PersistentVolumeClaim's own class
  | 'claimTemplate' // volumeClaimTemplates and ephemeral volumes
  | 'ingressTls';

export interface Reference {
  kind: ReferencedKind;
  name: string;
  /** Path of the field holding the name. */
  path: Path;
  use: ReferenceUse;
  /** Keys read from a ConfigMap or Secret (env keys, volume items). */
  keys: string[];
  optional: boolean;
  /** The container or volume that uses it, for the message. */
  user?: string;
}

type Push = (reference: Reference) => void;

function keyRef(push: Push, container: string, ref: unknown, kind: ReferencedKind, use: ReferenceUse, path: Path): void {
  const source = obj(ref);
  const name = text(source?.name);
  if (!source || !name) return;
  const key = text(source.key);
  push({ kind, name, path: [...path, 'name'], use, keys: key ? [key] : [], optional: source.optional === true, user: container });
}

function containerReferences(template: PodTemplate, push: Push): void {
  for (const { container, path, name } of containersOf(template)) {
    list(container.env).forEach((variable, index) => {
      const valueFrom = obj(obj(variable)?.valueFrom);
      if (!valueFrom) return;
      const base = [...path, 'env', index, 'valueFrom'];
      keyRef(push, name, valueFrom.configMapKeyRef, 'ConfigMap', 'env', [...base, 'configMapKeyRef']);
      keyRef(push, name, valueFrom.secretKeyRef, 'Secret', 'env', [...base, 'secretKeyRef']);
    });
    list(container.envFrom).forEach((source, index) => {
      const base = [...path, 'envFrom', index];
      keyRef(push, name, obj(source)?.configMapRef, 'ConfigMap', 'envFrom', [...base, 'configMapRef']);
      keyRef(push, name, obj(source)?.secretRef, 'Secret', 'envFrom', [...base, 'secretRef']);
    });
  }
}

function itemKeys(source: Obj): string[] {
  return list(source.items).flatMap((item) => {
    const key = text(obj(item)?.key);
    return key ? [key] : [];
  });
}

/** A configMap or secret volume source (`name` for ConfigMaps, `secretName` for volumes' Secrets). */
function volumeSource(push: Push, user: string, source: unknown, kind: ReferencedKind, nameField: string, path: Path): void {
  const found = obj(source);
  const name = text(found?.[nameField]);
  if (!found || !name) return;
  push({ kind, name, path: [...path, nameField], use: 'volume', keys: itemKeys(found), optional: found.optional === true, user });
}

function claimTemplate(push: Push, user: string, spec: unknown, path: Path): void {
  const name = text(obj(spec)?.storageClassName);
  if (name) push({ kind: 'StorageClass', name, path: [...path, 'storageClassName'], use: 'claimTemplate', keys: [], optional: false, user });
}

function volumeReferences(template: PodTemplate, push: Push): void {
  list(template.spec.volumes).forEach((volume, index) => {
    if (!isObj(volume)) return;
    const user = text(volume.name) ?? `#${index + 1}`;
    const path = [...template.specPath, 'volumes', index];
    volumeSource(push, user, volume.configMap, 'ConfigMap', 'name', [...path, 'configMap']);
    volumeSource(push, user, volume.secret, 'Secret', 'secretName', [...path, 'secret']);
    const claimName = text(obj(volume.persistentVolumeClaim)?.claimName);
    if (claimName) push({ kind: 'PersistentVolumeClaim', name: claimName, path: [...path, 'persistentVolumeClaim', 'claimName'], use: 'claim', keys: [], optional: false, user });
    list(obj(volume.projected)?.sources).forEach((source, sourceIndex) => {
      const base = [...path, 'projected', 'sources', sourceIndex];
      volumeSource(push, user, obj(source)?.configMap, 'ConfigMap', 'name', [...base, 'configMap']);
      volumeSource(push, user, obj(source)?.secret, 'Secret', 'name', [...base, 'secret']);
    });
    const ephemeral = obj(obj(volume.ephemeral)?.volumeClaimTemplate);
    claimTemplate(push, user, ephemeral?.spec, [...path, 'ephemeral', 'volumeClaimTemplate', 'spec']);
  });
}

function podReferences(template: PodTemplate, push: Push): void {
  containerReferences(template, push);
  volumeReferences(template, push);
  // `serviceAccount` is the deprecated spelling; the API server copies one into the other.
  const field = text(template.spec.serviceAccountName) ? 'serviceAccountName' : 'serviceAccount';
  const account = text(template.spec[field]);
  if (account) push({ kind: 'ServiceAccount', name: account, path: [...template.specPath, field], use: 'serviceAccount', keys: [], optional: false });
  list(template.spec.imagePullSecrets).forEach((secret, index) => {
    const name = text(obj(secret)?.name);
    if (name) push({ kind: 'Secret', name, path: [...template.specPath, 'imagePullSecrets', index, 'name'], use: 'imagePullSecret', keys: ['.dockerconfigjson'], optional: false });
  });
}

/** Every reference `object` makes to a ConfigMap, Secret, PVC, ServiceAccount or StorageClass. */
export function referencesOf(object: unknown): Reference[] {
  const out: Reference[] = [];
  if (!isObj(object)) return out;
  const push: Push = (reference) => out.push(reference);
  const template = podTemplateOf(object);
  if (template) podReferences(template, push);
  const spec = obj(object.spec);
  if (!spec) return out;
  switch (object.kind) {
    case 'PersistentVolumeClaim': {
      const name = text(spec.storageClassName);
      if (name) push({ kind: 'StorageClass', name, path: ['spec', 'storageClassName'], use: 'storageClass', keys: [], optional: false });
      break;
    }
    case 'StatefulSet':
      list(spec.volumeClaimTemplates).forEach((claim, index) => {
        const user = text(obj(obj(claim)?.metadata)?.name) ?? `#${index + 1}`;
        claimTemplate(push, user, obj(claim)?.spec, ['spec', 'volumeClaimTemplates', index, 'spec']);
      });
      break;
    case 'Ingress':
      list(spec.tls).forEach((tls, index) => {
        const name = text(obj(tls)?.secretName);
        if (name) push({ kind: 'Secret', name, path: ['spec', 'tls', index, 'secretName'], use: 'ingressTls', keys: ['tls.crt', 'tls.key'], optional: false });
      });
      break;
  }
  return out;
}
