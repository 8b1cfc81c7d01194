/**
 * What goes wrong when talking to a real API server, in the words kubectl uses and with a
 * French explanation beside them (never instead of them): the server's metav1.Status
 * (its message, reason and code as sent), or a connection that could not be made.
 */
import { StatusError, type StatusCause, type StatusReason } from '../../../simulator/src/api/errors';

/** A refusal of the API server, or a server that could not be reached (code 0). */
export class RemoteError extends Error {
  constructor(
    /** The HTTP code; 0 when no answer came. */
    readonly code: number,
    /** metav1.Status reason (`NotFound`, `Forbidden`...), or `Unreachable`, `Credentials`. */
    readonly reason: string,
    message: string,
    readonly fr: string,
    readonly causes: readonly StatusCause[] = [],
  ) {
    super(message);
    this.name = 'RemoteError';
  }

  /** True when the server could not be reached at all (or would not take our credentials). */
  get unreachable(): boolean {
    return this.code === 0 || this.code === 401;
  }

  /** The same error as the simulator's StatusError, for the apply report (client/src/cluster/errors.ts). */
  toStatusError(): StatusError {
    return new StatusError(this.reason as StatusReason, this.code, this.message, this.fr, this.causes);
  }
}

/** The French explanation of an API status reason, when the server sent none. */
function frenchFor(reason: string, code: number, context: string): string {
  switch (reason) {
    case 'NotFound':
      return "Cet objet (ou son namespace) n'existe pas sur ce cluster : vérifie le nom et le namespace.";
    case 'AlreadyExists':
      return 'Un objet de ce nom existe déjà sur ce cluster.';
    case 'Invalid':
      return "Le serveur d'API refuse l'objet : corrige les champs cités.";
    case 'Conflict':
      return "L'objet a changé entre-temps sur le serveur : relis-le puis recommence.";
    case 'Forbidden':
      return `Le compte du contexte « ${context} » n'a pas ce droit (RBAC) : demande un Role et un RoleBinding qui l'accordent, ou change de contexte.`;
    case 'Unauthorized':
      return `Le serveur d'API refuse les identifiants du contexte « ${context} » (jeton ou certificat expiré ?) : renouvelle-les (kind : « kind export kubeconfig » ; k3s : recopie /etc/rancher/k3s/k3s.yaml).`;
    case 'BadRequest':
      return "Le serveur d'API refuse la requête telle qu'elle est écrite.";
    case 'Expired':
    case 'Gone':
      return 'Ce que le client avait lu est trop ancien : il relit la liste.';
    case 'TooManyRequests':
      return "Le serveur d'API est surchargé et demande d'attendre : réessaie dans un moment.";
    default:
      return code >= 500
        ? "Le serveur d'API a rencontré une erreur de son côté : réessaie ; si elle dure, regarde l'état du plan de contrôle."
        : `Le serveur d'API a refusé la requête (code ${code}).`;
  }
}

/** The cause type the Atelier's own facade uses to carry its French explanation (simulator/serve/status.ts). */
const FRENCH_CAUSE = 'ExplanationFr';

/** The error of a non-2xx answer: its Status when the body is one, else the bare HTTP code. */
export function statusFailure(code: number, text: string, context: string): RemoteError {
  let status: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) status = parsed as Record<string, unknown>;
  } catch {
    // Not a Status (a proxy's HTML page, a plain text): the code says enough.
  }
  const reason = typeof status.reason === 'string' && status.reason !== '' ? status.reason : reasonOfCode(code);
  const given = typeof status.message === 'string' && status.message !== '' ? status.message : '';
  // Mirrors kubectl's checkErr: `error: You must be logged in to the server (Unauthorized)` for a 401.
  const message = code === 401 ? `You must be logged in to the server (${given || 'Unauthorized'})` : given || text.trim() || `the server responded with the status code ${code}`;
  const details = (status.details ?? {}) as { causes?: { reason?: string; message?: string; field?: string }[] };
  const all = Array.isArray(details.causes) ? details.causes : [];
  const french = all.find((cause) => cause.reason === FRENCH_CAUSE)?.message;
  const causes = all.filter((cause) => cause.reason !== FRENCH_CAUSE).map((cause) => ({ type: String(cause.reason ?? ''), message: String(cause.message ?? ''), field: String(cause.field ?? '') }));
  return new RemoteError(code, reason, message, french ?? frenchFor(reason, code, context), causes);
}

/** metav1.StatusReason for a bare HTTP code. */
function reasonOfCode(code: number): string {
  const reasons: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict', 410: 'Expired', 422: 'Invalid', 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout' };
  return reasons[code] ?? 'Unknown';
}

/**
 * A request that got no answer, in kubectl's words: `The connection to the server
 * HOST:PORT was refused - did you specify the right host or port?` for a refused
 * connection, `Unable to connect to the server: ...` otherwise.
 */
export function connectionFailure(error: unknown, server: string, context: string): RemoteError {
  const err = (error ?? {}) as { code?: string; message?: string };
  const host = hostOf(server);
  const start = `Le serveur d'API du contexte « ${context} » (${server}) ne répond pas`;
  if (err.code === 'ECONNREFUSED') {
    return new RemoteError(0, 'Unreachable', `The connection to the server ${host} was refused - did you specify the right host or port?`, `${start} : le cluster est-il démarré ? (kind : « docker ps » montre ses conteneurs ; k3s : « sudo systemctl status k3s »).`);
  }
  const message = `Unable to connect to the server: ${err.message ?? String(error)}`;
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return new RemoteError(0, 'Unreachable', message, `${start} : ce nom d'hôte est inconnu. Vérifie l'adresse « server » du kubeconfig.`);
  if (err.code === 'ETIMEDOUT' || err.code === 'ECONNRESET' || err.code === 'EHOSTUNREACH' || err.code === 'ENETUNREACH') {
    return new RemoteError(0, 'Unreachable', message, `${start} : le réseau n'y mène pas (machine éteinte, VPN, pare-feu ?).`);
  }
  if (/certificate|self[- ]signed|CERT_|SSL|TLS/i.test(`${err.code ?? ''} ${err.message ?? ''}`)) {
    return new RemoteError(0, 'Unreachable', message, `${start} avec le certificat attendu : le certificate-authority-data du kubeconfig ne correspond plus au serveur (cluster recréé ?). Réexporte le kubeconfig du cluster.`);
  }
  return new RemoteError(0, 'Unreachable', message, `${start}.`);
}

/** Credentials that could not be obtained (an exec plugin missing, a file unreadable). */
export function credentialsFailure(error: unknown, context: string): RemoteError {
  const reason = error instanceof Error ? error.message : String(error);
  return new RemoteError(0, 'Credentials', `Unable to connect to the server: getting credentials: ${reason}`, `Impossible d'obtenir les identifiants du contexte « ${context} » (plugin d'authentification absent, fichier de certificat illisible ?).`);
}

/** `127.0.0.1:6443` from `https://127.0.0.1:6443`. */
function hostOf(server: string): string {
  try {
    const url = new URL(server);
    return url.port ? `${url.hostname}:${url.port}` : url.hostname;
  } catch {
    return server;
  }
}

/** The error as kubectl prints it: `Error from server (NotFound): pods "x" not found`, or the connection's own line. */
export function kubectlText(error: RemoteError): string {
  if (error.code === 0) return error.message;
  if (error.code === 401) return `error: ${error.message}`;
  return `Error from server (${error.reason}): ${error.message}`;
}
