/**
 * `kubectl set resources TYPE/NAME --limits=cpu=200m,memory=512Mi --requests=cpu=100m
 * [-c CONTAINER]` (kubectl v1.30, set_resources.go): the quantities merged into each
 * selected container's resources, printed `deployment.apps/web resource requirements
 * updated`; nothing for an object that does not change.
 */
import { deepEqual, type JsonObject } from '../../store/json';
import { arr, nameOf, namespaceOf, obj, str } from '../fields';
import { kindWithGroup } from '../results';
import { dryRunOf, dryRunSuffix } from './apply';
import type { Command } from './context';
import { KubectlError, throwAll } from './errors';
import { matchesContainer, podSpecAt, podSpecPatch, podSpecPath, resourceList, SET_FLAGS, targets } from './setShared';

const EXAMPLE = 'kubectl set resources deployment/web --limits=cpu=200m,memory=512Mi';

export const RESOURCES: Command = {
  summary: 'Update resource requests/limits on objects with pod templates',
  flags: [...SET_FLAGS, { name: 'containers', short: 'c', type: 'string' }, { name: 'limits', type: 'string' }, { name: 'requests', type: 'string' }],
  run(context) {
    const limitsText = context.flags.string('limits');
    const requestsText = context.flags.string('requests');
    if (context.args.length === 0 && context.flags.list('filename').length === 0) {
      throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", `Par exemple : « ${EXAMPLE} ».`);
    }
    if (limitsText === '' && requestsText === '') throw new KubectlError('you must specify an update to requests or limits (in the form of --requests/--limits)', `Indique --limits et/ou --requests : « ${EXAMPLE} ».`);
    const limits = resourceList(limitsText);
    const requests = resourceList(requestsText);
    const dryRun = dryRunOf(context);
    const selector = context.flags.string('containers', '*');
    const errors: unknown[] = [];
    for (const { info, objects } of targets(context, context.args, EXAMPLE, errors)) {
      const path = podSpecPath(info.kind);
      for (const object of objects) {
        if (!path) {
          errors.push(new KubectlError(`${info.resource}/${nameOf(object)} the object is not a pod or does not have a pod template: *${info.version}.${info.kind}`, 'Seuls les objets qui décrivent des Pods (Pod, Deployment, Job...) ont des ressources de conteneurs.'));
          continue;
        }
        const containers = arr(podSpecAt(object, path).containers);
        if (!containers.some((c) => matchesContainer(selector, str(c.name)))) {
          errors.push(new KubectlError(`error: unable to find container named ${selector}`, `Aucun conteneur « ${selector} » ici : les noms sont ${containers.map((c) => str(c.name)).join(', ')}.`));
          continue;
        }
        const next = containers.map((c) => {
          if (!matchesContainer(selector, str(c.name))) return c;
          const resources: JsonObject = { ...obj(c.resources) };
          if (limits) resources.limits = { ...obj(resources.limits), ...limits };
          if (requests) resources.requests = { ...obj(resources.requests), ...requests };
          return { ...c, resources };
        });
        if (deepEqual(next, containers)) continue;
        try {
          if (dryRun === 'none') context.cluster.store.patch(info, namespaceOf(object), nameOf(object), podSpecPatch(path, { containers: next }));
          context.out.out(`${kindWithGroup(info)}/${nameOf(object)} resource requirements updated${dryRunSuffix(dryRun)}\n`);
        } catch (error) {
          errors.push(error);
        }
      }
    }
    throwAll(errors);
  },
};
