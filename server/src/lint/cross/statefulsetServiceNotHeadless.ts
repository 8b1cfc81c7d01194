/**
 * `statefulset-service-not-headless`: a StatefulSet's `serviceName` must name a headless
 * Service (`clusterIP: None`): that Service is what publishes one DNS name per Pod
 * (`web-0.web.<namespace>.svc.cluster.local`), the stable network identity the StatefulSet
 * promises. The Pods start without it; only their names do not resolve.
 */
import type { LintFinding, LintRule } from '../rule';
import { podTemplateOf } from './podTemplates';
import { closestNames, didYouMean, named, nameOf, obj, text } from './objects';

export const statefulsetServiceNotHeadless: LintRule = {
  id: 'statefulset-service-not-headless',
  severity: 'warning',
  chapter: 'avance',
  kinds: ['StatefulSet'],
  description: "Signale un StatefulSet dont le serviceName ne désigne aucun Service connu, ou un Service qui n'est pas headless (clusterIP: None).",
  check(object, context): LintFinding[] {
    const serviceName = text(obj(object.spec)?.serviceName);
    if (!serviceName) return [];
    const pod = `${nameOf(object) ?? 'web'}-0.${serviceName}.${context.namespace ?? 'default'}.svc.cluster.local`;
    const services = named(context.resources, 'Service', serviceName, context.namespace);
    if (services.length === 0) {
      const candidates = closestNames(
        serviceName,
        context.resources.list('Service', context.namespace).map((service) => service.name),
      );
      return [
        {
          path: ['spec', 'serviceName'],
          message:
            `Aucun Service « ${serviceName} » n'est connu dans ce namespace (ni dans l'espace de travail ni dans le cluster simulé). ` +
            `Les Pods du StatefulSet démarreront, mais leurs noms DNS stables (${pod}) n'existeront pas tant que ce Service headless n'existe pas. ` +
            `Crée un Service « ${serviceName} » avec \`clusterIP: None\` et le même selector que les labels des Pods.${didYouMean(candidates)}`,
          fix: { service: serviceName, namespace: context.namespace, exists: false, selector: podTemplateOf(object)?.labels ?? {}, candidates },
        },
      ];
    }
    if (services.some((service) => obj(obj(service.object)?.spec)?.clusterIP === 'None')) return [];
    const service = services.find((candidate) => candidate.source === 'workspace') ?? services[0]!;
    return [
      {
        path: ['spec', 'serviceName'],
        message:
          `Le Service « ${serviceName} » n'est pas headless : il a une IP virtuelle, et le DNS ne publie pas d'adresse par Pod, ` +
          `donc ${pod} ne se résout pas. Le StatefulSet a besoin d'un Service avec \`clusterIP: None\` pour l'identité réseau de ses Pods ; ` +
          `garde un autre Service (ClusterIP) pour répartir le trafic. \`clusterIP\` ne se modifie pas sur un Service existant : supprime-le puis recrée-le.`,
        fix: { service: serviceName, namespace: context.namespace, exists: true, uri: service.uri },
      },
    ];
  },
};
