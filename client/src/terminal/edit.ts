/**
 * `kubectl edit TYPE/NAME | TYPE NAME` for the kubectl terminal, without the editor: the
 * text of the file to open, then what to do with the text the user saved. Mirrors
 * kubectl v1.30's editoptions.go (k8s.io/kubectl/pkg/cmd/util/editor): the header
 * comment, `Edit cancelled, no changes made.`, `Edit cancelled, saved file was empty.`, a
 * syntax error or an Invalid answer reopening the file with the reasons as comments at
 * the top, `error: Edit cancelled, no valid changes were saved.` when the reopened file
 * comes back unchanged, and `deployment.apps/web edited`. kubectl sends a strategic merge
 * patch computed from the original; a JSON merge patch from the original is the same
 * change here (lists are sent whole). One object at a time: kubectl edits a List when
 * several are named, the terminal refuses. Pure: no vscode, no disk; the caller opens
 * the file and passes its path for the messages that name it.
 */
import { parseAllDocuments } from 'yaml';
import type { KindInfo } from '../../../simulator/src/api/catalog';
import { notFound, StatusError } from '../../../simulator/src/api/errors';
import { GO_YAML_OPTIONS } from '../../../simulator/src/api/goyaml';
import type { Cluster } from '../../../simulator/src/cluster';
import { clusterAs, identityOf } from '../../../simulator/src/kubectl/commands/authorization';
import { Output, type KubectlResult } from '../../../simulator/src/kubectl/commands/context';
import { KubectlError, writeError } from '../../../simulator/src/kubectl/commands/errors';
import { FILENAME_FLAGS, OUTPUT_FLAG } from '../../../simulator/src/kubectl/commands/get';
import { declaredObjects } from '../../../simulator/src/kubectl/commands/manifests';
import { Flags, GLOBAL_FLAGS, parseFlags, type FlagSpec } from '../../../simulator/src/kubectl/commands/parse';
import { parseResourceArgs } from '../../../simulator/src/kubectl/commands/resources';
import { printObject } from '../../../simulator/src/kubectl/output';
import { kindWithGroup, resultLine } from '../../../simulator/src/kubectl/results';
import { modifiedConfiguration } from '../../../simulator/src/store/apply';
import { clone, deepEqual, goJson, isJsonObject, type JsonObject } from '../../../simulator/src/store/json';
import type { KubeObject } from '../../../simulator/src/store/store';

/** kubectl edit's flags (v1.30). */
export const EDIT_FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  OUTPUT_FLAG,
  { name: 'output-patch', type: 'bool' },
  { name: 'save-config', type: 'bool' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'validate', type: 'string', optional: 'strict' },
  { name: 'field-manager', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
];

/** editHeader.writeTo in normal edit mode, exactly. */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** Why the file is reopened: a head line and, for an Invalid answer, one line per cause. */
interface EditReason {
  head: string;
  other: string[];
}

/** What closing the file led to: the edit is over, or the file opens again with `text`. */
export type EditStep =
  | { kind: 'done'; stdout: string; stderr: string; exitCode: number; keepFile: boolean }
  | { kind: 'reopen'; text: string; stdout: string; stderr: string };

/** hashOnLineBreak: a multi-line message stays a comment. */
const hashOnLineBreak = (text: string): string => text.replace(/\n(?!#)/g, '\n# ');

/** cmdutil.ManualStrip: the lines that are not comments. */
export const manualStrip = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');

/** cmdutil.StripComments: the text as JSON (comments and layout gone), else without its comment lines. */
export function stripComments(text: string): string {
  const first = parseAllDocuments(text, { uniqueKeys: false, ...GO_YAML_OPTIONS })[0];
  if (first === undefined) return 'null';
  if (first.errors.length > 0) return `\0${manualStrip(text)}`;
  return goJson(first.toJS({ maxAliasCount: 100 }) ?? null);
}

/** hasLines: some line is neither blank nor a comment. */
const hasLines = (text: string): boolean => text.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#'));

/** jsonpatch.CreateMergePatch: what turns `original` into `edited` (RFC 7386). */
export function createMergePatch(original: JsonObject, edited: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(original)) if (!(key in edited)) patch[key] = null;
  for (const [key, value] of Object.entries(edited)) {
    const before = original[key];
    if (deepEqual(before, value)) continue;
    patch[key] = isJsonObject(before) && isJsonObject(value) ? createMergePatch(before, value) : value;
  }
  return patch;
}

const withoutManagedFields = (object: KubeObject): KubeObject => {
  const copy = clone(object);
  if (isJsonObject(copy.metadata)) delete copy.metadata.managedFields;
  return copy;
};

/**
 * `kubectl edit ARGS` (the words after `kubectl`, `edit` among them): the edit to open,
 * or kubectl's answer when there is nothing to edit (flag errors, NotFound, several objects).
 */
export function startEdit(cluster: Cluster, words: readonly string[]): { edit: KubectlEdit } | { result: KubectlResult } {
  const out = new Output();
  try {
    const parsed = parseFlags(words, [...EDIT_FLAGS, ...GLOBAL_FLAGS]);
    const flags = new Flags(parsed.values);
    const args = parsed.positionals.slice(1);
    const format = flags.string('output', 'yaml');
    // editPrinterOptions only has the JSON and YAML printers.
    if (format !== 'yaml' && format !== 'json') throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(format)}, allowed formats are: json,yaml`, 'kubectl edit ouvre l’objet en YAML (par défaut) ou en JSON : -o yaml ou -o json.');
    const subresource = flags.string('subresource');
    if (subresource !== '' && subresource !== 'status') throw new KubectlError(`invalid subresource value: ${JSON.stringify(subresource)}. Must be one of [status]`, '--subresource accepte seulement status.');
    if (subresource !== '') throw new KubectlError('editing the status subresource is not available in the simulated cluster', 'Le terminal modifie l’objet lui-même : enlève --subresource.');
    if (flags.list('filename').length > 0 || flags.string('kustomize') !== '') throw new KubectlError('kubectl edit -f is not available in the simulated cluster', 'Nomme l’objet à modifier : « kubectl edit deployment web » (ou modifie le fichier puis « kubectl apply -f »).');
    if (args.length === 0) {
      throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'Dis quoi modifier : « kubectl edit deployment web ».');
    }
    const { requests } = parseResourceArgs(args, 'edit');
    const names = requests.flatMap((request) => request.names.map((name) => ({ info: request.info, name })));
    if (requests.length !== 1 || names.length !== 1) throw new KubectlError('editing several objects at once is not available in the simulated cluster', 'Le terminal modifie un objet à la fois : nomme-le, « kubectl edit deployment web ».');
    const { info, name } = names[0]!;
    const namespaceFlag = flags.string('namespace');
    const namespace = namespaceFlag === '' ? 'default' : namespaceFlag;
    const asUser = clusterAs(cluster, identityOf(flags));
    const live = asUser.store.find(info, info.namespaced ? namespace : '', name);
    if (!live) throw notFound(info, name);
    return { edit: new KubectlEdit({ cluster, asUser, info, name, namespace, original: withoutManagedFields(live), format, flags }) };
  } catch (error) {
    writeError(out, error, 'edit');
    return { result: out.result() };
  }
}

interface EditTarget {
  /** The cluster, to settle after the change. */
  cluster: Cluster;
  /** The cluster as the user of `--as` sees it. */
  asUser: Cluster;
  info: KindInfo;
  name: string;
  namespace: string;
  /** The object as it was opened, without managedFields. */
  original: KubeObject;
  format: 'yaml' | 'json';
  flags: Flags;
}

/** One edit in progress: the text to open, then one step per closing of the file. */
export class KubectlEdit {
  /** The file's first text: the header and the object (YAML), or the object alone (JSON). */
  readonly text: string;
  readonly extension: '.yaml' | '.json';
  private readonly originalText: string;
  /** What the user saved last, when it was reopened with errors (editedDiff). */
  private previous: string | undefined;
  /** Where the file is, for the messages that name it. */
  private path = '';

  constructor(private readonly target: EditTarget) {
    this.originalText = printObject(target.original, target.format);
    // editPrinterOptions: no commented header in a JSON file.
    this.text = target.format === 'yaml' ? EDIT_HEADER + this.originalText : this.originalText;
    this.extension = target.format === 'yaml' ? '.yaml' : '.json';
  }

  /** `deployments.apps "web"`: how kubectl's addError names the object. */
  private get subject(): string {
    const { info, name } = this.target;
    return `${info.resource}${info.group === '' ? '' : `.${info.group}`} ${JSON.stringify(name)}`;
  }

  /** What kubectl does with the file the editor returned: `edited` is its text, `path` where it is. */
  finish(edited: string, path: string): EditStep {
    this.path = path;
    const out = new Output();
    const done = (exitCode: number, keepFile: boolean): EditStep => ({ kind: 'done', stdout: out.stdout, stderr: out.stderr, exitCode, keepFile });
    const preserved = (error: unknown): EditStep => {
      out.err(`A copy of your changes has been stored to ${JSON.stringify(path)}\n`);
      writeError(out, error, 'edit');
      return done(1, true);
    };
    // Retrying after an error, and nothing changed since: the user gives up.
    if (this.previous !== undefined && stripComments(this.previous) === stripComments(edited)) {
      return preserved(new KubectlError('Edit cancelled, no valid changes were saved.'));
    }
    this.previous = undefined;
    if (stripComments(this.originalText) === stripComments(edited)) {
      out.err('Edit cancelled, no changes made.\n');
      return done(0, false);
    }
    if (!hasLines(edited)) {
      out.err('Edit cancelled, saved file was empty.\n');
      return done(0, false);
    }
    const declared = declaredObjects(edited, 'edited-file');
    const problem = declared.find((item) => item.problem)?.problem;
    if (problem || declared.length !== 1) {
      const message = problem?.message ?? (declared.length === 0 ? 'no objects passed to edit' : 'editing several objects at once is not available in the simulated cluster');
      return this.reopen(out, edited, [{ head: `The edited file had a syntax error: ${message}`, other: [] }]);
    }
    return this.send(out, edited, declared[0]!.object!, done, preserved);
  }

  /** visitToPatch: the namespace checked, the patch computed and sent, its answer printed. */
  private send(out: Output, edited: string, object: KubeObject, done: (code: number, keep: boolean) => EditStep, preserved: (error: unknown) => EditStep): EditStep {
    const { info, name, namespace, original, flags, asUser, cluster } = this.target;
    let updated = clone(object);
    const meta = isJsonObject(updated.metadata) ? updated.metadata : (updated.metadata = {});
    // resource.RequireNamespace: the namespace of the command, or the same one.
    if (info.namespaced) {
      if (typeof meta.namespace === 'string' && meta.namespace !== '' && meta.namespace !== namespace) {
        return preserved(new KubectlError(`the namespace from the provided object ${JSON.stringify(meta.namespace)} does not match the namespace ${JSON.stringify(namespace)}. You must pass '--namespace=${meta.namespace}' to perform this operation.`, 'Un objet ne change pas de namespace : remets celui d’origine (ou supprime-le et recrée-le ailleurs).'));
      }
      meta.namespace = namespace;
    }
    if (flags.bool('save-config')) updated = modifiedConfiguration(info, updated, namespace);
    if (deepEqual(original, updated)) {
      this.printResult(out, original, 'skipped');
      return done(0, false);
    }
    const patch = createMergePatch(original, updated);
    const patchedMeta = isJsonObject(patch.metadata) ? patch.metadata : {};
    if ('apiVersion' in patch || 'kind' in patch || 'name' in patchedMeta || 'managedFields' in patch) {
      return preserved(new KubectlError('At least one of apiVersion, kind and name was changed', 'kubectl edit modifie un objet existant : son apiVersion, son kind et son nom ne peuvent pas changer.'));
    }
    if (flags.bool('output-patch')) out.out(`Patch: ${goJson(patch)}\n`);
    const revision = cluster.store.resourceVersion();
    let result: KubeObject;
    try {
      result = asUser.store.patch(info, info.namespaced ? namespace : '', name, patch);
    } catch (error) {
      return this.failed(out, edited, error, done);
    }
    if (cluster.store.resourceVersion() !== revision) cluster.settle({ maxSimulatedMs: 0 });
    this.printResult(out, result, 'edited');
    return done(0, false);
  }

  /** editResults.addError: Invalid reopens the file, NotFound and the rest end the edit. */
  private failed(out: Output, edited: string, error: unknown, done: (code: number, keep: boolean) => EditStep): EditStep {
    if (!(error instanceof StatusError)) throw error;
    if (error.reason === 'Invalid') {
      out.err(`error: ${this.subject} is invalid\n`);
      out.hint(error.fr);
      return this.reopen(out, edited, [{ head: `${this.subject} was not valid`, other: error.causes.map((cause) => `${cause.field}: ${cause.message}`) }]);
    }
    if (error.reason === 'NotFound') {
      out.err(`error: ${this.subject} could not be found on the server\n`);
      out.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(this.path)}\n`);
      return done(1, true);
    }
    out.err(`error: ${this.subject} could not be patched: ${error.message}\n`);
    out.hint(error.fr);
    out.err(`You can run \`kubectl replace -f ${this.path}\` to try this update again.\n`);
    return done(1, true);
  }

  /** The file again: the header with the reasons, then what the user wrote, its comments removed. */
  private reopen(out: Output, edited: string, reasons: readonly EditReason[]): EditStep {
    this.previous = edited;
    let header = '';
    if (this.target.format === 'yaml') {
      header = EDIT_HEADER;
      for (const reason of reasons) {
        header += `# ${hashOnLineBreak(reason.head)}${reason.other.length > 0 ? ':' : ''}\n`;
        for (const other of reason.other) header += `# * ${hashOnLineBreak(other)}\n`;
        header += '#\n';
      }
    }
    return { kind: 'reopen', text: header + manualStrip(edited), stdout: out.stdout, stderr: out.stderr };
  }

  /** The name printer with its operation, or the object with -o yaml|json. */
  private printResult(out: Output, object: KubeObject, operation: 'edited' | 'skipped'): void {
    const { info, name, flags } = this.target;
    const output = flags.string('output');
    if (output === 'yaml' || output === 'json') out.out(printObject(object, output));
    else if (operation === 'edited') out.out(resultLine(info, name, 'edited'));
    else out.out(`${kindWithGroup(info)}/${name} skipped\n`);
  }
}
