import type { ManifestFile } from '../documents/file';
import type { KnownResource } from './resources';

/** The Kubernetes objects a parsed file declares, for the resource index. */
export function resourcesOf(file: ManifestFile): KnownResource[] {
  const out: KnownResource[] = [];
  for (const { parsed } of file.documents) {
    if (!parsed.isKubernetes || parsed.name === undefined) continue;
    out.push({
      apiVersion: parsed.apiVersion!,
      kind: parsed.kind!,
      name: parsed.name,
      namespace: parsed.namespace,
      source: 'workspace',
      uri: file.uri,
      object: parsed.value as Record<string, unknown>,
    });
  }
  return out;
}
