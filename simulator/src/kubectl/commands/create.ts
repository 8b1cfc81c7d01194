/**
 * `kubectl create`: `-f FILE|DIR` (create only: an existing object is an AlreadyExists
 * error), and the generators kubectl v1.30 builds objects with: `create namespace`,
 * `create deployment --image --replicas --port [-- COMMAND]`, `create configmap
 * --from-literal --from-file`, `create secret generic --from-literal --from-file`,
 * `create serviceaccount`.
 * The objects are the ones kubectl sends (see `--dry-run=client -o yaml` on a real
 * kubectl); the API server then defaults them.
 */
import { base64Text } from '../../bytes';
import { kindInfo } from '../../api/catalog';
import { isConfigMapKey } from '../../api/validation/rules/formats';
import { dryRunOf } from './apply';
import type { Command, CommandContext, CommandGroup } from './context';
import { addSource, KubectlError, throwAll, UsageError } from './errors';
import { FILENAME_FLAGS } from './get';
import { expandPaths, loadManifests } from './manifests';
import type { FlagSpec } from './parse';
import { COMMON, createObject, oneName, report } from './create/common';
import { CRONJOB, JOB } from './create/job';
import { CLUSTER_ROLE, CLUSTER_ROLE_BINDING, ROLE, ROLE_BINDING } from './create/rbac';
import { INGRESS } from './create/ingress';
import { PDB } from './create/pdb';
import { QUOTA } from './create/quota';
import { SECRET_DOCKER_REGISTRY, SECRET_TLS } from './create/secret';
import { SERVICE } from './create/service';
import { TOKEN } from './create/token';

function runCreateFiles(context: CommandContext): void {
  const paths = context.flags.list('filename');
  if (paths.length === 0) {
    if (context.args.length > 0) throw new UsageError(`Unexpected args: [${context.args.join(' ')}]`, `Sous-commandes de kubectl create ici : ${Object.keys(CREATE.subcommands).join(', ')} ; ou « kubectl create -f fichier.yaml ».`);
    throw new KubectlError('must specify one of -f and -k', 'Dis à kubectl quoi créer : « kubectl create -f fichier.yaml », ou « kubectl create deployment web --image=nginx ».');
  }
  const dryRun = dryRunOf(context);
  const { manifests, errors } = loadManifests(paths, context.files, context.flags.bool('recursive'));
  if (manifests.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to create', 'Les fichiers donnés ne contiennent aucun objet Kubernetes.');
  for (const { info, object, source } of manifests) {
    try {
      const copy = { ...object, metadata: { ...((object.metadata ?? {}) as Record<string, unknown>) } };
      if (info.namespaced && !copy.metadata.namespace) copy.metadata.namespace = context.namespace;
      const created = dryRun === 'client' ? copy : context.cluster.store.create(copy, { dryRun: dryRun === 'server' });
      report(context, info, created, dryRun);
    } catch (error) {
      errors.push(addSource('creating', source, error));
    }
  }
  throwAll(errors);
}

const NAMESPACES = kindInfo('v1', 'Namespace')!;
const DEPLOYMENTS = kindInfo('apps/v1', 'Deployment')!;
const SERVICE_ACCOUNTS = kindInfo('v1', 'ServiceAccount')!;
const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;
const SECRETS = kindInfo('v1', 'Secret')!;

const NAMESPACE: Command = {
  summary: 'Create a namespace with the specified name',
  flags: COMMON,
  run(context) {
    createObject(context, NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: oneName(context) }, spec: {} });
  },
};

const SERVICE_ACCOUNT: Command = {
  summary: 'Create a service account with the specified name',
  flags: COMMON,
  run(context) {
    createObject(context, SERVICE_ACCOUNTS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: oneName(context) } });
  },
};

/** Mirrors create_deployment.go's buildPodSpec: the container is named after the image. */
function containerName(image: string, random: () => string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  // sanitizeAndUniquify: `_` and `.` are not DNS-1123, so kubectl replaces them and adds 5 random characters.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${random()}`;
  return name;
}

const DEPLOYMENT: Command = {
  summary: 'Create a deployment with the specified name',
  flags: [...COMMON, { name: 'image', type: 'stringSlice' }, { name: 'replicas', short: 'r', type: 'int' }, { name: 'port', type: 'int' }],
  run(context) {
    const images = context.flags.list('image');
    if (images.length === 0) throw new KubectlError('required flag(s) "image" not set', 'Il faut une image : « kubectl create deployment web --image=nginx ».');
    if (context.args.length === 0) throw new UsageError('exactly one NAME is required, got 0', 'Donne un nom : « kubectl create deployment web --image=nginx ».');
    const [name, ...command] = context.args as [string, ...string[]];
    if (command.length > 0 && images.length > 1) throw new KubectlError('cannot specify multiple --image options and command', 'Une commande (après --) ne va qu’avec une seule image.');
    const random = (): string => context.cluster.store.random.nameSuffix();
    const containers: Record<string, unknown>[] = images.map((image) => ({ image, name: containerName(image, random), resources: {} }));
    if (command.length > 0) containers[0]!.command = command;
    const port = context.flags.int('port', -1);
    if (port >= 0) containers[0]!.ports = [{ containerPort: port }];
    const labels = { app: name };
    createObject(context, DEPLOYMENTS, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels, name },
      spec: { replicas: context.flags.int('replicas', 1), selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers } } },
    });
  },
};

/** `--from-literal=key=value` and `--from-file=[key=]path` into a data map. */
function sourcesToData(context: CommandContext, kind: string, encode: (text: string) => string, duplicate: (key: string) => string): Record<string, string> {
  const data: Record<string, string> = {};
  const put = (key: string, value: string): void => {
    const problems = isConfigMapKey(key);
    if (problems.length > 0) {
      throw new KubectlError(`${JSON.stringify(key)} is not a valid key name for a ${kind}: ${problems.join(';')}`, 'Une clé ne peut contenir que des lettres, chiffres, « - », « _ » et « . ».');
    }
    if (Object.hasOwn(data, key)) throw new KubectlError(duplicate(key), `La clé « ${key} » est donnée deux fois.`);
    data[key] = encode(value);
  };
  for (const literal of context.flags.list('from-literal')) {
    const equals = literal.indexOf('=');
    if (equals <= 0) throw new KubectlError(`invalid literal source ${literal}, expected key=value`, 'Écris --from-literal=clé=valeur (par exemple --from-literal=MODE=prod).');
    put(literal.slice(0, equals), literal.slice(equals + 1));
  }
  for (const source of context.flags.list('from-file')) {
    const equals = source.indexOf('=');
    const key = equals > 0 ? source.slice(0, equals) : undefined;
    const path = equals > 0 ? source.slice(equals + 1) : source;
    for (const file of expandPaths([path], context.files, false)) put(key ?? file.split('/').pop()!, context.files[file]!);
  }
  return data;
}

/** Standard base64 of the UTF-8 bytes of `text` (what a Secret's data holds). */
export const base64 = base64Text;

const SOURCE_FLAGS: readonly FlagSpec[] = [{ name: 'from-literal', type: 'stringArray' }, { name: 'from-file', type: 'stringSlice' }, { name: 'append-hash', type: 'bool' }];

const CONFIGMAP: Command = {
  summary: 'Create a config map from a local file, directory or literal value',
  flags: [...COMMON, ...SOURCE_FLAGS],
  run(context) {
    const name = oneName(context);
    const data = sourcesToData(context, 'ConfigMap', (text) => text, (key) => `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
    createObject(context, CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, ...(Object.keys(data).length > 0 ? { data } : {}) });
  },
};

const SECRET_GENERIC: Command = {
  summary: 'Create a secret from a local file, directory, or literal value',
  flags: [...COMMON, ...SOURCE_FLAGS, { name: 'type', type: 'string' }],
  run(context) {
    const name = oneName(context);
    const data = sourcesToData(context, 'Secret', base64, (key) => `cannot add key ${key}, another key by that name already exists`);
    const type = context.flags.string('type');
    createObject(context, SECRETS, { apiVersion: 'v1', kind: 'Secret', metadata: { name }, ...(Object.keys(data).length > 0 ? { data } : {}), ...(type ? { type } : {}) });
  },
};

const SECRET: CommandGroup = {
  summary: 'Create a secret using a specified subcommand',
  help: 'Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.\n\nAvailable Commands:\n  docker-registry   Create a secret for use with a Docker registry\n  generic           Create a secret from a local file, directory, or literal value\n  tls               Create a TLS secret\n\nUsage:\n  kubectl create secret (docker-registry | generic | tls) [options]\n',
  subcommands: { 'docker-registry': SECRET_DOCKER_REGISTRY, generic: SECRET_GENERIC, tls: SECRET_TLS },
};

export const CREATE: CommandGroup = {
  summary: 'Create a resource from a file or from stdin',
  help: '',
  command: { summary: 'Create a resource from a file or from stdin', flags: [...COMMON, ...FILENAME_FLAGS], run: runCreateFiles },
  subcommands: {
    clusterrole: CLUSTER_ROLE,
    clusterrolebinding: CLUSTER_ROLE_BINDING,
    configmap: CONFIGMAP,
    cronjob: CRONJOB,
    deployment: DEPLOYMENT,
    ingress: INGRESS,
    job: JOB,
    namespace: NAMESPACE,
    poddisruptionbudget: PDB,
    quota: QUOTA,
    role: ROLE,
    rolebinding: ROLE_BINDING,
    secret: SECRET,
    service: SERVICE,
    serviceaccount: SERVICE_ACCOUNT,
    token: TOKEN,
  },
  aliases: { ns: 'namespace', deploy: 'deployment', cm: 'configmap', sa: 'serviceaccount', svc: 'service', cj: 'cronjob', ing: 'ingress', pdb: 'poddisruptionbudget', resourcequota: 'quota' },
};
