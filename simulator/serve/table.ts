/**
 * Server-side printing: what the API server answers when kubectl asks for
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (every `kubectl get` does). The
 * columns and cells are the simulator's printers (simulator/src/kubectl/get), the same
 * ones the built-in kubectl prints, so the real kubectl shows the same table. Like
 * kube-apiserver's TableConvertor, every column is sent (kubectl drops the priority-1 ones
 * unless `-o wide`), the Name column has format `name`, and each row carries the object's
 * metadata (`includeObject=Metadata`, the default), the whole object or nothing.
 */
import type { KindInfo } from '../src/api/catalog';
import { tableFor } from '../src/kubectl/get/printers';
import type { Cell } from '../src/kubectl/get/types';
import type { KubeObject } from '../src/store/store';
import { badRequest } from './status';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** The Table version an Accept header asks for (`v1`, `v1beta1`), or undefined for plain JSON. */
export function tableVersion(accept: string): string | undefined {
  for (const mediaType of accept.split(',')) {
    const [type, ...parameters] = mediaType.split(';').map((part) => part.trim());
    if (type !== 'application/json') continue;
    const params = new Map(parameters.map((parameter) => parameter.split('=').map((part) => part.trim()) as [string, string]));
    if (params.size === 0) return undefined;
    if (params.get('as') === 'Table' && params.get('g') === 'meta.k8s.io' && (params.get('v') === 'v1' || params.get('v') === 'v1beta1')) return params.get('v');
  }
  return undefined;
}

/** The Content-Type of a Table answer. */
export const tableContentType = (version: string): string => `application/json;as=Table;v=${version};g=meta.k8s.io`;

/** The includeObject query parameter (metav1.IncludeObjectPolicy). */
export function includeObjectOf(value: string | null): IncludeObject {
  if (value === null || value === '' || value === 'Metadata') return 'Metadata';
  if (value === 'None' || value === 'Object') return value;
  throw badRequest(`Invalid value: ${JSON.stringify(value)}: must be one of 'Object', 'Metadata', or 'None'`, 'includeObject accepte Object, Metadata ou None.');
}

function typeOf(cell: Cell | undefined): string {
  if (typeof cell === 'number') return Number.isInteger(cell) ? 'integer' : 'number';
  if (typeof cell === 'boolean') return 'boolean';
  return 'string';
}

function rowObject(object: KubeObject, include: IncludeObject): Record<string, unknown> | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata ?? {} };
}

export interface TableOptions {
  /** Simulated epoch milliseconds, for the Age cells. */
  now: number;
  version: string;
  include: IncludeObject;
  /** The list's (or the object's) resourceVersion and continue token. */
  resourceVersion: string;
  continueToken?: string;
  /** False for the later events of a watch: the columns were sent with the first one. */
  withColumns?: boolean;
}

/** A meta.k8s.io Table of `objects`, as kube-apiserver's TableConvertor builds it. */
export function toTable(info: Pick<KindInfo, 'kind'>, objects: readonly KubeObject[], options: TableOptions): Record<string, unknown> {
  const definition = tableFor(info);
  const rows = objects.map((object) => {
    const row: Record<string, unknown> = { cells: definition.row(object, { now: options.now, wide: true }) };
    const included = rowObject(object, options.include);
    if (included) row.object = included;
    return row;
  });
  const first = rows[0]?.cells as Cell[] | undefined;
  const columnDefinitions =
    options.withColumns === false
      ? []
      : definition.columns.map((column, index) => ({
          name: column.name,
          type: typeOf(first?.[index]),
          format: index === 0 && column.name === 'Name' ? 'name' : '',
          description: '',
          priority: column.priority ?? 0,
        }));
  const metadata: Record<string, unknown> = { resourceVersion: options.resourceVersion };
  if (options.continueToken) metadata.continue = options.continueToken;
  return { kind: 'Table', apiVersion: `meta.k8s.io/${options.version}`, metadata, columnDefinitions, rows };
}
