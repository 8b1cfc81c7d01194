/**
 * `secret-clear-text`: a Secret whose `data` holds clear text. `data` takes base64; a value
 * that is not base64 is rejected by the API server, and a short word that happens to be
 * valid base64 (`password`, `admin123`) decodes to unreadable bytes. Both mean the learner
 * wanted `stringData`.
 */
import { decodeBase64 } from '../../../../simulator/src/api/validation/rules/secrets';
import type { LintFinding, LintRule } from '../rule';
import { isObject } from './podSpecs';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes are readable text (what an encoded password, URL or config file gives). */
function isText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return false;
  }
  // Control characters other than tab and line breaks mean binary data.
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0x7f) return false;
  }
  return true;
}

/**
 * Why `value` looks like clear text, or undefined when it looks like base64. A real binary
 * secret (a key, a keystore) is long or padded with `=`; a short run of letters and digits
 * decoding to binary is a word written in clear.
 */
function clearText(value: unknown): 'invalid' | 'binary' | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return 'invalid';
  if (typeof value !== 'string') return undefined;
  if ('corrupt' in decodeBase64(value)) return 'invalid';
  const compact = value.replace(/[\r\n]/g, '');
  if (compact.length > 20 || !/^[A-Za-z0-9]+$/.test(compact)) return undefined;
  return isText(Buffer.from(compact, 'base64')) ? undefined : 'binary';
}

function message(key: string, why: 'invalid' | 'binary'): string {
  const what =
    why === 'invalid'
      ? `La valeur de « ${key} » dans \`data\` est écrite en clair : ce n'est pas du base64, et le serveur API refusera le Secret.`
      : `La valeur de « ${key} » dans \`data\` semble écrite en clair : \`data\` attend du base64, et Kubernetes la décoderait en octets illisibles.`;
  return (
    `${what} Pour écrire une valeur en clair, mets-la dans \`stringData\` : Kubernetes l'encode pour toi. ` +
    "Le base64 n'est pas un chiffrement : quiconque lit le Secret peut le décoder."
  );
}

export const secretClearText: LintRule = {
  id: 'secret-clear-text',
  severity: 'warning',
  chapter: 'ressources',
  kinds: ['Secret'],
  description: 'Signale une valeur de `data` écrite en clair dans un Secret, qui devrait aller dans `stringData`.',
  check(object) {
    const findings: LintFinding[] = [];
    const data = isObject(object) ? object.data : undefined;
    if (!isObject(data)) return findings;
    for (const [key, value] of Object.entries(data)) {
      const why = clearText(value);
      if (why) findings.push({ path: ['data', key], message: message(key, why), fix: { key, value: String(value) } });
    }
    return findings;
  },
};
