/**
 * `kubectl get`: by type, by name, by label or field selector, in one namespace or all,
 * from `-f` files; printed as tables (`-o wide`, `--show-labels`, `--no-headers`), or
 * as `-o yaml|json|name`. Mirrors kubectl/pkg/cmd/get/get.go (v1.30): several types give
 * one table each, separated by a blank line, with `kind.group/name` names; nothing found
 * gives `No resources found in default namespace.` on stderr; names not found are
 * reported after what was found.
 */
import { nameOf } from '../fields';
import type { KindInfo } from '../../api/catalog';
import { notFound, StatusError } from '../../api/errors';
import { sortEvents } from '../events';
import { printList, printObject, type OutputFormat } from '../output';
import { formatTable } from '../get/printers';
import type { KubeObject } from '../../store/store';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { jsonPath } from './jsonpath';
import { loadManifests } from './manifests';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';
import { kindWithGroup } from '../results';

export const OUTPUT_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];

export type Printing = { kind: 'table'; wide: boolean } | { kind: 'generic'; format: OutputFormat } | { kind: 'jsonpath'; template: string };

/** `-o` to a printer, or kubectl's error for a format it does not know (or we do not print). */
export function printingFor(output: string): Printing {
  if (output === '') return { kind: 'table', wide: false };
  if (output === 'wide') return { kind: 'table', wide: true };
  if (output === 'yaml' || output === 'json' || output === 'name') return { kind: 'generic', format: output };
  const format = output.split('=')[0]!;
  if (format === 'jsonpath' && output.includes('=')) return { kind: 'jsonpath', template: output.slice(output.indexOf('=') + 1) };
  if (OUTPUT_FORMATS.includes(format)) {
    throw new KubectlError(`output format ${JSON.stringify(format)} is not supported by the simulated cluster`, `Le cluster simulé imprime les formats wide, yaml, json et name ; ${format} n'y est pas (encore) disponible.`);
  }
  throw new KubectlError(
    `unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${OUTPUT_FORMATS.join(',')}`,
    "Ce format de sortie n'existe pas : essaie -o wide, -o yaml, -o json ou -o name.",
  );
}

export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string' };
export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string' };
export const FILENAME_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
];

const FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  ...FILENAME_FLAGS,
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'show-kind', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
];

/** A group of objects of one kind, found for one request. */
export interface Found {
  info: KindInfo;
  objects: readonly Readonly<KubeObject>[];
}

/**
 * Fetches what the requests name: by name (NotFound errors collected), else by list.
 * `namespace` '' means every namespace.
 */
export function fetch(context: CommandContext, requests: readonly ResourceRequest[], namespace: string, errors: unknown[], readOnly = false): Found[] {
  const { store } = context.cluster;
  const selector = context.flags.string('selector');
  const fieldSelector = context.flags.string('field-selector');
  const found: Found[] = [];
  for (const { info, names } of requests) {
    if (names.length === 0) {
      try {
        const options = { namespace: info.namespaced ? namespace : '', labelSelector: selector, fieldSelector };
        // Printing only reads: the store's copy-free view spares copying every object.
        found.push({ info, objects: readOnly ? store.view(info, options) : store.list(info, options) });
      } catch (error) {
        errors.push(enhanceListError(error, info, selector, fieldSelector));
        found.push({ info, objects: [] });
      }
      continue;
    }
    const objects: KubeObject[] = [];
    for (const name of names) {
      const object = store.find(info, info.namespaced ? namespace : '', name);
      if (object) objects.push(object);
      else if (!context.flags.bool('ignore-not-found')) errors.push(notFound(info, name));
    }
    found.push({ info, objects });
  }
  return found;
}

/**
 * Mirrors resource.EnhanceListError: a list the server refused (a bad selector) says what
 * was listed: `Unable to find "/v1, Resource=pods" that match label selector "...", field selector "": ...`.
 */
function enhanceListError(error: unknown, info: KindInfo, labelSelector: string, fieldSelector: string): unknown {
  if (!(error instanceof StatusError) || (error.reason !== 'BadRequest' && error.reason !== 'NotFound')) return error;
  const subject = `${info.group}/${info.version}, Resource=${info.resource}`;
  const message =
    labelSelector === '' && fieldSelector === ''
      ? `Unable to list ${JSON.stringify(subject)}: ${error.message}`
      : `Unable to find ${JSON.stringify(subject)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${error.message}`;
  return new StatusError(error.reason, error.code, message, error.fr, error.causes, error.findings);
}

/** The objects `-f` names, fetched live (kubectl get -f / describe -f / delete -f). */
export function requestsFromFiles(context: CommandContext, errors: unknown[]): ResourceRequest[] {
  const { manifests, errors: readErrors } = loadManifests(context.flags.list('filename'), context.files, context.flags.bool('recursive'));
  errors.push(...readErrors);
  return manifests.map(({ info, object }) => {
    const meta = (object.metadata ?? {}) as Record<string, unknown>;
    return { info, names: [typeof meta.name === 'string' ? meta.name : ''] };
  });
}

/** A copy whose name reads `kind.group/name`, for tables that mix kinds. */
function withKindInName(info: KindInfo, object: KubeObject): KubeObject {
  const metadata = { ...((object.metadata ?? {}) as Record<string, unknown>) };
  metadata.name = `${kindWithGroup(info)}/${nameOf(object)}`;
  return { ...object, metadata };
}

function printTables(context: CommandContext, found: readonly Found[], wide: boolean, showKind: boolean, allNamespaces: boolean, failed: boolean): void {
  const { flags, out } = context;
  let written = false;
  for (const { info, objects } of found) {
    if (objects.length === 0) continue;
    const ordered = info.kind === 'Event' ? sortEvents(objects) : objects;
    const shown = showKind ? ordered.map((object) => withKindInName(info, object)) : ordered;
    if (written && !flags.bool('no-headers')) out.out('\n');
    out.out(formatTable(info, shown, { now: context.now, wide, showLabels: flags.bool('show-labels'), allNamespaces, noHeaders: flags.bool('no-headers') }));
    written = true;
  }
  // Mirrors get.go: the message only when nothing was written and nothing failed.
  if (!written && !failed) {
    const namespaced = !allNamespaces && found.every(({ info }) => info.namespaced);
    out.err(namespaced ? `No resources found in ${context.namespace} namespace.\n` : 'No resources found\n');
  }
}

function runGet(context: CommandContext): void {
  const { flags, args } = context;
  const printing = printingFor(flags.string('output'));
  const allNamespaces = flags.bool('all-namespaces');
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  let multipleTypes = false;
  if (flags.list('filename').length > 0) {
    requests = requestsFromFiles(context, errors);
    multipleTypes = new Set(requests.map((request) => request.info)).size > 1;
  } else {
    if (args.length === 0) {
      throw new KubectlError(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
          'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
          "See 'kubectl get -h' for help and examples",
        'Dis à kubectl quoi lister : « kubectl get pods », « kubectl get deployments », « kubectl get all »...',
        true,
      );
    }
    ({ requests, multipleTypes } = parseResourceArgs(args, 'get'));
  }
  const named = requests.some((request) => request.names.length > 0);
  if (named && flags.string('selector') !== '') {
    throw new KubectlError('name cannot be provided when a selector is specified', 'Choisis : des noms, ou un sélecteur -l, mais pas les deux.');
  }
  if (named && allNamespaces && flags.list('filename').length === 0) {
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces', "Avec un nom, précise le namespace (-n) au lieu de -A : deux objets de namespaces différents peuvent porter le même nom.");
  }
  const found = fetch(context, requests, allNamespaces ? '' : context.namespace, errors, true);
  if (printing.kind === 'table') {
    printTables(context, found, printing.wide, multipleTypes || flags.bool('show-kind') || new Set(found.filter((f) => f.objects.length > 0).map((f) => f.info)).size > 1, allNamespaces, errors.length > 0);
  } else {
    const objects = found.flatMap((group) => group.objects);
    const single = requests.length === 1 && requests[0]!.names.length === 1 && objects.length === 1;
    if (printing.kind === 'jsonpath') {
      const data = single ? objects[0]! : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
      context.out.out(jsonPath(printing.template, data));
    } else if (single) context.out.out(printObject(objects[0]!, printing.format));
    else if (objects.length > 0 || printing.format !== 'name') context.out.out(printList(objects, printing.format));
  }
  if (flags.bool('watch')) {
    context.out.hint('« -w » ne suit pas le cluster ici : relance la commande (ou « atelier advance 30s » pour faire passer le temps).');
  }
  throwAll(errors);
}

export const GET: Command = { summary: 'Display one or many resources', flags: FLAGS, run: runGet };
