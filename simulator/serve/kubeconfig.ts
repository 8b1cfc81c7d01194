/**
 * The kubeconfig that points kubectl at the facade: a cluster, a user and a context all
 * named `atelier`, made the current context. Written into an existing kubeconfig, it
 * replaces only the `atelier` entries and keeps the others (a kind or k3s context stays
 * one `kubectl config use-context` away).
 */
import { parse as parseYaml, stringify } from 'yaml';

export const CONTEXT_NAME = 'atelier';

export interface KubeconfigTarget {
  /** `https://127.0.0.1:PORT`. */
  server: string;
  token: string;
  /** The PEM certificate to trust (certificate-authority-data). */
  ca?: string;
  /** The context's namespace (default: none, kubectl then uses `default`). */
  namespace?: string;
}

type Named = { name?: unknown } & Record<string, unknown>;

/** A kubeconfig that cannot be read, with a French explanation. */
export class KubeconfigError extends Error {
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

function withEntry(list: unknown, entry: Named): Named[] {
  const entries = Array.isArray(list) ? (list as Named[]).filter((item) => item?.name !== CONTEXT_NAME) : [];
  return [...entries, entry];
}

/** The kubeconfig text: `existing` (a kubeconfig's text, or undefined) with the `atelier` entries set. */
export function kubeconfigText(target: KubeconfigTarget, existing?: string): string {
  let config: Record<string, unknown> = {};
  if (existing !== undefined && existing.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = parseYaml(existing);
    } catch (error) {
      throw new KubeconfigError(`error loading config file: ${(error as Error).message}`, "Ce kubeconfig n'est pas du YAML valide : corrige-le ou choisis un autre fichier avec --kubeconfig.");
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed as Record<string, unknown>;
    else if (parsed !== null && parsed !== undefined) throw new KubeconfigError('error loading config file: not a kubeconfig', "Ce fichier n'est pas un kubeconfig : choisis un autre fichier avec --kubeconfig.");
  }
  const context: Record<string, unknown> = { cluster: CONTEXT_NAME, user: CONTEXT_NAME };
  if (target.namespace) context.namespace = target.namespace;
  const out: Record<string, unknown> = {
    apiVersion: config.apiVersion ?? 'v1',
    kind: config.kind ?? 'Config',
    ...config,
    clusters: withEntry(config.clusters, { name: CONTEXT_NAME, cluster: { server: target.server, ...(target.ca ? { 'certificate-authority-data': Buffer.from(target.ca).toString('base64') } : {}) } }),
    users: withEntry(config.users, { name: CONTEXT_NAME, user: { token: target.token } }),
    contexts: withEntry(config.contexts, { name: CONTEXT_NAME, context }),
    'current-context': CONTEXT_NAME,
  };
  out.preferences ??= {};
  return stringify(out);
}
