/**
 * `kubectl set env TYPE/NAME KEY=VALUE... KEY-... [--from=configmap/NAME|secret/NAME]
 * [--prefix=P] [-c CONTAINER] [--list]` (kubectl v1.30, set_env.go): variables replaced in
 * place or appended, `KEY-` removes one, `--from` adds a valueFrom per key, `--list`
 * prints `# Deployment web, container nginx` then `KEY=value` lines. Printed
 * `deployment.apps/web env updated`; nothing for an object that does not change.
 */
import { kindInfo } from '../../api/catalog';
import { isEnvVarName } from '../../api/validation/rules/formats';
import { deepEqual, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { arr, nameOf, namespaceOf, obj, str } from '../fields';
import { kindWithGroup } from '../results';
import { dryRunOf, dryRunSuffix } from './apply';
import type { Command, CommandContext } from './context';
import { KubectlError, throwAll } from './errors';
import { parseResourceArgs } from './resources';
import { matchesContainer, podSpecAt, podSpecPatch, podSpecPath, SET_FLAGS, targets } from './setShared';

const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;
const SECRETS = kindInfo('v1', 'Secret')!;
const EXAMPLE = 'kubectl set env deployment/web MODE=prod';

/** envutil.SplitEnvironmentFromResources: resources first, then KEY=VALUE or KEY- arguments. */
function splitArgs(args: readonly string[]): { resources: string[]; env: string[] } {
  const isEnv = (arg: string): boolean => arg.includes('=') || arg.endsWith('-');
  const first = args.findIndex(isEnv);
  if (first < 0) return { resources: [...args], env: [] };
  const rest = args.slice(first);
  const stray = rest.find((arg) => !isEnv(arg));
  if (stray !== undefined) throw new KubectlError(`all resources must be specified before environment changes: ${rest.join(' ')}`, 'Écris d’abord l’objet, puis les variables : « kubectl set env deployment/web MODE=prod ».');
  return { resources: args.slice(0, first), env: rest };
}

/** envutil.ParseEnv: the variables to set and the names to remove. */
function parseEnv(specs: readonly string[]): { env: JsonObject[]; remove: string[] } {
  const env: JsonObject[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    const equals = spec.indexOf('=');
    if (equals > 0 || (equals === 0 && spec.length > 1)) {
      const name = spec.slice(0, equals);
      const problems = isEnvVarName(name);
      if (problems.length > 0) throw new KubectlError(`${JSON.stringify(name)} is not a valid key name: ${problems.join('; ')}`, 'Un nom de variable commence par une lettre, « _ », « - » ou « . », puis lettres, chiffres, « _ », « - » ou « . ».');
      env.push({ name, value: spec.slice(equals + 1) });
    } else if (spec.endsWith('-') && spec.length > 1) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`environment variables must be of the form key=value and can only contain letters, numbers, and underscores`, 'Écris CLÉ=valeur pour définir une variable, ou CLÉ- pour la retirer.');
    }
  }
  return { env, remove };
}

/** `--from=configmap/NAME|secret/NAME`: one variable per key, `--prefix` added, names made valid. */
function fromSource(context: CommandContext, from: string): JsonObject[] {
  const { requests } = parseResourceArgs([from], 'get');
  const request = requests[0]!;
  if (request.info !== CONFIGMAPS && request.info !== SECRETS) throw new KubectlError('unsupported resource specified in --from', '--from accepte configmap/NOM ou secret/NOM.');
  const object = context.cluster.store.get(request.info, context.namespace, request.names[0] ?? '');
  const ref = request.info === CONFIGMAPS ? 'configMapKeyRef' : 'secretKeyRef';
  const prefix = context.flags.string('prefix');
  const keys = context.flags.list('keys');
  return Object.keys(obj(object.data))
    .filter((key) => keys.length === 0 || keys.includes(key))
    .sort()
    .map((key) => {
      // set_env.go's keyToEnvName: invalid characters become `_`, then upper case.
      const envName = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
      if (envName !== key) context.out.err(`Warning: key ${key} transferred to ${envName}\n`);
      return { name: `${prefix}${envName}`, valueFrom: { [ref]: { key, name: nameOf(object) } } };
    });
}

/** set_env.go's updateEnv: replaced in place, new ones appended, removed ones dropped. */
function updateEnv(existing: readonly JsonObject[], env: readonly JsonObject[], remove: readonly string[]): JsonObject[] {
  const covered = new Set(remove);
  const out: JsonObject[] = [];
  for (const item of existing) {
    const name = str(item.name);
    if (covered.has(name)) continue;
    const newer = env.find((e) => e.name === name);
    if (newer) covered.add(name);
    out.push(newer ?? item);
  }
  for (const item of env) {
    if (covered.has(str(item.name))) continue;
    covered.add(str(item.name));
    out.push(item);
  }
  return out;
}

/** `--list`: what kubectl prints for each container's variables. */
function listEnv(object: KubeObject, kind: string, containers: readonly JsonObject[]): string {
  let out = '';
  for (const container of containers) {
    out += `# ${kind} ${nameOf(object)}, container ${str(container.name)}\n`;
    for (const item of arr(container.env)) {
      const from = obj(item.valueFrom);
      if (from.configMapKeyRef) out += `# ${str(item.name)} from configmap ${str(obj(from.configMapKeyRef).name)}, key ${str(obj(from.configMapKeyRef).key)}\n`;
      else if (from.secretKeyRef) out += `# ${str(item.name)} from secret ${str(obj(from.secretKeyRef).name)}, key ${str(obj(from.secretKeyRef).key)}\n`;
      else if (from.fieldRef) out += `# ${str(item.name)} from field path ${str(obj(from.fieldRef).fieldPath)}\n`;
      else out += `${str(item.name)}=${str(item.value)}\n`;
    }
  }
  return out;
}

export const ENV: Command = {
  summary: 'Update environment variables on a pod template',
  flags: [
    ...SET_FLAGS,
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'env', short: 'e', type: 'stringArray' },
    { name: 'from', type: 'string' },
    { name: 'prefix', type: 'string' },
    { name: 'keys', type: 'stringSlice' },
    { name: 'list', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'resolve', type: 'bool' },
  ],
  run(context) {
    const { resources, env: envArgs } = splitArgs(context.args);
    if (resources.length === 0 && context.flags.list('filename').length === 0) {
      throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>', `Par exemple : « ${EXAMPLE} ».`);
    }
    const list = context.flags.bool('list');
    const dryRun = dryRunOf(context);
    const { env, remove } = parseEnv([...context.flags.list('env'), ...envArgs]);
    const from = context.flags.string('from');
    if (from !== '') env.push(...fromSource(context, from));
    const selector = context.flags.string('containers', '*');
    const errors: unknown[] = [];
    for (const { info, objects } of targets(context, resources, EXAMPLE, errors)) {
      const path = podSpecPath(info.kind);
      for (const object of objects) {
        if (!path) {
          errors.push(new KubectlError(`${info.resource}/${nameOf(object)} the object is not a pod or does not have a pod template: *${info.version}.${info.kind}`, 'Seuls les objets qui décrivent des Pods (Pod, Deployment, Job...) ont des variables d’environnement.'));
          continue;
        }
        const spec = podSpecAt(object, path);
        const lists = { initContainers: arr(spec.initContainers), containers: arr(spec.containers) };
        const selected = [...lists.initContainers, ...lists.containers].filter((c) => matchesContainer(selector, str(c.name)));
        if (selected.length === 0) {
          context.out.err(`Warning: ${info.kind}/${nameOf(object)} does not have any containers matching ${JSON.stringify(selector)}\n`);
          continue;
        }
        if (list) {
          context.out.out(listEnv(object, info.kind, selected));
          continue;
        }
        const update = (containers: JsonObject[]): JsonObject[] =>
          containers.map((c) => {
            if (!selected.includes(c)) return c;
            const next = updateEnv(arr(c.env), env, remove);
            const copy: JsonObject = { ...c, env: next };
            if (next.length === 0) delete copy.env;
            return copy;
          });
        const patchSpec: JsonObject = { containers: update(lists.containers) };
        if (lists.initContainers.length > 0) patchSpec.initContainers = update(lists.initContainers);
        if (deepEqual(patchSpec.containers, lists.containers) && (lists.initContainers.length === 0 || deepEqual(patchSpec.initContainers, lists.initContainers))) continue;
        try {
          if (dryRun === 'none') context.cluster.store.patch(info, namespaceOf(object), nameOf(object), podSpecPatch(path, patchSpec));
          context.out.out(`${kindWithGroup(info)}/${nameOf(object)} env updated${dryRunSuffix(dryRun)}\n`);
        } catch (error) {
          errors.push(error);
        }
      }
    }
    throwAll(errors);
  },
};
