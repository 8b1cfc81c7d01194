/**
 * The API server's errors, as apimachinery/pkg/api/errors builds them (v1.30): a status
 * with a reason, an HTTP code and Kubernetes' own English message. The simulated API
 * server throws these; kubectl presentation prints `Error from server (Reason): message`.
 * A French explanation travels beside the message, never instead of it.
 */
import type { KindInfo } from './catalog';
import type { Finding } from './validation/finding';

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'Forbidden' | 'BadRequest' | 'MethodNotAllowed' | 'TooManyRequests' | 'InternalError';

export interface StatusCause {
  type: string;
  message: string;
  field: string;
}

export class StatusError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    /** A French explanation for learners. */
    readonly fr: string,
    readonly causes: readonly StatusCause[] = [],
    /** The findings behind an Invalid or BadRequest error. */
    readonly findings: readonly Finding[] = [],
  ) {
    super(message);
    this.name = 'StatusError';
  }
}

/** `deployments.apps` for apps, `pods` for the core group (schema.GroupResource.String). */
export function groupResource(info: Pick<KindInfo, 'resource' | 'group'>): string {
  return info.group === '' ? info.resource : `${info.resource}.${info.group}`;
}

/** `Deployment.apps` for apps, `Pod` for the core group (schema.GroupKind.String). */
export function groupKind(info: Pick<KindInfo, 'kind' | 'group'>): string {
  return info.group === '' ? info.kind : `${info.kind}.${info.group}`;
}

/** errors.NewNotFound: `deployments.apps "web" not found`. */
export function notFound(info: Pick<KindInfo, 'resource' | 'group'>, name: string): StatusError {
  return new StatusError('NotFound', 404, `${groupResource(info)} ${JSON.stringify(name)} not found`, `Aucun objet ${info.resource} ne s'appelle « ${name} » ici (vérifie le nom et le namespace).`);
}

/** errors.NewAlreadyExists: `deployments.apps "web" already exists`. */
export function alreadyExists(info: Pick<KindInfo, 'resource' | 'group'>, name: string): StatusError {
  return new StatusError('AlreadyExists', 409, `${groupResource(info)} ${JSON.stringify(name)} already exists`, `Un objet ${info.resource} nommé « ${name} » existe déjà : utilise apply pour le modifier, ou choisis un autre nom.`);
}

/** errors.NewConflict for a stale resourceVersion on update. */
export function conflict(info: Pick<KindInfo, 'resource' | 'group'>, name: string): StatusError {
  return new StatusError(
    'Conflict',
    409,
    `Operation cannot be fulfilled on ${groupResource(info)} ${JSON.stringify(name)}: the object has been modified; please apply your changes to the latest version and try again`,
    "Quelqu'un (ou un contrôleur) a modifié l'objet depuis que tu l'as lu : relis-le puis recommence (optimistic concurrency, via resourceVersion).",
  );
}

/** errors.NewForbidden: `pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "default"`. */
export function forbiddenError(info: Pick<KindInfo, 'resource' | 'group'>, name: string, reason: string, fr: string): StatusError {
  const subject = name === '' ? groupResource(info) : `${groupResource(info)} ${JSON.stringify(name)}`;
  return new StatusError('Forbidden', 403, `${subject} is forbidden: ${reason}`, fr);
}

/** Aggregates messages the way utilerrors.NewAggregate prints them: one alone, else `[a, b]`. */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/**
 * errors.NewInvalid: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: ...`.
 * Each cause carries the field error's body without the field, like metav1.StatusCause.
 */
export function invalidError(info: Pick<KindInfo, 'kind' | 'group'>, name: string, findings: readonly Finding[]): StatusError {
  const causes = findings.map((finding) => ({
    type: finding.causeType,
    message: finding.message.startsWith(`${finding.field}: `) ? finding.message.slice(finding.field.length + 2) : finding.message,
    field: finding.field,
  }));
  const message = `${groupKind(info)} ${JSON.stringify(name)} is invalid: ${aggregate(findings.map((finding) => finding.message))}`;
  return new StatusError('Invalid', 422, message, findings.map((finding) => finding.fr).join('\n'), causes, findings);
}

/**
 * The 400 an API server answers when the body does not decode into the kind:
 * `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"`.
 * Strict field validation lists every unknown field; a decoder error (type, quantity, base64) stops at the first.
 */
export function decodeError(info: Pick<KindInfo, 'kind' | 'version'>, findings: readonly Finding[]): StatusError {
  // The JSON decoder stops at its first error (a wrong type, a bad quantity, bad base64);
  // only when everything decodes does strict field validation list the unknown fields.
  const strict = new Set(['unknown-field', 'duplicate-field']);
  const decodeFindings = findings.filter((finding) => finding.phase === 'decode');
  const decoderError = decodeFindings.find((finding) => !strict.has(finding.code));
  const detail = decoderError ? decoderError.message : `strict decoding error: ${decodeFindings.map((finding) => finding.message).join(', ')}`;
  const message = `${info.kind} in version ${JSON.stringify(info.version)} cannot be handled as a ${info.kind}: ${detail}`;
  return new StatusError('BadRequest', 400, message, findings.map((finding) => finding.fr).join('\n'), [], findings);
}
