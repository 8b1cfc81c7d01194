/**
 * A container's environment, as the kubelet builds it before creating the container
 * (kubelet_pods.go makeEnvironmentVariables): envFrom first, then env, each value from a
 * literal, a ConfigMap or Secret key, a field of the Pod or a resource. A missing
 * ConfigMap, Secret or key that is not optional keeps the container waiting in
 * CreateContainerConfigError with the kubelet's own message.
 */
import { kindInfo } from '../api/catalog';
import { milliValue, parseQuantity } from '../api/quantity';
import { isJsonObject, type JsonObject } from '../store/json';
import type { Reader } from '../controllers/types';
import { list, obj, text } from './util';

const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;
const SECRETS = kindInfo('v1', 'Secret')!;
const SERVICES = kindInfo('v1', 'Service')!;

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

export interface EnvContext {
  reader: Pick<Reader, 'get'>;
  pod: JsonObject;
  container: JsonObject;
  podIP: string;
  hostIP: string;
  /** The node's allocatable resources, for resourceFieldRef limits left unset. */
  allocatable: JsonObject;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Decodes standard base64 (Secret data), as UTF-8. */
export function decodeBase64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/[=\s]/g, '')) {
    const value = alphabet.indexOf(char);
    if (value === -1) continue;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return utf8(bytes);
}

/** UTF-8 bytes to a string (invalid sequences become U+FFFD). */
function utf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const extra = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc0 ? 1 : 0;
    if (byte >= 0x80 && byte < 0xc0) {
      out += '\ufffd';
      continue;
    }
    let code = extra === 0 ? byte : byte & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) code = (code << 6) | ((bytes[i + k] ?? 0) & 0x3f);
    i += extra;
    out += String.fromCodePoint(code);
  }
  return out;
}

/** A Secret's values: data (base64) decoded, stringData as written. */
function secretValues(secret: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj(secret.data))) if (typeof value === 'string') out[key] = decodeBase64(value);
  for (const [key, value] of Object.entries(obj(secret.stringData))) if (typeof value === 'string') out[key] = value;
  return out;
}

type Source = { kind: 'ConfigMap' | 'Secret'; values: Record<string, string> } | { missing: string };

function source(context: EnvContext, kind: 'ConfigMap' | 'Secret', name: string): Source {
  const namespace = text(obj(context.pod.metadata).namespace, 'default');
  const object = context.reader.get(kind === 'ConfigMap' ? CONFIGMAPS : SECRETS, namespace, name);
  // Mirrors the configMap/secret managers: apierrors.NewNotFound(v1.Resource("configmap"), name).
  if (!object) return { missing: `${kind.toLowerCase()} "${name}" not found` };
  if (kind === 'Secret') return { kind, values: secretValues(object) };
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj(object.data))) if (typeof value === 'string') values[key] = value;
  return { kind, values };
}

/** Mirrors expansion.MappingFuncFor: `$(VAR)` from the variables defined so far, `$$` escapes. */
export function expandReferences(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([-._a-zA-Z][-._a-zA-Z0-9]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && Object.hasOwn(env, name) ? env[name]! : match;
  });
}

/** The container's environment, or the CreateContainerConfigError message. */
export function containerEnv(context: EnvContext): EnvResult {
  const env: Record<string, string> = {};
  const namespace = text(obj(context.pod.metadata).namespace, 'default');
  for (const from of list(context.container.envFrom)) {
    const ref = isJsonObject(from.configMapRef) ? { kind: 'ConfigMap' as const, ref: from.configMapRef } : isJsonObject(from.secretRef) ? { kind: 'Secret' as const, ref: from.secretRef } : undefined;
    if (!ref) continue;
    const found = source(context, ref.kind, text(ref.ref.name));
    if ('missing' in found) {
      if (ref.ref.optional === true) continue;
      return { ok: false, message: found.missing };
    }
    const prefix = typeof from.prefix === 'string' ? from.prefix : '';
    for (const [key, value] of Object.entries(found.values)) if (ENV_NAME.test(prefix + key)) env[prefix + key] = value;
  }
  for (const variable of list(context.container.env)) {
    const name = text(variable.name);
    if (typeof variable.value === 'string' || !isJsonObject(variable.valueFrom)) {
      env[name] = expandReferences(typeof variable.value === 'string' ? variable.value : '', env);
      continue;
    }
    const from = variable.valueFrom;
    const keyRef = isJsonObject(from.configMapKeyRef) ? { kind: 'ConfigMap' as const, ref: from.configMapKeyRef } : isJsonObject(from.secretKeyRef) ? { kind: 'Secret' as const, ref: from.secretKeyRef } : undefined;
    if (keyRef) {
      const optional = keyRef.ref.optional === true;
      const found = source(context, keyRef.kind, text(keyRef.ref.name));
      if ('missing' in found) {
        if (optional) continue;
        return { ok: false, message: found.missing };
      }
      const key = text(keyRef.ref.key);
      if (!Object.hasOwn(found.values, key)) {
        if (optional) continue;
        return { ok: false, message: `couldn't find key ${key} in ${keyRef.kind} ${namespace}/${text(keyRef.ref.name)}` };
      }
      env[name] = found.values[key]!;
    } else if (isJsonObject(from.fieldRef)) env[name] = fieldValue(context, text(from.fieldRef.fieldPath));
    else if (isJsonObject(from.resourceFieldRef)) env[name] = resourceValue(context, from.resourceFieldRef);
  }
  return { ok: true, env };
}

/** Mirrors podFieldSelectorRuntimeValue. */
function fieldValue(context: EnvContext, path: string): string {
  const meta = obj(context.pod.metadata);
  const spec = obj(context.pod.spec);
  const keyed = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (keyed) return text(obj(meta[keyed[1]!])[keyed[2]!]);
  switch (path) {
    case 'metadata.name':
    case 'metadata.namespace':
    case 'metadata.uid':
      return text(meta[path.slice('metadata.'.length)]);
    case 'spec.nodeName':
      return text(spec.nodeName);
    case 'spec.serviceAccountName':
      return text(spec.serviceAccountName, 'default');
    case 'status.hostIP':
    case 'status.hostIPs':
      return context.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return context.podIP;
    default:
      return '';
  }
}

/** Mirrors resource.ExtractContainerResourceValue: limits default to the node's allocatable; rounded up by the divisor. */
function resourceValue(context: EnvContext, ref: JsonObject): string {
  const [kind = '', resource = ''] = text(ref.resource).split('.');
  const resources = obj(context.container.resources);
  const value = obj(resources[kind])[resource] ?? obj(resources.requests)[resource] ?? (kind === 'limits' ? context.allocatable[resource] : undefined) ?? 0;
  const quantity = parseQuantity(text(value, '0'));
  const divisor = parseQuantity(text(ref.divisor, '1'));
  if (!quantity.ok || !divisor.ok || divisor.quantity.nanos === 0n) return '0';
  const milli = milliValue(quantity.quantity);
  const divisorMilli = milliValue(divisor.quantity);
  const result = (milli + divisorMilli - 1n) / divisorMilli;
  return String(resource === 'cpu' && result === 0n ? 1n : result);
}

/**
 * What the kubelet adds for Services (enableServiceLinks, docker links style) and for the
 * API server: KUBERNETES_SERVICE_HOST and the like. Only shells show them, so only shells pay.
 */
export function serviceEnv(reader: Pick<Reader, 'list' | 'get'>, namespace: string, links: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  const services = links ? reader.list(SERVICES, { namespace }) : [];
  const api = reader.get(SERVICES, 'default', 'kubernetes');
  if (api && !services.some((service) => obj(service.metadata).name === 'kubernetes')) services.push(api);
  if (!api) services.push({ metadata: { name: 'kubernetes' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } });
  for (const service of services) {
    const spec = obj(service.spec);
    const ip = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
    if (ip === '' || ip === 'None') continue;
    const prefix = text(obj(service.metadata).name).toUpperCase().replace(/-/g, '_');
    const ports = list(spec.ports);
    if (ports.length === 0) continue;
    env[`${prefix}_SERVICE_HOST`] = ip;
    env[`${prefix}_SERVICE_PORT`] = String(ports[0]!.port);
    ports.forEach((port, index) => {
      const protocol = text(port.protocol, 'TCP');
      if (typeof port.name === 'string' && port.name !== '') env[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, '_')}`] = String(port.port);
      const base = `${prefix}_PORT_${String(port.port)}_${protocol}`;
      if (index === 0) env[`${prefix}_PORT`] = `${protocol.toLowerCase()}://${ip}:${String(port.port)}`;
      env[base] = `${protocol.toLowerCase()}://${ip}:${String(port.port)}`;
      env[`${base}_PROTO`] = protocol.toLowerCase();
      env[`${base}_PORT`] = String(port.port);
      env[`${base}_ADDR`] = ip;
    });
  }
  return env;
}
