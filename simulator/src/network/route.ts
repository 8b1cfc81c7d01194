/**
 * The way a URL takes through the simulated cluster, told in French for the learner: the
 * name resolved, the ingress controller and the Ingress rule, the Service, the Pod, and
 * the NetworkPolicy that stopped it, then the answer. For the CLI and the editor to show
 * where `http://web.example.com/api` or `web.default` leads. Pure: reads the store.
 */
import type { StateReader } from '../kubelet/replay';
import type { JsonObject } from '../store/json';
import { httpRequest, parseUrl, REASONS, type Hop, type HttpOutcome, type RequestOptions } from './http';

function hopLine(hop: Hop): string {
  switch (hop.kind) {
    case 'dns':
      return `DNS : ${hop.name} → ${hop.ip}`;
    case 'controller':
      return `Contrôleur d'Ingress ingress-nginx (${hop.ip})`;
    case 'ingress':
      if (hop.ingress === undefined) return "Aucune règle d'Ingress ne correspond : le contrôleur répond lui-même 404.";
      if (hop.path === undefined) return `Ingress ${hop.ingress} : son backend par défaut (defaultBackend)`;
      return `Ingress ${hop.ingress} : ${hop.host ? `hôte ${hop.host}` : 'règle sans hôte'}, chemin ${hop.path} (${hop.pathType})`;
    case 'service':
      return `Service ${hop.service}, port ${hop.port}`;
    case 'nodePort':
      return `NodePort ${hop.port} du nœud ${hop.node}`;
    case 'pod':
      return `Pod ${hop.pod} (${hop.ip}), port ${hop.port}`;
    case 'denied':
      return `Bloqué par ${hop.policies.length > 1 ? 'les NetworkPolicies' : 'la NetworkPolicy'} ${hop.policies.join(', ')} (${hop.by === 'egress' ? 'sortie du Pod source' : 'entrée du Pod de destination'}) : aucune de ${hop.policies.length > 1 ? 'leurs' : 'ses'} règles ne laisse passer.`;
  }
}

/** The hops, one line each, then how it ended. */
export function routeLines(outcome: HttpOutcome): string[] {
  const lines = outcome.hops.map(hopLine);
  if (outcome.ok) lines.push(`Réponse : ${outcome.answer.status} ${REASONS[outcome.answer.status] ?? ''}`.trimEnd());
  else if (outcome.failure === 'dns') lines.push('Échec : le nom ne se résout pas (pas de Service de ce nom, ou DNS bloqué).');
  else if (outcome.failure === 'refused') lines.push("Échec : connexion refusée (aucun Pod prêt derrière le Service, ou rien n'écoute sur ce port).");
  else if (outcome.failure === 'timeout') lines.push('Échec : délai dépassé (les paquets sont perdus : NetworkPolicy ou adresse inconnue).');
  else lines.push("Échec : le serveur ferme la connexion sans répondre en HTTP.");
  return lines;
}

/**
 * Where `target` (`http://web.example.com/api`, `web.default:8080`) leads from a Pod, or
 * from outside the cluster without one; undefined for a URL that does not parse.
 */
export function traceUrl(reader: StateReader, now: number, target: string, from: { pod?: JsonObject; namespace: string } = { namespace: 'default' }, options: RequestOptions = {}): { outcome: HttpOutcome; lines: string[] } | undefined {
  const url = parseUrl(target);
  if (!url) return undefined;
  const outcome = httpRequest(reader, now, from, url, options);
  return { outcome, lines: routeLines(outcome) };
}
