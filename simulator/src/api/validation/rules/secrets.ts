/**
 * ConfigMap and Secret: keys that can become file names, a 1 MiB budget, Secret `data`
 * in base64, and the keys each Secret type requires. Mirrors ValidateConfigMap and
 * ValidateSecret (pkg/apis/core/validation, v1.30); base64 errors are Go's
 * encoding/base64 StdEncoding texts, which the JSON decoder returns as is.
 */
import { utf8 } from '../../../bytes';
import { decodeFinding, invalid, required, tooLong, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asString, get, isRecord, keyField, type Path } from './common';
import { byteLength, isConfigMapKey } from './formats';

/** core.MaxSecretSize: 1 MiB, for a Secret's data and a ConfigMap's data + binaryData. */
export const MAX_SECRET_SIZE = 1024 * 1024;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';


const isNewline = (byte: number | undefined): boolean => byte === 10 || byte === 13;

/** One quantum of base64.Encoding.decodeQuantum: [next index, decoded bytes] or the corrupt offset. */
function quantum(src: number[], start: number): { next: number; bytes: number } | { corrupt: number } {
  let si = start;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { next: si, bytes: 0 };
      return { corrupt: si - j };
    }
    const byte = src[si++]!;
    if (byte < 128 && ALPHABET.includes(String.fromCharCode(byte))) continue;
    if (isNewline(byte)) {
      j--;
      continue;
    }
    if (byte !== 61 /* '=' */ || j < 2) return { corrupt: si - 1 };
    if (j === 2) {
      while (isNewline(src[si])) si++;
      if (si === src.length) return { corrupt: src.length };
      if (src[si] !== 61) return { corrupt: si - 1 };
      si++;
    }
    while (isNewline(src[si])) si++;
    if (si < src.length) return { corrupt: si };
    return { next: si, bytes: j - 1 };
  }
  return { next: si, bytes: 3 };
}

/** base64.StdEncoding.Decode: the decoded length, or the `illegal base64 data at input byte N` offset. */
export function decodeBase64(value: string): { length: number } | { corrupt: number } {
  const src = utf8(value);
  let index = 0;
  let length = 0;
  while (index < src.length) {
    const result = quantum(src, index);
    if ('corrupt' in result) return result;
    if (result.next === index) break;
    index = result.next;
    length += result.bytes;
  }
  return { length };
}

const KEY_FR = "Une clé de données devient un nom de fichier quand on monte l'objet en volume : lettres, chiffres, « - », « _ » et « . » seulement (pas d'espace, pas de « / »), 253 caractères au plus.";

function keys(map: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  for (const key of Object.keys(isRecord(map) ? map : {})) {
    for (const message of isConfigMapKey(key)) findings.push(invalid({ code: 'data-key-invalid', path: [...path, key], field: keyField(path, key), fr: KEY_FR }, key, message));
  }
  return findings;
}

/** Secret `data`: base64 (decode errors) and the decoded sizes. */
function secretData(object: KubeObject): { findings: Finding[]; size: number } {
  const findings: Finding[] = [];
  let size = 0;
  const data = isRecord(object.data) ? object.data : {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') continue;
    const decoded = decodeBase64(value);
    if ('corrupt' in decoded) {
      findings.push(
        decodeFinding(
          {
            code: 'secret-base64-invalid',
            path: ['data', key],
            field: keyField(['data'], key),
            fr: `La valeur de « ${key} » dans \`data\` doit être encodée en base64 (echo -n 'valeur' | base64). Pour écrire la valeur en clair, mets-la dans \`stringData\` : Kubernetes l'encodera pour toi.`,
          },
          'FieldValueInvalid',
          `illegal base64 data at input byte ${decoded.corrupt}`,
        ),
      );
    } else size += decoded.length;
  }
  const stringData = isRecord(object.stringData) ? object.stringData : {};
  for (const [key, value] of Object.entries(stringData)) {
    if (typeof value !== 'string') continue;
    // stringData overrides data for the same key once converted.
    if (Object.hasOwn(data, key) && typeof data[key] === 'string') {
      const previous = decodeBase64(data[key]);
      if ('length' in previous) size -= previous.length;
    }
    size += byteLength(value);
  }
  return { findings, size };
}

// The keys each built-in Secret type requires (ValidateSecret).
const TYPE_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function secretType(object: KubeObject): Finding[] {
  const type = asString(object.type) ?? '';
  const present = new Set([...Object.keys(isRecord(object.data) ? object.data : {}), ...Object.keys(isRecord(object.stringData) ? object.stringData : {})]);
  const missing = (key: string) => required({ code: 'secret-key-required', path: ['data', key], field: keyField(['data'], key), fr: `Un Secret de type ${type} doit contenir la clé « ${key} ».` });
  if (type === 'kubernetes.io/service-account-token') {
    return asString(get(object, 'metadata', 'annotations', 'kubernetes.io/service-account.name'))
      ? []
      : [required({ code: 'secret-key-required', path: ['metadata', 'annotations', 'kubernetes.io/service-account.name'], field: 'metadata.annotations[kubernetes.io/service-account.name]', fr: 'Un Secret de type service-account-token doit nommer son ServiceAccount dans l’annotation kubernetes.io/service-account.name.' })];
  }
  if (type === 'kubernetes.io/basic-auth') return present.has('username') || present.has('password') ? [] : [missing('username'), missing('password')];
  const required_ = TYPE_KEYS[type] ?? [];
  // dockercfg, dockerconfigjson and ssh-auth stop at their first missing key.
  const absent = required_.filter((key) => !present.has(key));
  return type === 'kubernetes.io/tls' ? absent.map(missing) : absent.slice(0, 1).map(missing);
}

/** Mirrors ValidateSecret (with stringData merged into data, as conversion does). */
export const secretRule: ValidationRule = {
  id: 'secret',
  kinds: ['Secret'],
  check(object) {
    const { findings, size } = secretData(object);
    findings.push(...keys(object.data, ['data']), ...keys(object.stringData, ['stringData']));
    if (size > MAX_SECRET_SIZE) {
      findings.push(tooLong({ code: 'secret-too-large', path: ['data'], fr: `Les données d'un Secret sont limitées à 1 Mio (${size} octets ici) : il est stocké dans etcd et envoyé à chaque nœud qui l'utilise.` }, MAX_SECRET_SIZE));
    }
    return [...findings, ...secretType(object)];
  },
};

/** Mirrors ValidateConfigMap: keys, no key in both data and binaryData, 1 MiB in all. */
export const configMapRule: ValidationRule = {
  id: 'configmap',
  kinds: ['ConfigMap'],
  check(object) {
    const findings = keys(object.data, ['data']);
    const data = isRecord(object.data) ? object.data : {};
    const binary = isRecord(object.binaryData) ? object.binaryData : {};
    let size = 0;
    for (const [key, value] of Object.entries(data)) {
      if (Object.hasOwn(binary, key)) findings.push(invalid({ code: 'data-key-duplicate', path: ['data', key], field: keyField(['data'], key), fr: 'Une même clé ne peut pas être à la fois dans data et dans binaryData.' }, key, 'duplicate of key present in binaryData'));
      if (typeof value === 'string') size += byteLength(value);
    }
    findings.push(...keys(object.binaryData, ['binaryData']));
    for (const value of Object.values(binary)) if (typeof value === 'string') size += 'length' in decodeBase64(value) ? (decodeBase64(value) as { length: number }).length : 0;
    if (size > MAX_SECRET_SIZE) {
      // Upstream passes field.NewPath(""): the error names no field.
      findings.push(tooLong({ code: 'configmap-too-large', path: [], field: '', fr: `Un ConfigMap est limité à 1 Mio de données (${size} octets ici). Pour de gros fichiers, utilise un volume.` }, MAX_SECRET_SIZE));
    }
    return findings;
  },
};
