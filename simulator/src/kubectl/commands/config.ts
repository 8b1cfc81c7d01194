/**
 * `kubectl config view|current-context|get-contexts|use-context` over the simulated
 * cluster's one kubeconfig: a cluster, a user and a context all named `atelier`, as
 * `atelier serve` writes them (serve/kubeconfig.ts). `config view` hides the secrets the
 * way kubectl does (`DATA+OMITTED`, `REDACTED`), so no token is ever shown.
 */
import { toJson } from '../json';
import { toYaml } from '../yaml';
import type { Command, CommandGroup } from './context';
import { KubectlError } from './errors';

/** The context name `atelier serve` writes (serve/kubeconfig.ts's CONTEXT_NAME). */
export const CONTEXT = 'atelier';
/** Where the simulated API server answers: kubeadm's port on the loopback, as with kind. */
export const SERVER = 'https://127.0.0.1:6443';

/** The kubeconfig as `kubectl config view` prints it (v1.30 still prints `preferences: {}`). */
function kubeconfig(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: SERVER }, name: CONTEXT }],
    contexts: [{ context: { cluster: CONTEXT, user: CONTEXT }, name: CONTEXT }],
    'current-context': CONTEXT,
    kind: 'Config',
    preferences: {},
    users: [{ name: CONTEXT, user: { token: 'REDACTED' } }],
  };
}

const VIEW: Command = {
  summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [{ name: 'output', short: 'o', type: 'string' }, { name: 'minify', type: 'bool' }, { name: 'flatten', type: 'bool' }, { name: 'merge', type: 'bool' }],
  run(context) {
    const output = context.flags.string('output', 'yaml');
    if (output === 'json') context.out.out(toJson(kubeconfig()));
    else if (output === 'yaml') context.out.out(toYaml(kubeconfig()));
    else throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,template,templatefile,yaml`, 'Formats possibles ici : -o yaml (par défaut) ou -o json.');
  },
};

const CURRENT_CONTEXT: Command = {
  summary: 'Display the current-context',
  flags: [],
  run(context) {
    context.out.out(`${CONTEXT}\n`);
  },
};

const GET_CONTEXTS: Command = {
  summary: 'Describe one or many contexts',
  flags: [{ name: 'output', short: 'o', type: 'string' }, { name: 'no-headers', type: 'bool' }],
  run(context) {
    const output = context.flags.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`, 'Seul -o name est possible ici (les noms des contextes).');
    const missing = context.args.find((name) => name !== CONTEXT);
    const headers = !context.flags.bool('no-headers') && output === '';
    // Mirrors kubectl's tabwriter (3 spaces of padding): the header, sized to the rows printed.
    if (missing !== undefined) {
      if (headers) context.out.out('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n');
      throw new KubectlError(`context ${missing} not found`, `Le seul contexte ici est « ${CONTEXT} », celui du cluster simulé.`);
    }
    if (headers) context.out.out('CURRENT   NAME      CLUSTER   AUTHINFO   NAMESPACE\n');
    context.out.out(output === 'name' ? `${CONTEXT}\n` : `*         ${CONTEXT}   ${CONTEXT}   ${CONTEXT}    \n`);
  },
};

const USE_CONTEXT: Command = {
  summary: 'Set the current-context in a kubeconfig file',
  flags: [],
  run(context) {
    const name = context.args[0];
    if (context.args.length !== 1) throw new KubectlError('Unexpected args: ' + JSON.stringify(context.args), 'Donne le nom du contexte : « kubectl config use-context atelier ».');
    if (name !== CONTEXT) throw new KubectlError(`no context exists with the name: ${JSON.stringify(name)}`, `Le terminal de l'Atelier ne connaît que le contexte « ${CONTEXT} » (le cluster simulé) ; « kubectl config get-contexts » le montre.`);
    context.out.out(`Switched to context "${CONTEXT}".\n`);
  },
};

export const CONFIG: CommandGroup = {
  summary: 'Modify kubeconfig files',
  help: 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\nAvailable Commands:\n  current-context   Display the current-context\n  get-contexts      Describe one or many contexts\n  use-context       Set the current-context in a kubeconfig file\n  view              Display merged kubeconfig settings or a specified kubeconfig file\n\nUsage:\n  kubectl config SUBCOMMAND [options]\n',
  subcommands: { 'current-context': CURRENT_CONTEXT, 'get-contexts': GET_CONTEXTS, 'use-context': USE_CONTEXT, view: VIEW },
};
