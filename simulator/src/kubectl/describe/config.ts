/**
 * `kubectl describe namespace|configmap|secret` (k8s.io/kubectl/pkg/describe, v1.30).
 * Secret values are never shown, only their size in bytes.
 */
import { canonicalQuantity } from '../../api/quantity';
import { compareStrings } from '../../store/json';
import { rfc1123z } from '../age';
import { arr, at, meta, nameOf, obj, str, strs, type Json } from '../fields';
import { SCOPE_HELP, writeLimitRangeRows } from './policy';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

const quantity = (value: unknown): string => (value === undefined ? '0' : canonicalQuantity(value));

/** The byte length of a base64 value, as the API server decodes `data`. */
export function base64Length(value: string): number {
  const clean = value.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

function describeQuotas(w: DescribeWriter, quotas: readonly Json[]): void {
  if (quotas.length === 0) return w.write(0, 'No resource quota.\n');
  w.write(0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => compareStrings(nameOf(a), nameOf(b)))) {
    w.write(1, `Name:\t${nameOf(q)}\n`);
    const scopes = strs(at(q, 'spec.scopes')).sort(compareStrings);
    if (scopes.length > 0) {
      w.write(1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(1, `* ${SCOPE_HELP[scope]}\n`);
    }
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    const hard = obj(at(q, 'status.hard'));
    const used = obj(at(q, 'status.used'));
    for (const name of Object.keys(hard).sort(compareStrings)) w.write(1, `${name}\t${quantity(used[name])}\t${quantity(hard[name])}\n`);
  }
}

function describeLimitRanges(w: DescribeWriter, ranges: readonly Json[]): void {
  if (ranges.length === 0) return w.write(0, 'No LimitRange resource.\n');
  w.write(0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const range of ranges) writeLimitRangeRows(w, range, ' ');
}

export function describeNamespace(w: DescribeWriter, ns: Json, quotas: readonly Json[], limitRanges: readonly Json[]): void {
  w.write(0, `Name:\t${nameOf(ns)}\n`);
  writeLabels(w, 'Labels', meta(ns).labels);
  writeAnnotations(w, 'Annotations', meta(ns).annotations);
  w.write(0, `Status:\t${str(at(ns, 'status.phase'))}\n`);
  const conditions = arr(at(ns, 'status.conditions'));
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${str(c.type)}\t${str(c.status)}\t${rfc1123z(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
  }
  w.write(0, '\n');
  describeQuotas(w, quotas);
  w.write(0, '\n');
  describeLimitRanges(w, limitRanges);
}

export function describeConfigMap(w: DescribeWriter, cm: Json, events: readonly Json[] | undefined, now: number): void {
  w.write(0, `Name:\t${nameOf(cm)}\n`);
  w.write(0, `Namespace:\t${str(meta(cm).namespace)}\n`);
  writeLabels(w, 'Labels', meta(cm).labels);
  writeAnnotations(w, 'Annotations', meta(cm).annotations);
  w.write(0, '\nData\n====\n');
  // Go ranges over a map (random order); sorted keeps the simulator deterministic.
  const data = obj(cm.data);
  for (const key of Object.keys(data).sort(compareStrings)) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${str(data[key])}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = obj(cm.binaryData);
  for (const key of Object.keys(binary).sort(compareStrings)) w.write(0, `${key}: ${base64Length(str(binary[key]))} bytes\n`);
  w.write(0, '\n');
  writeEvents(w, events, now);
}

export function describeSecret(w: DescribeWriter, secret: Json): void {
  w.write(0, `Name:\t${nameOf(secret)}\n`);
  w.write(0, `Namespace:\t${str(meta(secret).namespace)}\n`);
  writeLabels(w, 'Labels', meta(secret).labels);
  writeAnnotations(w, 'Annotations', meta(secret).annotations);
  w.write(0, `\nType:\t${str(secret.type)}\n`);
  w.write(0, '\nData\n====\n');
  const data = obj(secret.data);
  for (const key of Object.keys(data).sort(compareStrings)) {
    // A service-account token is shown (it is what `describe` is used for); every other value only by size.
    if (key === 'token' && str(secret.type) === 'kubernetes.io/service-account-token') {
      w.write(0, `${key}:\t${decodeBase64(str(data[key]))}\n`);
    } else {
      w.write(0, `${key}:\t${base64Length(str(data[key]))} bytes\n`);
    }
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 to text (Latin-1 bytes joined; service-account tokens are ASCII). */
function decodeBase64(value: string): string {
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const c of value.replace(/[\s=]/g, '')) {
    const index = BASE64.indexOf(c);
    if (index < 0) continue;
    buffer = (buffer << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
