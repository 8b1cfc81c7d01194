/**
 * What every `kubectl create <generator>` shares (kubectl v1.30, pkg/cmd/create): the
 * flags (`-o`, `--dry-run`, `--save-config`, `--validate`, `--field-manager`), the one
 * NAME check, the optional last-applied annotation, and how the result is printed:
 * the object (`-o yaml|json|name`) or `role.rbac.authorization.k8s.io/r created`.
 */
import { nameOf } from '../../fields';
import type { KindInfo } from '../../../api/catalog';
import { objectReference } from '../../../store/apply';
import type { KubeObject } from '../../../store/store';
import { printObject } from '../../output';
import { dryRunOf, dryRunSuffix, DRY_RUN_FLAG, type DryRun } from '../apply';
import type { CommandContext } from '../context';
import { KubectlError, UsageError } from '../errors';
import { OUTPUT_FLAG } from '../get';
import type { FlagSpec } from '../parse';

export const COMMON: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', optional: 'strict' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
];

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/**
 * util.CreateOrUpdateAnnotation for a typed object: encoding/json of the Go struct, so
 * fields in struct order (kind, apiVersion, metadata, then the kind's own fields, which
 * the generators here build in that order), not sorted, with HTML characters escaped.
 */
function saveConfig(object: KubeObject): void {
  const { kind, apiVersion, metadata, ...rest } = object;
  const meta = { ...(metadata as Record<string, unknown>) };
  delete meta.annotations;
  const annotations = { ...(((metadata as Record<string, unknown>).annotations ?? {}) as Record<string, string>) };
  delete annotations[LAST_APPLIED];
  if (Object.keys(annotations).length > 0) meta.annotations = annotations;
  const text = JSON.stringify({ kind, apiVersion, metadata: meta, ...rest }).replace(/[<>&]/g, (c) => GO_ESCAPES[c]!);
  (object.metadata as Record<string, unknown>).annotations = { ...annotations, [LAST_APPLIED]: `${text}\n` };
}

/** Prints what a create did: the object (-o yaml|json|name) or `kind.group/name created`. */
export function report(context: CommandContext, info: KindInfo, object: KubeObject, dryRun: DryRun): void {
  const output = context.flags.string('output');
  if (output === 'yaml' || output === 'json' || output === 'name') {
    context.out.out(printObject(object, output));
    return;
  }
  if (output !== '') {
    throw new KubectlError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
      'Formats de sortie possibles ici : -o yaml, -o json ou -o name.',
    );
  }
  context.out.out(`${objectReference(info, nameOf(object))} created${dryRunSuffix(dryRun)}\n`);
}

/**
 * Creates (or, in a client dry run, only prints) a generated object. Like kubectl, the
 * printed object carries a namespace only when `-n` was given (EnforceNamespace); the
 * request itself goes to the namespace of the context (`default` here).
 */
export function createObject(context: CommandContext, info: KindInfo, object: KubeObject): void {
  const dryRun = dryRunOf(context);
  const metadata = object.metadata as Record<string, unknown>;
  if (info.namespaced && context.namespaceGiven) metadata.namespace ??= context.namespace;
  if (context.flags.bool('save-config')) saveConfig(object);
  if (dryRun === 'client') {
    report(context, info, object, dryRun);
    return;
  }
  if (info.namespaced) metadata.namespace ??= context.namespace;
  report(context, info, context.cluster.store.create(object, { dryRun: dryRun === 'server' }), dryRun);
}

/** cmdutil's NameFromCommandArgs: "exactly one NAME is required". */
export function oneName(context: CommandContext, example = `kubectl ${context.path} NOM`): string {
  const count = context.argsLenAtDash >= 0 ? context.argsLenAtDash : context.args.length;
  if (count !== 1) throw new UsageError(`exactly one NAME is required, got ${count}`, `Donne un seul nom : « ${example} ».`);
  return context.args[0]!;
}

/** cobra's MarkFlagRequired check: `required flag(s) "image" not set`. */
export function requireFlags(context: CommandContext, names: readonly string[], example: string): void {
  const missing = names.filter((name) => !context.flags.has(name));
  if (missing.length > 0) throw new KubectlError(`required flag(s) ${missing.map((name) => JSON.stringify(name)).join(', ')} not set`, `Il manque ${missing.map((name) => `--${name}`).join(', ')} : par exemple « ${example} ».`);
}
