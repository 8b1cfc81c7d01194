/**
 * The cluster's state as YAML, for "Exporter" and "Importer": a header document (format,
 * simulated time, resourceVersion counter, random state), then one document per stored
 * object, readable and lossless. Importing gives back the very cluster that was exported.
 */
import { parseAllDocuments, stringify } from 'yaml';
import type { ClusterSnapshot } from '../../../simulator/src/cluster';
import { SNAPSHOT_FORMAT } from '../../../simulator/src/store/snapshot';

export const CLUSTER_FORMAT = 'atelier-kubernetes/cluster-v1';

/** A state file or export that cannot be read back, with a French explanation. */
export class StateFormatError extends Error {
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
    this.name = 'StateFormatError';
  }
}

interface Header {
  format: typeof CLUSTER_FORMAT;
  /** Simulated time, epoch milliseconds. */
  now: number;
  /** The same instant, for people reading the file. */
  time: string;
  resourceVersion: number;
  random: number;
}

/** The snapshot as a multi-document YAML text. */
export function snapshotToYaml(snapshot: ClusterSnapshot): string {
  const header: Header = {
    format: CLUSTER_FORMAT,
    now: snapshot.now,
    time: new Date(snapshot.now).toISOString(),
    resourceVersion: snapshot.store.resourceVersion,
    random: snapshot.store.random,
  };
  const documents = [header, ...snapshot.store.objects].map((document) => stringify(document, { lineWidth: 0 }));
  return `# Atelier Kubernetes : état du cluster simulé (à réimporter avec « Importer l'état du cluster »)\n${documents.join('---\n')}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads back what snapshotToYaml wrote; throws StateFormatError for anything else. */
export function snapshotFromYaml(text: string): ClusterSnapshot {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  const broken = documents.find((document) => document.errors.length > 0);
  if (broken) {
    throw new StateFormatError(broken.errors[0]!.message.split('\n')[0]!, "Ce fichier n'est pas du YAML valide : il ne peut pas être importé.");
  }
  const [first, ...rest] = documents.map((document) => document.toJS({ maxAliasCount: 100 }) as unknown);
  if (!isObject(first) || first.format !== CLUSTER_FORMAT) {
    throw new StateFormatError(
      `not a cluster export (expected format ${CLUSTER_FORMAT})`,
      "Ce fichier n'est pas un export de cluster de l'Atelier. Pour créer les objets d'un manifeste, utilise plutôt « Appliquer le fichier au cluster simulé ».",
    );
  }
  const number = (value: unknown, field: string): number => {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    throw new StateFormatError(`invalid ${field}: ${JSON.stringify(value)}`, `L'en-tête de l'export est abîmé : « ${field} » doit être un nombre positif.`);
  };
  const objects = rest.filter((value) => value !== null && value !== undefined);
  if (!objects.every(isObject)) throw new StateFormatError('a document is not an object', "Un des documents de l'export n'est pas un objet Kubernetes.");
  return {
    format: CLUSTER_FORMAT,
    now: number(first.now, 'now'),
    store: {
      format: SNAPSHOT_FORMAT,
      resourceVersion: number(first.resourceVersion, 'resourceVersion'),
      random: number(first.random, 'random'),
      objects,
    },
  };
}
