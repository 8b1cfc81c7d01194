/**
 * `kubectl auth can-i` and `kubectl auth whoami` (kubectl/pkg/cmd/auth, v1.30).
 * can-i asks the API server a SelfSubjectAccessReview and prints `yes` (exit 0) or `no`
 * (exit 1, ` - reason` when the authorizer gave one), with kubectl's warnings for an
 * unknown resource type, a cluster-scoped resource asked in a namespace, or an unknown
 * verb; `--list` asks a SelfSubjectRulesReview and prints the rules broken down,
 * compacted and sorted the way kubectl does, in a Resources / Non-Resource URLs /
 * Resource Names / Verbs table.
 */
import { findResource } from '../../api/catalog';
import { authorize, rulesFor, type UserInfo } from '../../rbac/authorizer';
import { forbidden } from '../../rbac/messages';
import { breakdownRule, combineResourceGroup, compactRules, goList, sortRules, type RequestAttributes } from '../../rbac/rules';
import type { ObjectStore } from '../../store/store';
import { TABLE_TABWRITER, alignTabs } from '../tabwriter';
import { serverStore } from './authorization';
import type { Command, CommandContext, CommandGroup } from './context';
import { KubectlError } from './errors';

// Mirrors cani.go's resourceVerbs and nonResourceURLVerbs.
const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];
/** Resources the RESTMapper does not know but RBAC does (no warning for them). */
const NON_STANDARD_RESOURCES = ['users', 'groups'];

/** kubectl's WarningPrinter: `Warning: <message>\n` (cani.go's messages end in `\n` too). */
const warn = (context: CommandContext, message: string): void => context.out.err(`Warning: ${message}\n`);

/** Reviews are requests too: a user who may not create them gets the API server's Forbidden. */
function requireReview(store: ObjectStore, user: UserInfo, resource: string): void {
  const request: RequestAttributes = { verb: 'create', apiGroup: 'authorization.k8s.io', resource, namespace: '', name: '' };
  const decision = authorize(store, user, request);
  if (!decision.allowed) throw forbidden(user, request, decision.reason);
}

interface Target {
  group: string;
  resource: string;
  /** False for a type the server does not know (no namespace-scope warning then). */
  known: boolean;
  namespaced: boolean;
}

/** Mirrors CanIOptions.resourceFor: the type through discovery, else the word as given. */
function resourceFor(context: CommandContext, word: string): Target {
  if (word === '*') return { group: '', resource: '*', known: true, namespaced: true };
  const info = findResource(word);
  if (info) return { group: info.group, resource: info.resource, known: true, namespaced: info.namespaced };
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  const resource = dot === -1 ? lower : lower.slice(0, dot);
  const group = dot === -1 ? '' : lower.slice(dot + 1);
  if (!NON_STANDARD_RESOURCES.includes(lower)) {
    warn(context, group === '' ? `the server doesn't have a resource type '${resource}'\n` : `the server doesn't have a resource type '${resource}' in group '${group}'\n`);
  }
  return { group: '', resource: word, known: false, namespaced: true };
}

function runList(context: CommandContext): void {
  const { flags, out } = context;
  if (context.args.length > 0) throw new KubectlError('list option must be specified with no arguments', '« --list » se passe de verbe et de ressource : « kubectl auth can-i --list -n dev ».');
  if (flags.bool('quiet') || flags.bool('all-namespaces') || flags.string('subresource') !== '') {
    throw new KubectlError("list option can't be specified with neither quiet, all-namespaces nor subresource options", '« --list » liste les droits dans un namespace (-n) : sans -q, -A ni --subresource.');
  }
  const store = serverStore(context.cluster.store);
  requireReview(store, context.user, 'selfsubjectrulesreviews');
  const { rules, incomplete } = rulesFor(store, context.user, context.namespace);
  if (incomplete !== '') warn(context, `the list may be incomplete: ${incomplete}`);
  const rows = sortRules(compactRules(rules.flatMap(breakdownRule)));
  let text = flags.bool('no-headers') ? '' : 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n';
  for (const rule of rows) text += `${combineResourceGroup(rule.resources, rule.apiGroups)}\t${goList(rule.nonResourceURLs)}\t${goList(rule.resourceNames)}\t${goList(rule.verbs)}\n`;
  out.out(alignTabs(text, TABLE_TABWRITER));
}

function runCanI(context: CommandContext): void {
  const { flags, out, args } = context;
  if (flags.bool('list')) {
    runList(context);
    return;
  }
  if (args.length !== 2) {
    throw new KubectlError(
      "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
      'Donne un verbe et une ressource : « kubectl auth can-i list pods », « kubectl auth can-i get deployments/web -n dev ».',
    );
  }
  const [verb, what] = args as [string, string];
  const namespace = flags.bool('all-namespaces') ? '' : context.namespace;
  const subresource = flags.string('subresource');
  let request: RequestAttributes;
  if (what.startsWith('/')) {
    if (subresource !== '') throw new KubectlError('--subresource can not be used with NonResourceURL', '--subresource ne va pas avec un chemin (URL) : seulement avec une ressource.');
    if (!NON_RESOURCE_VERBS.includes(verb)) warn(context, `verb '${verb}' is not a known verb\n`);
    request = { verb, path: what };
  } else {
    const slash = what.indexOf('/');
    const target = resourceFor(context, slash === -1 ? what : what.slice(0, slash));
    if (namespace !== '') {
      if (target.known && !target.namespaced) {
        warn(context, target.group === '' ? `resource '${target.resource}' is not namespace scoped\n` : `resource '${target.resource}' is not namespace scoped in group '${target.group}'\n`);
      }
      if (!RESOURCE_VERBS.includes(verb)) warn(context, `verb '${verb}' is not a known verb\n`);
    }
    request = { verb, apiGroup: target.group, resource: target.resource, subresource, namespace, name: slash === -1 ? '' : what.slice(slash + 1) };
  }
  if (flags.bool('no-headers')) throw new KubectlError('--no-headers cannot be set without --list specified', '--no-headers ne sert qu\'avec --list.');
  const store = serverStore(context.cluster.store);
  requireReview(store, context.user, 'selfsubjectaccessreviews');
  const decision = authorize(store, context.user, request);
  if (!flags.bool('quiet')) {
    if (decision.allowed) out.out('yes\n');
    else out.out(decision.reason === '' ? 'no\n' : `no - ${decision.reason}\n`);
  }
  if (!decision.allowed) out.exitCode = 1;
}

const CAN_I: Command = {
  summary: 'Check whether an action is allowed',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'list', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
  ],
  run: runCanI,
};

/** `kubectl auth whoami`: the user the API server sees (a SelfSubjectReview), as a table. */
const WHOAMI: Command = {
  summary: 'Experimental: Check self subject attributes',
  flags: [],
  run(context) {
    const rows = ['ATTRIBUTE\tVALUE\n', `Username\t${context.user.name}\n`, `Groups\t${goList(context.user.groups)}\n`];
    context.out.out(alignTabs(rows.join(''), TABLE_TABWRITER));
  },
};

export const AUTH: CommandGroup = {
  summary: 'Inspect authorization',
  help:
    'Inspect authorization.\n\nAvailable Commands:\n  can-i         Check whether an action is allowed\n  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects\n  whoami        Experimental: Check self subject attributes\n\nUsage:\n  kubectl auth [flags] [options]\n',
  subcommands: { 'can-i': CAN_I, whoami: WHOAMI },
};
