/**
 * `kubectl apply -f` and `kubectl delete -f` against a real cluster, reported like the
 * simulated ones (cluster/service.ts): one result per object in kubectl's words. Apply is
 * server-side apply with the field manager `atelier-kubernetes`, forcing conflicts as the
 * file is what the learner means (`kubectl apply --server-side --force-conflicts`); its
 * outcome is told with client-side apply's words, created / configured / unchanged
 * (unchanged when the server kept the resourceVersion). No `vscode` here.
 */
import type { KindInfo } from '../../../simulator/src/api/catalog';
import { objectReference } from '../../../simulator/src/store/apply';
import type { KubeObject } from '../../../simulator/src/store/store';
import { declaredObjects, type DeclaredObject } from '../../../simulator/src/kubectl/commands/manifests';
import { problemOf, type Verb } from '../cluster/errors';
import type { ObjectResult, Report, SourceText } from '../cluster/service';
import type { RemoteClient } from './remote';
import { kubectlText, RemoteError } from './remoteErrors';

/** The field manager the Atelier applies as (metadata.managedFields shows it). */
export const FIELD_MANAGER = 'atelier-kubernetes';

/** Every document of the sources, as kubectl reads them. */
export function declaredIn(sources: readonly SourceText[]): DeclaredObject[] {
  return sources.flatMap(({ source, text, lineOffset }) => declaredObjects(text, source, lineOffset));
}

/** `deployment.apps/web` of each object the sources declare with a name (for the confirmation). */
export function declaredReferences(sources: readonly SourceText[]): string[] {
  return declaredIn(sources).flatMap(({ object, info }) => {
    const name = (object?.metadata as { name?: unknown } | undefined)?.name;
    return info && typeof name === 'string' && name !== '' ? [objectReference(info, name)] : [];
  });
}

function nameAndNamespace(object: KubeObject): { name: string; namespace: string } {
  const meta = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  return { name: typeof meta.name === 'string' ? meta.name : '', namespace: typeof meta.namespace === 'string' ? meta.namespace : '' };
}

const resourceVersionOf = (object: KubeObject): string => {
  const version = (object.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;
  return typeof version === 'string' ? version : '';
};

/** One object's failure: kubectl's line (as for the simulated cluster) and the French beside it. */
function failure(declared: DeclaredObject, reference: string, error: unknown, verb: Verb, info: KindInfo, name: string): ObjectResult {
  const base = { source: declared.source, line: declared.line, reference, outcome: 'failed' as const };
  if (error instanceof RemoteError && (error.code === 0 || error.code === 401)) return { ...base, text: kubectlText(error), fr: error.fr };
  const problem = problemOf(error instanceof RemoteError ? error.toStatusError() : error, verb, declared.source, info, name);
  return { ...base, text: problem.message, fr: problem.fr };
}

/** `deployment.apps "web"`: how kubectl delete names an object. */
const deletedName = (info: KindInfo, name: string): string => `${info.kind.toLowerCase()}${info.group === '' ? '' : `.${info.group}`} ${JSON.stringify(name)}`;

/** One object's result, and the error of a server that could not be reached (the next objects are not tried). */
type Outcome = ObjectResult & { unreachable?: RemoteError };

type Act = (declared: DeclaredObject & { object: KubeObject; info: KindInfo }, target: { name: string; namespace: string; path: string; reference: string }) => Promise<Outcome>;

/** Runs `act` on each object in order; after a server that cannot be reached, the rest fail alike without trying. */
async function each(client: RemoteClient, operation: Report['operation'], sources: readonly SourceText[], act: Act): Promise<Report> {
  const results: Outcome[] = [];
  let unreachable: RemoteError | undefined;
  for (const declared of declaredIn(sources)) {
    const { object, info } = declared;
    if (!object || !info) {
      results.push({ source: declared.source, line: declared.line, reference: '', outcome: 'failed', text: declared.problem!.message, fr: declared.problem!.fr });
      continue;
    }
    const { name, namespace } = nameAndNamespace(object);
    const reference = name === '' ? '' : objectReference(info, name);
    if (name === '') {
      results.push({ source: declared.source, line: declared.line, reference, outcome: 'failed', text: 'error: resource name may not be empty', fr: 'Il manque metadata.name : kubectl ne sait pas quel objet viser.' });
      continue;
    }
    if (unreachable) {
      results.push(failure(declared, reference, unreachable, 'creating', info, name));
      continue;
    }
    const ns = info.namespaced ? namespace || client.namespace : '';
    const result = await act({ ...declared, object, info }, { name, namespace: ns, path: client.resourcePath(info, ns, name), reference });
    results.push(result);
    unreachable ??= result.unreachable;
  }
  return { operation, sources: sources.map((s) => s.source), results: results.map(({ unreachable: _, ...result }) => result) };
}

/** `kubectl apply -f` of the sources on the real cluster. */
export function applyRemote(client: RemoteClient, sources: readonly SourceText[]): Promise<Report> {
  return each(client, 'apply', sources, async (declared, { name, namespace, path, reference }) => {
    const { object, info } = declared;
    let before: string | undefined;
    try {
      before = resourceVersionOf(await client.json('GET', path));
    } catch (error) {
      if (!(error instanceof RemoteError) || error.code !== 404) return withCause(failure(declared, reference, error, 'patching', info, name), error);
    }
    const metadata = { ...(object.metadata as Record<string, unknown>), ...(info.namespaced ? { namespace } : {}) };
    try {
      const response = await client.request('PATCH', path, { query: { fieldManager: FIELD_MANAGER, force: 'true' }, body: JSON.stringify({ ...object, metadata }), contentType: 'application/apply-patch+yaml' });
      const outcome = before === undefined ? 'created' : before === resourceVersionOf(JSON.parse(response.text) as KubeObject) ? 'unchanged' : 'configured';
      const warning = response.warnings.map((text) => `Warning: ${text}`).join('\n');
      return { source: declared.source, line: declared.line, reference, outcome, text: `${reference} ${outcome}`, ...(warning ? { warning } : {}) };
    } catch (error) {
      return withCause(failure(declared, reference, error, before === undefined ? 'creating' : 'patching', info, name), error);
    }
  });
}

/** `kubectl delete -f` of the sources on the real cluster. */
export function deleteRemote(client: RemoteClient, sources: readonly SourceText[]): Promise<Report> {
  return each(client, 'delete', sources, async (declared, { name, path, reference }) => {
    try {
      await client.request('DELETE', path, { body: JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' }), contentType: 'application/json' });
      return { source: declared.source, line: declared.line, reference, outcome: 'deleted', text: `${deletedName(declared.info, name)} deleted` };
    } catch (error) {
      return withCause(failure(declared, reference, error, 'deleting', declared.info, name), error);
    }
  });
}

/** Remembers that the server could not be reached, so that the next objects are not tried. */
function withCause(result: ObjectResult, error: unknown): Outcome {
  return error instanceof RemoteError && error.unreachable ? { ...result, unreachable: error } : result;
}
