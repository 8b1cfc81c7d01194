/**
 * `kubectl create secret tls NAME --cert=FILE --key=FILE` and `kubectl create secret
 * docker-registry NAME --docker-username=U --docker-password=P [--docker-server=S]
 * [--docker-email=E]` (kubectl v1.30, create_secret_tls.go, create_secret_docker.go).
 * The files come from the caller's `files`, like `--from-file`'s.
 */
import { kindInfo } from '../../../api/catalog';
import type { Command, CommandContext } from '../context';
import { KubectlError } from '../errors';
import { base64Text } from '../../../bytes';
import { goJson } from './goJson';
import { COMMON, oneName } from './common';
import { createOrFail } from './failed';

const SECRETS = kindInfo('v1', 'Secret')!;

/** create_secret_tls.go's readFile: os.ReadFile's error behind "Cannot read file". */
function readFile(context: CommandContext, path: string): string {
  const text = context.files[path];
  if (text === undefined) throw new KubectlError(`Cannot read file ${path}, open ${path}: no such file or directory`, `Aucun fichier « ${path} » ici : vérifie le chemin (il est relatif au dossier courant).`);
  return text;
}

/** The types of the PEM blocks of `text` (encoding/pem's Decode, blocks in order). */
function pemTypes(text: string): string[] {
  const types: string[] = [];
  const block = /-----BEGIN ([^\n-]*)-----\r?\n([^]*?)-----END \1-----/g;
  for (let match = block.exec(text); match; match = block.exec(text)) {
    // A block whose body is not base64 is no block to pem.Decode.
    if (/^[A-Za-z0-9+/=\s]*$/.test(match[2]!.replace(/^[\w-]+:.*$/gm, ''))) types.push(match[1]!);
  }
  return types;
}

const PEM_FR = 'Il faut un certificat et sa clé au format PEM (-----BEGIN CERTIFICATE----- … et -----BEGIN PRIVATE KEY----- …), par exemple ceux que fait « openssl req -x509 -newkey rsa:2048 -nodes -keyout tls.key -out tls.crt ».';
const goList = (items: readonly string[]): string => `[${items.join(' ')}]`;

/**
 * crypto/tls.X509KeyPair's checks of the PEM blocks, with its error texts. Mirrored up to
 * the blocks only: the certificate's DER is not parsed nor the key matched against it
 * (tls: failed to parse private key, tls: private key does not match public key).
 */
function checkKeyPair(cert: string, key: string): void {
  const certTypes = pemTypes(cert);
  if (!certTypes.includes('CERTIFICATE')) {
    if (certTypes.length === 0) throw new KubectlError('tls: failed to find any PEM data in certificate input', PEM_FR);
    if (certTypes.length === 1 && certTypes[0]!.endsWith('PRIVATE KEY')) {
      throw new KubectlError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched', 'On dirait que --cert et --key sont inversés : --cert=tls.crt (le certificat), --key=tls.key (la clé privée).');
    }
    throw new KubectlError(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(certTypes)}`, PEM_FR);
  }
  const skipped: string[] = [];
  for (const type of pemTypes(key)) {
    if (type === 'PRIVATE KEY' || type.endsWith(' PRIVATE KEY')) return;
    skipped.push(type);
  }
  if (skipped.length === 0) throw new KubectlError('tls: failed to find any PEM data in key input', PEM_FR);
  if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new KubectlError('tls: found a certificate rather than a key in the PEM for the private key', 'Le fichier de --key contient un certificat : donne la clé privée (-----BEGIN PRIVATE KEY-----).');
  throw new KubectlError(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(skipped)}`, PEM_FR);
}

/** Secret's Go field order: kind, apiVersion, metadata, data, type. */
function secret(name: string, data: Record<string, string>, type: string): Record<string, unknown> {
  return { kind: 'Secret', apiVersion: 'v1', metadata: { name }, data, type };
}

export const SECRET_TLS: Command = {
  summary: 'Create a TLS secret',
  flags: [...COMMON, { name: 'cert', type: 'string' }, { name: 'key', type: 'string' }],
  run(context) {
    const name = oneName(context, 'kubectl create secret tls web-tls --cert=tls.crt --key=tls.key');
    const certPath = context.flags.string('cert');
    const keyPath = context.flags.string('key');
    if (certPath === '' || keyPath === '') throw new KubectlError('key and cert must be specified', 'Donne les deux fichiers : --cert=tls.crt --key=tls.key.');
    const cert = readFile(context, certPath);
    const key = readFile(context, keyPath);
    checkKeyPair(cert, key);
    createOrFail(context, SECRETS, secret(name, { 'tls.crt': base64Text(cert), 'tls.key': base64Text(key) }, 'kubernetes.io/tls'), 'secret');
  },
};

/** create_secret_docker.go's default --docker-server. */
const DOCKER_HUB = 'https://index.docker.io/v1/';

/**
 * handleDockerCfgJSONContent: `{"auths":{SERVER:{"username","password","email","auth"}}}`,
 * auth being base64("username:password"), email omitted when empty.
 */
function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry = { username, password, ...(email !== '' ? { email } : {}), auth: base64Text(`${username}:${password}`) };
  return goJson({ auths: { [server]: entry } });
}

export const SECRET_DOCKER_REGISTRY: Command = {
  summary: 'Create a secret for use with a Docker registry',
  flags: [
    ...COMMON,
    { name: 'docker-username', type: 'string' },
    { name: 'docker-password', type: 'string' },
    { name: 'docker-email', type: 'string' },
    { name: 'docker-server', type: 'string' },
  ],
  run(context) {
    const name = oneName(context, 'kubectl create secret docker-registry registre --docker-server=registre.exemple.com --docker-username=moi --docker-password=secret');
    const username = context.flags.string('docker-username');
    const password = context.flags.string('docker-password');
    const server = context.flags.has('docker-server') ? context.flags.string('docker-server') : DOCKER_HUB;
    if (username === '' || password === '' || server === '') {
      throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required', 'Donne les identifiants du registre : --docker-username=moi --docker-password=secret (et --docker-server=registre.exemple.com hors Docker Hub).');
    }
    const config = dockerConfigJson(username, password, context.flags.string('docker-email'), server);
    createOrFail(context, SECRETS, secret(name, { '.dockerconfigjson': base64Text(config) }, 'kubernetes.io/dockerconfigjson'), 'secret');
  },
};
