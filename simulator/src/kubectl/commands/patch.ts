/**
 * `kubectl patch (TYPE NAME | TYPE/NAME | -f FILE) -p PATCH [--type strategic|merge|json]
 * [--subresource status|scale] [--dry-run]` (kubectl v1.30's patch.go): the patch is
 * YAML or JSON (yaml.ToJSON passes JSON through untouched, so a broken JSON patch reaches
 * the API server, which refuses it), applied as the API server's patch handler does
 * (simulator/src/store/patch). Prints `deployment.apps/web patched`, or
 * `patched (no change)` when the object came back the same; kubectl adds no dry-run
 * suffix here.
 */
import { parse as parseYaml } from 'yaml';
import type { KindInfo } from '../../api/catalog';
import { StatusError } from '../../api/errors';
import { deepEqual, type JsonObject } from '../../store/json';
import { patchObject, type PatchKind } from '../../store/patch/index';
import type { KubeObject } from '../../store/store';
import { nameOf, namespaceOf, obj } from '../fields';
import { printObject } from '../output';
import { kindWithGroup } from '../results';
import { dryRunOf, DRY_RUN_FLAG } from './apply';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'local', type: 'bool' },
  { name: 'field-manager', type: 'string' },
];

const TYPES: readonly PatchKind[] = ['json', 'merge', 'strategic'];

const SCALE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** A JSON document as kubectl receives it: yaml.ToJSON keeps text that starts like JSON as is. */
const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

/**
 * encoding/json's verdict on broken JSON, as the API server answers it (400 BadRequest),
 * from V8's: the common cases (`invalid character '}' looking for beginning of value`).
 */
function jsonSyntaxError(text: string, error: Error): StatusError {
  const fr = "Le patch n'est pas du JSON valide : vérifie les accolades, les crochets et les guillemets (entoure tout le patch d'apostrophes dans le terminal).";
  const fail = (message: string): StatusError => new StatusError('BadRequest', 400, message, fr);
  const at = /position (\d+)/.exec(error.message);
  const position = at ? Number(at[1]) : -1;
  const char = position >= 0 ? text[position] : /^Unexpected token '(.)'/.exec(error.message)?.[1];
  if (char === undefined || position >= text.trimEnd().length || /end of JSON/.test(error.message)) return fail('unexpected end of JSON input');
  if (error.message.startsWith("Expected ':'")) return fail(`invalid character '${char}' after object key`);
  if (error.message.startsWith("Expected ',' or '}'")) return fail(`invalid character '${char}' after object key:value pair`);
  if (error.message.startsWith("Expected ',' or ']'")) return fail(`invalid character '${char}' after array element`);
  return fail(`invalid character '${char}' looking for beginning of value`);
}

/** The patch text parsed the way it travels: JSON as is, YAML converted on kubectl's side. */
function parsePatch(text: string): unknown {
  if (looksLikeJson(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw jsonSyntaxError(text, error as Error);
    }
  }
  try {
    return parseYaml(text, { version: '1.1' }) as unknown;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new KubectlError(`unable to parse ${JSON.stringify(text)}: yaml: ${reason}`, "Le patch n'est ni du JSON ni du YAML valide : par exemple -p '{\"spec\":{\"replicas\":3}}'.", false);
  }
}

/** The patch kind of `--type`, strategic by default. */
function patchKind(context: CommandContext): PatchKind {
  const type = context.flags.string('type', 'strategic').toLowerCase();
  if (!(TYPES as readonly string[]).includes(type)) {
    throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(context.flags.string('type'))}`, '--type accepte strategic (par défaut), merge (fusion JSON) ou json (liste d’opérations RFC 6902).');
  }
  return type as PatchKind;
}

/**
 * A JSON Patch that cannot apply: the handler answers NewGenericServerResponse(422), whose
 * message is generic and whose details are empty, so kubectl prints only that.
 */
function patchFailure(error: unknown, kind: PatchKind): unknown {
  if (kind === 'json' && error instanceof StatusError && error.reason === 'Invalid') {
    return new StatusError('Invalid', 422, 'the server rejected our request due to an error in our request', error.fr);
  }
  return error;
}

/** The autoscaling/v1 Scale the `scale` subresource shows for an object. */
function scaleOf(object: KubeObject): JsonObject {
  const meta = obj(object.metadata);
  const spec = obj(object.spec);
  const status = obj(object.status);
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion, creationTimestamp: meta.creationTimestamp },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 1 },
    status: { replicas: typeof status.replicas === 'number' ? status.replicas : 0 },
  };
}

const SCALE = { kind: 'Scale', group: 'autoscaling' };

interface Patched {
  /** The object as kubectl prints it (the Scale for `--subresource=scale`). */
  result: KubeObject;
  changed: boolean;
  /** `deployment.apps` or `scale.autoscaling`. */
  printedKind: string;
}

function patchOne(context: CommandContext, info: KindInfo, live: KubeObject, kind: PatchKind, patch: unknown, dryRun: 'none' | 'client' | 'server'): Patched {
  const store = context.cluster.store;
  const subresource = context.flags.string('subresource');
  const namespace = namespaceOf(live);
  const write = dryRun !== 'client';
  if (subresource === 'scale') {
    if (!SCALE_KINDS.has(info.kind)) throw new StatusError('NotFound', 404, 'the server could not find the requested resource', `${info.kind} n'a pas de sous-ressource scale.`);
    const before = scaleOf(live);
    const after = patchObject({ ...info, definition: 'autoscaling.v1.Scale' }, before, kind, patch);
    const replicas = obj(after.spec).replicas;
    const changed = !deepEqual(before.spec, after.spec);
    const result = changed && write ? scaleOf(store.patch(info, namespace, nameOf(live), { spec: { replicas } }, { dryRun: dryRun === 'server' })) : after;
    return { result, changed, printedKind: kindWithGroup(SCALE) };
  }
  if (subresource !== '' && subresource !== 'status') throw new StatusError('NotFound', 404, 'the server could not find the requested resource', '--subresource accepte status ou scale.');
  const after = patchObject(info, live, kind, patch);
  // Mirrors the API server: a patch cannot rename an object or move it to another namespace.
  const meta = obj(after.metadata);
  if (meta.name !== nameOf(live)) throw new StatusError('BadRequest', 400, `the name of the object (${String(meta.name)}) does not match the name on the URL (${nameOf(live)})`, 'Un patch ne peut pas renommer un objet.');
  const changed = subresource === 'status' ? !deepEqual(after.status, live.status) : !deepEqual({ ...after, status: live.status }, live);
  let result = after;
  if (changed && write) {
    if (subresource === 'status') result = dryRun === 'server' ? { ...live, status: after.status } : store.updateStatus({ ...live, status: after.status });
    else result = store.update({ ...after, status: live.status }, { dryRun: dryRun === 'server' });
  } else if (!changed) {
    result = live;
  }
  return { result, changed, printedKind: kindWithGroup(info) };
}

function runPatch(context: CommandContext): void {
  const { flags, args, out } = context;
  const kind = patchKind(context);
  if (flags.string('patch') !== '' && flags.string('patch-file') !== '') throw new KubectlError('cannot specify --patch and --patch-file together', 'Donne le patch soit avec -p, soit avec --patch-file, pas les deux.');
  const text = flags.string('patch-file') !== '' ? context.files[flags.string('patch-file')] : flags.string('patch');
  if (text === undefined) throw new KubectlError(`open ${flags.string('patch-file')}: no such file or directory`, 'Le fichier du patch est introuvable.');
  if (text.trim() === '') throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch', "Donne le patch : -p '{\"spec\":{\"replicas\":3}}' (JSON ou YAML).");
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
  else if (args.length > 0) requests = parseResourceArgs(args, 'patch').requests;
  else throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'Dis quoi patcher : « kubectl patch deployment web -p ... ».');
  if (requests.every((request) => request.names.length === 0) && errors.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified', 'Donne un nom : « kubectl patch deployment web -p ... ».');
  const dryRun = dryRunOf(context);
  const patch = parsePatch(text);
  const output = flags.string('output');
  for (const { info, objects } of fetch(context, requests, context.namespace, errors)) {
    for (const live of objects) {
      try {
        const { result, changed, printedKind } = patchOne(context, info, live, kind, patch, dryRun);
        if (output === 'yaml' || output === 'json') out.out(printObject(result, output));
        else out.out(`${printedKind}/${nameOf(live)}${output === 'name' ? '' : changed ? ' patched' : ' patched (no change)'}\n`);
      } catch (error) {
        errors.push(patchFailure(error, kind));
      }
    }
  }
  throwAll(errors);
}

export const PATCH: Command = { summary: 'Update fields of a resource', flags: FLAGS, run: runPatch };
