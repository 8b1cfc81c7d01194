/**
 * What a container sees of its file system: the image's files and what the kubelet mounts
 * (the simulator's machine gives both), plus the Pod's volumes at their mountPath, as the
 * kubelet's volume plugins write them: one file per ConfigMap or Secret key (or per
 * `items` entry), projected sources, downward API files; emptyDir, PersistentVolumeClaim
 * and hostPath folders hold what the Pod's containers wrote there (empty at first). A
 * directory mount hides what the image had there; a `subPath` mount puts one entry at the
 * mount path. Pure: read from the store.
 */
import { kindInfo } from '../api/catalog';
import { decodeBase64 } from '../kubelet/config';
import type { StateReader } from '../kubelet/replay';
import { list, obj, text } from '../kubelet/util';
import { isJsonObject, type JsonObject } from '../store/json';

const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;
const SECRETS = kindInfo('v1', 'Secret')!;

export interface PodFiles {
  /** Absolute path -> content. */
  files: Map<string, string>;
  /** Absolute paths of the folders (`/` included). */
  directories: Set<string>;
}

/** The folders every image has. */
const SYSTEM_DIRECTORIES = ['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/run', '/sbin', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/usr/sbin', '/var', '/var/log', '/var/run'];

/** `/a/b/` and `a//b` made absolute and clean. */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export const parentOf = (path: string): string => (path === '/' ? '/' : path.slice(0, path.lastIndexOf('/')) || '/');

/** The keys of a ConfigMap or Secret (decoded), or undefined when it does not exist. */
function sourceValues(reader: StateReader, namespace: string, kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> | undefined {
  const object = reader.get(kind === 'ConfigMap' ? CONFIGMAPS : SECRETS, namespace, name);
  if (!object) return undefined;
  const values: Record<string, string> = {};
  if (kind === 'ConfigMap') {
    for (const [key, value] of Object.entries(obj(object.data))) values[key] = text(value);
    for (const [key, value] of Object.entries(obj(object.binaryData))) values[key] = decodeBase64(text(value));
  } else {
    for (const [key, value] of Object.entries(obj(object.data))) values[key] = decodeBase64(text(value));
    for (const [key, value] of Object.entries(obj(object.stringData))) values[key] = text(value);
  }
  return values;
}

/** `items` select and rename keys; without them every key is a file of its name. */
function keyFiles(values: Record<string, string>, items: unknown): Record<string, string> {
  const chosen = list(items);
  if (chosen.length === 0) return { ...values };
  const out: Record<string, string> = {};
  for (const item of chosen) if (Object.hasOwn(values, text(item.key))) out[text(item.path) || text(item.key)] = values[text(item.key)]!;
  return out;
}

/** Mirrors the downward API volume plugin: labels and annotations as `key="value"` lines. */
function downwardFiles(pod: JsonObject, items: unknown): Record<string, string> {
  const meta = obj(pod.metadata);
  const out: Record<string, string> = {};
  for (const item of list(items)) {
    const path = text(obj(item.fieldRef).fieldPath);
    let value = '';
    if (path === 'metadata.labels' || path === 'metadata.annotations') {
      value = Object.entries(obj(meta[path.slice('metadata.'.length)]))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, v]) => `${key}=${JSON.stringify(text(v))}`)
        .join('\n');
    } else if (path.startsWith('metadata.')) value = text(meta[path.slice('metadata.'.length)]);
    else if (path === 'spec.nodeName' || path === 'spec.serviceAccountName') value = text(obj(pod.spec)[path.slice('spec.'.length)]);
    else if (path === 'status.podIP' || path === 'status.hostIP') value = text(obj(pod.status)[path.slice('status.'.length)]);
    out[text(item.path)] = value;
  }
  return out;
}

/** The files of one volume, relative to its root; undefined for a volume that is only a folder. */
function volumeContent(reader: StateReader, pod: JsonObject, volume: JsonObject): Record<string, string> | undefined {
  const namespace = text(obj(pod.metadata).namespace) || 'default';
  if (isJsonObject(volume.configMap)) return keyFiles(sourceValues(reader, namespace, 'ConfigMap', text(volume.configMap.name)) ?? {}, volume.configMap.items);
  if (isJsonObject(volume.secret)) return keyFiles(sourceValues(reader, namespace, 'Secret', text(volume.secret.secretName)) ?? {}, volume.secret.items);
  if (isJsonObject(volume.downwardAPI)) return downwardFiles(pod, volume.downwardAPI.items);
  if (isJsonObject(volume.projected)) {
    const out: Record<string, string> = {};
    for (const source of list(volume.projected.sources)) {
      if (isJsonObject(source.configMap)) Object.assign(out, keyFiles(sourceValues(reader, namespace, 'ConfigMap', text(source.configMap.name)) ?? {}, source.configMap.items));
      else if (isJsonObject(source.secret)) Object.assign(out, keyFiles(sourceValues(reader, namespace, 'Secret', text(source.secret.name)) ?? {}, source.secret.items));
      else if (isJsonObject(source.downwardAPI)) Object.assign(out, downwardFiles(pod, source.downwardAPI.items));
      else if (isJsonObject(source.serviceAccountToken)) out[text(source.serviceAccountToken.path) || 'token'] = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InNpbXVsYXRlZCJ9.e30.c2ltdWxhdGVk';
    }
    return out;
  }
  return undefined;
}

/**
 * The container's files: `base` (the image's and the kubelet's, from the simulator's
 * machine) with the Pod's volumes mounted over them; `written` tells what the Pod's
 * containers wrote in a volume they share (an emptyDir starts empty otherwise).
 */
export function podFiles(
  reader: StateReader,
  pod: JsonObject,
  container: JsonObject,
  base: Readonly<Record<string, string>>,
  written: (volume: string) => Record<string, string> | undefined = () => undefined,
): PodFiles {
  const files = new Map(Object.entries(base));
  const directories = new Set(SYSTEM_DIRECTORIES);
  const volumes = new Map(list(obj(pod.spec).volumes).map((volume) => [text(volume.name), volume]));
  for (const mount of list(container.volumeMounts)) {
    const volume = volumes.get(text(mount.name));
    if (!volume) continue;
    const mountPath = normalizePath(text(mount.mountPath));
    const subPath = text(mount.subPath);
    const content = volumeContent(reader, pod, volume) ?? written(text(mount.name)) ?? {};
    if (subPath !== '') {
      // One entry of the volume at the mount path: a file, or a folder of the volume.
      if (Object.hasOwn(content, subPath)) files.set(mountPath, content[subPath]!);
      else {
        directories.add(mountPath);
        for (const [path, value] of Object.entries(content)) if (path.startsWith(`${subPath}/`)) files.set(normalizePath(path.slice(subPath.length + 1), mountPath), value);
      }
      continue;
    }
    for (const path of [...files.keys()]) if (path.startsWith(`${mountPath}/`)) files.delete(path);
    directories.add(mountPath);
    for (const [path, value] of Object.entries(content)) files.set(normalizePath(path, mountPath), value);
  }
  for (const path of [...files.keys(), ...directories]) for (let dir = parentOf(path); !directories.has(dir); dir = parentOf(dir)) directories.add(dir);
  return { files, directories };
}
