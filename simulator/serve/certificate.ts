/**
 * A self-signed TLS certificate for the facade, made at start with node:crypto alone.
 * TLS is not optional: kubectl sends a kubeconfig's credentials only over TLS
 * (clientcmd reads the user's auth info only when the transport is TLS, see
 * kubernetes/kubectl#744), and the facade wants its bearer token. The certificate is an
 * ECDSA P-256 one for 127.0.0.1 and localhost, written in DER by hand (X.509 v3, RFC 5280)
 * because Node can sign but not build certificates; kubeconfigs trust it through
 * `certificate-authority-data`.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface TlsIdentity {
  /** PEM certificate (also the CA a kubeconfig trusts). */
  cert: string;
  /** PEM PKCS#8 private key. */
  key: string;
}

// DER: tag, length, content.
function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

const sequence = (...items: Buffer[]): Buffer => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => der(0x31, Buffer.concat(items));
const octetString = (content: Buffer): Buffer => der(0x04, content);
const bitString = (content: Buffer, unusedBits = 0): Buffer => der(0x03, Buffer.concat([Buffer.from([unusedBits]), content]));
const explicit = (number: number, content: Buffer): Buffer => der(0xa0 + number, content);
const utf8 = (text: string): Buffer => der(0x0c, Buffer.from(text, 'utf8'));
const boolean = (value: boolean): Buffer => der(0x01, Buffer.from([value ? 0xff : 0]));

/**
 * A non-negative DER INTEGER in its one minimal form (X.690 8.3.2): leading zero bytes
 * dropped, one put back when the first bit is set (it would read as negative). OpenSSL 3
 * refuses any other form ("asn1 encoding routines::illegal padding").
 */
export function integer(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const minimal = bytes.subarray(start);
  return der(0x02, minimal[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
}

function oid(text: string): Buffer {
  const [first, second, ...rest] = text.split('.').map(Number) as [number, number, ...number[]];
  const bytes = [40 * first + second];
  for (const value of rest) {
    const chunk = [value & 0x7f];
    for (let remaining = value >> 7; remaining > 0; remaining >>= 7) chunk.unshift((remaining & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

/** UTCTime (YYMMDDHHMMSSZ), valid until 2049. */
function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return der(0x17, Buffer.from(text, 'ascii'));
}

const name = (commonName: string): Buffer => sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));
const extension = (id: string, critical: boolean, value: Buffer): Buffer => sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));

const ECDSA_WITH_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));

/** A new key and a self-signed certificate for 127.0.0.1 and localhost, valid ten years. */
export function selfSignedIdentity(now = new Date(), commonName = 'atelier', serial = randomBytes(16)): TlsIdentity {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  const notAfter = new Date(now.getTime() + 10 * 365 * 24 * 60 * 60 * 1000);
  const subjectAltName = sequence(der(0x87, Buffer.from([127, 0, 0, 1])), der(0x82, Buffer.from('localhost', 'ascii')));
  const extensions = sequence(
    // CA: the certificate is its own root in the kubeconfig.
    extension('2.5.29.19', true, sequence(boolean(true))),
    // digitalSignature and keyCertSign.
    extension('2.5.29.15', true, bitString(Buffer.from([0x84]), 2)),
    // serverAuth.
    extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))),
    extension('2.5.29.17', false, subjectAltName),
  );
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    ECDSA_WITH_SHA256,
    name(commonName),
    sequence(utcTime(notBefore), utcTime(notAfter)),
    name(commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));
  const base64 = certificate.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
