/**
 * `kubectl apply` (client-side apply, kubectl v1.30): create the object if it is absent,
 * else merge the manifest into the live object three ways against the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation, and report
 * `deployment.apps/web created|configured|unchanged` as kubectl prints it.
 */
import type { KindInfo } from '../api/catalog';
import { clone, deepEqual, goJson, isJsonObject, type JsonObject } from './json';
import { metadataOf } from './registry';
import { resolveKind, type KubeObject, type ObjectStore } from './store';
import { threeWayMerge } from './threeway';

/** The annotation where kubectl keeps the manifest it last applied. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface ApplyOptions {
  /** The namespace for a namespaced manifest that names none (kubectl's `-n`); default `default`. */
  namespace?: string;
  /** Accepted for kubectl's flag; client-side apply records no managedFields here. */
  fieldManager?: string;
  /** `--dry-run=server`: the API server checks everything and stores nothing. */
  dryRun?: boolean;
}

export interface ApplyResult {
  /** The object as the API server returned it. */
  object: KubeObject;
  action: ApplyAction;
  /** What kubectl prints: `deployment.apps/web configured`. */
  text: string;
  /** kubectl's warning when the live object was not created by apply. */
  warning?: string;
}

/** An error kubectl itself raises before reaching the API server. */
export class ApplyError extends Error {
  constructor(
    message: string,
    /** A French explanation for learners. */
    readonly fr: string,
  ) {
    super(message);
    this.name = 'ApplyError';
  }
}

/** `deployment.apps/web`, `service/web`: what kubectl's name printer writes for an object. */
export function objectReference(info: Pick<KindInfo, 'kind' | 'group'>, name: string): string {
  return `${info.kind.toLowerCase()}${info.group === '' ? '' : `.${info.group}`}/${name}`;
}

/**
 * The manifest as kubectl sends it: namespace filled in, and the last-applied annotation
 * set to the manifest itself (without that annotation) as compact JSON with sorted keys
 * and a final newline, as kubectl's GetModifiedConfiguration encodes it.
 */
export function modifiedConfiguration(info: KindInfo, manifest: KubeObject, namespace = 'default'): KubeObject {
  const object = clone(manifest);
  const meta = isJsonObject(object.metadata) ? object.metadata : (object.metadata = {});
  if (info.namespaced && (typeof meta.namespace !== 'string' || meta.namespace === '')) meta.namespace = namespace;
  const annotations: JsonObject = isJsonObject(meta.annotations) ? { ...meta.annotations } : {};
  delete annotations[LAST_APPLIED_ANNOTATION];
  // An empty map, not an absent one: upstream's JSON then reads "annotations":{}.
  meta.annotations = annotations;
  const lastApplied = `${goJson(object)}\n`;
  meta.annotations = { ...annotations, [LAST_APPLIED_ANNOTATION]: lastApplied };
  return object;
}

/**
 * Applies one manifest. Throws the API server's StatusError (validation, conflicts,
 * namespaces) or an ApplyError for what kubectl refuses itself.
 */
export function apply(store: ObjectStore, manifest: KubeObject, options: ApplyOptions = {}): ApplyResult {
  const info = resolveKind(manifest, 'patch');
  const modified = modifiedConfiguration(info, manifest, options.namespace);
  const meta = metadataOf(modified);
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (name === '') {
    if (typeof meta.generateName === 'string' && meta.generateName !== '') {
      throw new ApplyError(`from ${meta.generateName}: cannot use generate name with apply`, "kubectl apply a besoin d'un nom fixe (metadata.name) pour retrouver l'objet la fois suivante : generateName ne s'utilise qu'avec kubectl create.");
    }
    throw new ApplyError('resource name may not be empty', 'Il manque metadata.name : kubectl apply ne sait pas quel objet créer ou mettre à jour.');
  }
  const suffix = options.dryRun ? ' (server dry run)' : '';
  const result = (object: KubeObject, action: ApplyAction, warning?: string): ApplyResult => ({
    object,
    action,
    text: `${objectReference(info, name)} ${action}${suffix}`,
    ...(warning === undefined ? {} : { warning }),
  });
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  // Read in place (the merge copies what it changes): one copy less on the hot path.
  const live = store.registry.get(info, namespace, name);
  if (!live) return result(store.create(modified, { dryRun: options.dryRun }), 'created');

  const annotation = (metadataOf(live).annotations as JsonObject | undefined)?.[LAST_APPLIED_ANNOTATION];
  let original: JsonObject | undefined;
  let warning: string | undefined;
  if (typeof annotation === 'string') {
    try {
      const parsed: unknown = JSON.parse(annotation);
      original = isJsonObject(parsed) ? parsed : undefined;
    } catch {
      original = undefined;
    }
  } else {
    warning =
      `Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. ` +
      'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
      'The missing annotation will be patched automatically.';
  }
  const merged = threeWayMerge(original, modified, live, info.definition);
  if (deepEqual(merged, live)) return result(clone(live), 'unchanged', warning);
  return result(store.update(merged, { dryRun: options.dryRun }), 'configured', warning);
}
