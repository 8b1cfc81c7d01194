/**
 * `kubectl apply -f FILE|DIR` (client-side apply, kubectl v1.30's apply.go): every object
 * of the files, in order; `deployment.apps/web created|configured|unchanged` for each;
 * the errors (files that do not parse, kinds the server does not know, what the API
 * server refuses) after, each as kubectl prints it, with the file named
 * (`error when creating "web.yaml": ...`).
 */
import { StatusError } from '../../api/errors';
import { apply, LAST_APPLIED_ANNOTATION } from '../../store/apply';
import { deepEqual, goJson, isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { printObject } from '../output';
import type { Command, CommandContext } from './context';
import { addSource, KubectlError, throwAll, UsageError } from './errors';
import { FILENAME_FLAGS, OUTPUT_FLAG } from './get';
import { loadManifests, type Manifest } from './manifests';
import type { FlagSpec } from './parse';

export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', optional: 'unchanged' };

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'validate', type: 'string', optional: 'strict' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
];

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy. */
export function dryRunOf(context: CommandContext): DryRun {
  const value = context.flags.string('dry-run', 'none');
  if (value === 'unchanged') {
    // kubectl logs this through klog (with a timestamp); the simulation keeps the text only.
    context.out.err('Warning: --dry-run is deprecated and can be replaced with --dry-run=client.\n');
    return 'client';
  }
  if (value === 'none' || value === 'client' || value === 'server') return value;
  throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`, '--dry-run accepte none, client (rien n’est envoyé) ou server (le serveur vérifie sans rien enregistrer).');
}

/** The suffix kubectl adds to result lines in a dry run. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** A JSON merge patch from `from` to `to`: what changed, `null` for what went. */
function mergeDiff(from: unknown, to: unknown): unknown {
  if (!isJsonObject(from) || !isJsonObject(to)) return to;
  const patch: JsonObject = {};
  for (const key of Object.keys(to)) {
    if (!deepEqual(from[key], to[key])) patch[key] = key in from ? mergeDiff(from[key], to[key]) : to[key];
  }
  for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}

/**
 * The patch kubectl would have sent (the new last-applied annotation and what changed
 * since the last apply): printed in `error when applying patch:` messages.
 */
function patchText(manifest: Manifest, live: JsonObject | undefined): string {
  const annotations = isJsonObject(live?.metadata) && isJsonObject(live.metadata.annotations) ? live.metadata.annotations : {};
  const lastApplied = annotations[LAST_APPLIED_ANNOTATION];
  let original: unknown = {};
  try {
    original = typeof lastApplied === 'string' ? JSON.parse(lastApplied) : {};
  } catch {
    original = {};
  }
  return goJson(mergeDiff(original, manifest.object));
}

/** Info.String(): `Resource: "apps/v1, Resource=deployments", GroupVersionKind: ...`. */
function infoText(manifest: Manifest, name: string, namespace: string): string {
  const { info } = manifest;
  return `Resource: "${info.group}/${info.version}, Resource=${info.resource}", GroupVersionKind: "${info.group}/${info.version}, Kind=${info.kind}"\nName: ${JSON.stringify(name)}, Namespace: ${JSON.stringify(namespace)}`;
}

/** Mirrors apply.go: the GET of the live object; an error other than NotFound stops this object. */
function liveObject(context: CommandContext, manifest: Manifest, name: string, namespace: string): KubeObject | undefined {
  try {
    return context.cluster.store.find(manifest.info, namespace, name);
  } catch (error) {
    throw addSource(`retrieving current configuration of:\n${infoText(manifest, name, namespace)}\nfrom server for:`, manifest.source, error);
  }
}

function applyOne(context: CommandContext, manifest: Manifest, dryRun: DryRun): void {
  const { info, object, source } = manifest;
  const meta = isJsonObject(object.metadata) ? object.metadata : {};
  const declared = typeof meta.namespace === 'string' ? meta.namespace : '';
  if (info.namespaced && context.namespaceGiven && declared !== '' && declared !== context.namespace) {
    throw new KubectlError(
      `the namespace from the provided object ${JSON.stringify(declared)} does not match the namespace ${JSON.stringify(context.namespace)}. You must pass '--namespace=${declared}' to perform this operation.`,
      `Le manifeste dit « namespace: ${declared} » mais la commande dit « -n ${context.namespace} » : enlève l'un des deux, ou mets-les d'accord.`,
    );
  }
  const namespace = info.namespaced ? declared || context.namespace : '';
  const name = typeof meta.name === 'string' ? meta.name : '';
  const live = name === '' ? undefined : liveObject(context, manifest, name, namespace);
  try {
    const result = apply(context.cluster.store, object, { namespace: context.namespace, dryRun: dryRun !== 'none' });
    if (result.warning) context.out.err(`${result.warning}\n`);
    const output = context.flags.string('output');
    if (output === 'yaml' || output === 'json') context.out.out(printObject(result.object, output));
    else if (output === 'name') context.out.out(`${result.text.split(' ')[0]!}\n`);
    else context.out.out(`${result.text.replace(/ \(server dry run\)$/, '')}${dryRunSuffix(dryRun)}\n`);
  } catch (error) {
    if (!(error instanceof StatusError) || !live) throw addSource('creating', source, error);
    if (error.reason === 'Invalid') throw error;
    const verb = `applying patch:\n${patchText(manifest, live)}\nto:\n${infoText(manifest, name, namespace)}\nfor:`;
    throw addSource(verb, source, addSource('patching', source, error));
  }
}

function runApply(context: CommandContext): void {
  const paths = context.flags.list('filename');
  if (context.flags.string('kustomize') !== '') {
    throw new KubectlError('kustomize is not available in the simulated cluster', "Le cluster simulé n'exécute pas kustomize : applique les fichiers YAML directement avec -f.");
  }
  if (paths.length === 0) throw new KubectlError('must specify one of -f and -k', 'Dis à kubectl quoi appliquer : « kubectl apply -f fichier.yaml » (ou un dossier).');
  if (context.args.length > 0) {
    throw new UsageError(`Unexpected args: [${context.args.join(' ')}]`, 'kubectl apply ne prend que des fichiers, avec -f : « kubectl apply -f web.yaml ».');
  }
  const dryRun = dryRunOf(context);
  const { manifests, errors } = loadManifests(paths, context.files, context.flags.bool('recursive'));
  if (manifests.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply', 'Les fichiers donnés ne contiennent aucun objet Kubernetes.');
  for (const manifest of manifests) {
    try {
      applyOne(context, manifest, dryRun);
    } catch (error) {
      errors.push(error);
    }
  }
  throwAll(errors);
}

export const APPLY: Command = { summary: 'Apply a configuration to a resource by file name or stdin', flags: FLAGS, run: runApply };
