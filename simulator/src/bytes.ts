/**
 * Bytes without Buffer or TextEncoder (the simulator has no Node or DOM types): UTF-8, and
 * base64, standard (RFC 4648 §4, padded) for a Secret's data and URL-safe unpadded (§5)
 * for a JWT. Shared by the hashes, the Secret rules and the kubectl generators.
 */

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The UTF-8 bytes of `text`. */
export function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

/** Standard padded base64 of `bytes`. */
export function base64Bytes(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += STANDARD[n >> 18]! + STANDARD[(n >> 12) & 63]! + (b === undefined ? '=' : STANDARD[(n >> 6) & 63]!) + (c === undefined ? '=' : STANDARD[n & 63]!);
  }
  return out;
}

/** Standard padded base64 of the UTF-8 text. */
export const base64Text = (text: string): string => base64Bytes(utf8(text));

/** base64url without padding (RawURLEncoding), as JWT segments are written. */
export const base64Url = (bytes: readonly number[]): string => base64Bytes(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
