/**
 * `kubectl replace -f FILE [--force] [--dry-run] [-o]` (kubectl v1.30's replace.go): every
 * object of the files is PUT whole, `deployment.apps/web replaced`; an object that does
 * not exist is NotFound and a stale metadata.resourceVersion a Conflict, each named after
 * its file (`error when replacing "web.yaml": ...`). With --force, forceReplace: delete
 * what exists (`deployment.apps "web" deleted`), let simulated time pass until it is gone
 * (kubectl polls every second, 5 minutes or --timeout at most), then create it again.
 */
import { isJsonObject } from '../../store/json';
import type { DeleteOptions, KubeObject } from '../../store/store';
import { printObject } from '../output';
import { deletedLine, kindWithGroup, resultLine } from '../results';
import { dryRunOf, DRY_RUN_FLAG, type DryRun } from './apply';
import type { Command, CommandContext } from './context';
import { addSource, KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, OUTPUT_FLAG } from './get';
import { loadManifests, type Manifest } from './manifests';
import type { FlagSpec } from './parse';
import { passTimeUntil } from './wait';

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'timeout', type: 'duration' },
  { name: 'cascade', type: 'string', optional: 'background' },
  { name: 'wait', type: 'bool' },
  { name: 'validate', type: 'string', optional: 'strict' },
  { name: 'field-manager', type: 'string' },
];

/** forceReplace's default wait for the deletion. */
const FORCE_TIMEOUT_MS = 5 * 60_000;

/** The object with its namespace settled: the file's, else -n's (the builder's NamespaceParam). */
function placed(context: CommandContext, manifest: Manifest): { object: KubeObject; namespace: string; name: string } {
  const meta = isJsonObject(manifest.object.metadata) ? manifest.object.metadata : {};
  const declared = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (manifest.info.namespaced && context.namespaceGiven && declared !== '' && declared !== context.namespace) {
    throw new KubectlError(
      `the namespace from the provided object ${JSON.stringify(declared)} does not match the namespace ${JSON.stringify(context.namespace)}. You must pass '--namespace=${declared}' to perform this operation.`,
      `Le manifeste dit « namespace: ${declared} » mais la commande dit « -n ${context.namespace} » : enlève l'un des deux, ou mets-les d'accord.`,
    );
  }
  const namespace = manifest.info.namespaced ? declared || context.namespace : '';
  const object: KubeObject = { ...manifest.object, metadata: { ...meta, ...(manifest.info.namespaced ? { namespace } : {}) } };
  return { object, namespace, name: typeof meta.name === 'string' ? meta.name : '' };
}

function print(context: CommandContext, manifest: Manifest, object: KubeObject, name: string, dryRun: DryRun): void {
  const output = context.flags.string('output');
  if (output === 'yaml' || output === 'json') context.out.out(printObject(object, output));
  else if (output === 'name') context.out.out(`${kindWithGroup(manifest.info)}/${name}\n`);
  else context.out.out(resultLine(manifest.info, name, 'replaced', dryRun === 'none' ? undefined : dryRun));
}

function replaceOne(context: CommandContext, manifest: Manifest, dryRun: DryRun): void {
  const { object, name } = placed(context, manifest);
  if (dryRun === 'client') {
    print(context, manifest, object, name, dryRun);
    return;
  }
  try {
    const result = context.cluster.store.update(object, { dryRun: dryRun === 'server' });
    print(context, manifest, result, name, dryRun);
  } catch (error) {
    throw addSource('replacing', manifest.source, error);
  }
}

/** Mirrors forceReplace: delete (NotFound ignored), wait for each to be gone, create. */
function forceReplace(context: CommandContext, manifests: readonly Manifest[], errors: unknown[]): void {
  const { flags, out, cluster } = context;
  const options: DeleteOptions = {};
  const cascade = flags.string('cascade', 'background');
  options.propagationPolicy = cascade === 'foreground' ? 'Foreground' : cascade === 'orphan' || cascade === 'false' ? 'Orphan' : 'Background';
  const grace = flags.int('grace-period', -1);
  // replace.go: --grace-period=0 becomes 1 (and a wait), to avoid losing data by accident.
  if (grace >= 0) options.gracePeriodSeconds = grace === 0 ? 1 : grace;
  const targets = manifests.map((manifest) => ({ manifest, ...placed(context, manifest) }));
  for (const { manifest, namespace, name } of targets) {
    if (!cluster.store.find(manifest.info, namespace, name)) continue;
    cluster.store.delete(manifest.info, namespace, name, options);
    if (flags.string('output') === 'name') out.out(`${kindWithGroup(manifest.info)}/${name}\n`);
    else out.out(deletedLine(manifest.info, name));
  }
  const timeout = flags.int('timeout', 0) || FORCE_TIMEOUT_MS;
  const deadline = cluster.clock.now() + timeout;
  for (const { manifest, namespace, name } of targets) {
    // wait.PollImmediate's own error text.
    if (!passTimeUntil(context, deadline, () => !cluster.store.find(manifest.info, namespace, name))) {
      throw new KubectlError('timed out waiting for the condition', `« ${name} » n'a pas disparu à temps (finaliseurs, arrêt d'un Pod) : regarde « kubectl get ${manifest.info.resource} ${name} -o yaml ».`);
    }
  }
  for (const { manifest, object, name } of targets) {
    try {
      print(context, manifest, cluster.store.create(object), name, 'none');
    } catch (error) {
      errors.push(error);
    }
  }
}

function runReplace(context: CommandContext): void {
  const { flags } = context;
  const dryRun = dryRunOf(context);
  if (flags.string('kustomize') !== '') throw new KubectlError('kustomize is not available in the simulated cluster', "Le cluster simulé n'exécute pas kustomize : donne les fichiers YAML avec -f.");
  const paths = flags.list('filename');
  if (paths.length === 0) throw new KubectlError('must specify one of -f and -k', 'Donne le fichier qui remplace l’objet : « kubectl replace -f web.yaml ».');
  const force = flags.bool('force');
  if (flags.has('grace-period') && flags.int('grace-period', -1) >= 0 && !force) throw new KubectlError('--grace-period must have --force specified', '--grace-period ne sert qu’avec --force (supprimer puis recréer).');
  if (flags.int('timeout', 0) !== 0 && !force) throw new KubectlError('--timeout must have --force specified', '--timeout ne sert qu’avec --force (le temps laissé à la suppression).');
  if (force && dryRun !== 'none') throw new KubectlError('--dry-run can not be used when --force is set', 'Avec --force, kubectl supprime vraiment l’objet : --dry-run ne peut pas l’accompagner.');
  const { manifests, errors } = loadManifests(paths, context.files, flags.bool('recursive'));
  if (force) {
    forceReplace(context, manifests, errors);
    if (manifests.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to replace', 'Les fichiers donnés ne contiennent aucun objet Kubernetes.');
  } else {
    for (const manifest of manifests) {
      try {
        replaceOne(context, manifest, dryRun);
      } catch (error) {
        errors.push(error);
      }
    }
  }
  throwAll(errors);
}

export const REPLACE: Command = { summary: 'Replace a resource by file name or stdin', flags: FLAGS, run: runReplace };
