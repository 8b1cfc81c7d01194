/**
 * `kubectl set image TYPE/NAME CONTAINER=IMAGE...` (`*=IMAGE` for every container), the
 * rolling update of the tutorials: a patch of the pod template's images, printed
 * `deployment.apps/web image updated` (kubectl v1.30's set_image.go); nothing is printed
 * for an object whose images were already those.
 */
import type { JsonObject } from '../../store/json';
import { arr, obj, nameOf, namespaceOf, str } from '../fields';
import { resultLine } from '../results';
import type { Command, CommandGroup, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { fetch, requestsFromFiles } from './get';
import { parseResourceArgs } from './resources';
import { podSpecPath, SET_FLAGS } from './setShared';
import { ENV } from './setEnv';
import { RESOURCES } from './setResources';


const IMAGE: Command = {
  summary: 'Update the image of a pod template',
  flags: SET_FLAGS,
  run(context) {
    const { flags, out } = context;
    const resources = context.args.filter((arg) => !arg.includes('='));
    const updates = context.args.filter((arg) => arg.includes('=')).map((arg) => [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] as const);
    const errors: unknown[] = [];
    let requests: ResourceRequest[];
    if (flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
    else if (resources.length > 0) requests = parseResourceArgs(resources, 'set image').requests;
    else throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'Par exemple : « kubectl set image deployment/web nginx=nginx:1.28 ».');
    if (updates.length === 0) throw new KubectlError('at least one image update is required', 'Indique conteneur=image, par exemple nginx=nginx:1.28 (le nom du conteneur, pas celui du Deployment).');
    for (const { info, objects } of fetch(context, requests, context.namespace, errors)) {
      const path = podSpecPath(info.kind);
      for (const object of objects) {
        if (!path) {
          errors.push(new KubectlError(`error: ${info.resource} "${nameOf(object)}" does not have a pod template`, 'Seuls les objets qui décrivent des Pods (Pod, Deployment, ReplicaSet, Job...) ont des images.'));
          continue;
        }
        const spec = path.reduce<JsonObject>((node, key) => obj(node[key]), object);
        const containers = [...arr(spec.initContainers), ...arr(spec.containers)];
        const patchContainers = (list: unknown): JsonObject[] => arr(list).map((c) => ({ ...c }));
        const next = { initContainers: patchContainers(spec.initContainers), containers: patchContainers(spec.containers) };
        let missing: string | undefined;
        for (const [name, image] of updates) {
          const targets = [...next.initContainers, ...next.containers].filter((c) => name === '*' || str(c.name) === name);
          if (targets.length === 0) missing ??= name;
          for (const target of targets) target.image = image;
        }
        if (missing !== undefined) {
          errors.push(new KubectlError(`error: unable to find container named ${JSON.stringify(missing)}`, `Aucun conteneur « ${missing} » ici : le nom est celui de spec.containers[].name (${containers.map((c) => str(c.name)).join(', ')}), pas celui de l'image.`));
          continue;
        }
        const unchanged = [...next.initContainers, ...next.containers].every((c, i) => str(c.image) === str(containers[i]!.image));
        if (unchanged) continue;
        // A merge patch of whole lists: the containers keep everything but their image.
        const patchSpec: JsonObject = { containers: next.containers };
        if (next.initContainers.length > 0) patchSpec.initContainers = next.initContainers;
        const patch = path.reduceRight<JsonObject>((inner, key) => ({ [key]: inner }), patchSpec);
        try {
          context.cluster.store.patch(info, namespaceOf(object), nameOf(object), patch);
          out.out(resultLine(info, nameOf(object), 'image updated'));
        } catch (error) {
          errors.push(error);
        }
      }
    }
    throwAll(errors);
  },
};

export const SET: CommandGroup = {
  summary: 'Set specific features on objects',
  help: 'Configure application resources.\n\n These commands help you make changes to existing application resources.\n\nAvailable Commands:\n  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n  resources        Update resource requests/limits on objects with pod templates\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n',
  subcommands: { env: ENV, image: IMAGE, resources: RESOURCES },
};
