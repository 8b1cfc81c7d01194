/**
 * metav1.Status, the body of every refusal the API server sends (apimachinery
 * pkg/api/errors and endpoints/handlers/responsewriters, v1.30): a reason, an HTTP code,
 * Kubernetes' English message, and details naming what the request was about. The
 * simulator's StatusError carries a French explanation beside the message; it travels
 * here as one more cause of type `ExplanationFr`, which kubectl does not print (except
 * for Invalid errors, whose causes it lists: there the French stays out).
 */
import { StatusError, type StatusCause } from '../src/api/errors';

/** A refusal the facade answers with, as HTTP code and metav1.Status. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly fr = '',
    readonly causes: readonly StatusCause[] = [],
    /** Extra `details` (retryAfterSeconds...). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** What a request was about, for `details`: `{ name: "web", group: "apps", kind: "deployments" }`. */
export interface StatusSubject {
  name?: string;
  group?: string;
  /** The resource (`deployments`), or the Kind for Invalid errors, as the API server fills it. */
  resource?: string;
  kind?: string;
}

/** An error with what it was about, when the URL does not say it (a create names its object in the body). */
export class AboutError extends Error {
  constructor(
    readonly error: unknown,
    readonly subject: StatusSubject,
  ) {
    super(error instanceof Error ? error.message : String(error));
    this.name = 'AboutError';
  }
}

/** Runs `write`; its errors carry `name` (kubectl prints Invalid errors with details.name). */
export function naming<T>(name: unknown, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw typeof name === 'string' && name !== '' ? new AboutError(error, { name }) : error;
  }
}

/** The cause type that carries the French explanation. */
export const FRENCH_CAUSE = 'ExplanationFr';

/** metav1.Status for a failure. */
export function failureStatus(code: number, reason: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  const status: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details && Object.keys(details).length > 0) status.details = details;
  status.code = code;
  return status;
}

/** metav1.Status for a success (DELETE of a collection, an eviction). */
export function successStatus(details?: Record<string, unknown>): Record<string, unknown> {
  const status: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' };
  if (details) status.details = details;
  return status;
}

function detailsFor(subject: StatusSubject | undefined, reason: string, causes: readonly StatusCause[], fr: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  if (subject?.name) details.name = subject.name;
  if (subject?.group) details.group = subject.group;
  // Mirrors errors.NewInvalid (details.kind is the Kind) and the others (the resource).
  const kind = reason === 'Invalid' ? subject?.kind : subject?.resource;
  if (kind) details.kind = kind;
  // metav1.StatusCause's type is `reason` in JSON.
  const all: Record<string, unknown>[] = causes.map((cause) => ({ reason: cause.type, message: cause.message, field: cause.field }));
  // kubectl lists the causes of an Invalid error: the French must not show up among them.
  if (fr !== '' && reason !== 'Invalid') all.push({ reason: FRENCH_CAUSE, message: fr });
  if (all.length > 0) details.causes = all;
  return { ...details, ...extra };
}

/** The HTTP code and body of any error a handler threw (a bug is an InternalError, 500). */
export function statusOf(error: unknown, subject?: StatusSubject): { code: number; body: Record<string, unknown> } {
  if (error instanceof AboutError) return statusOf(error.error, { ...subject, ...error.subject });
  if (error instanceof StatusError) {
    return { code: error.code, body: failureStatus(error.code, error.reason, error.message, detailsFor(subject, error.reason, error.causes, error.fr)) };
  }
  if (error instanceof ApiFailure) {
    return { code: error.code, body: failureStatus(error.code, error.reason, error.message, detailsFor(subject, error.reason, error.causes, error.fr, error.extra)) };
  }
  const text = error instanceof Error ? error.message : String(error);
  const message = `Internal error occurred: ${text}`;
  return { code: 500, body: failureStatus(500, 'InternalError', message, detailsFor(subject, 'InternalError', [{ type: '', message: text, field: '' }], "Le cluster simulé a rencontré une erreur interne : c'est un défaut de l'Atelier, pas de ta commande.")) };
}

/** 404 for a path nobody serves: the API server's bare `404 page not found`-like Status. */
export function pathNotFound(): ApiFailure {
  return new ApiFailure(404, 'NotFound', 'the server could not find the requested resource', "Ce chemin n'existe pas dans l'API du cluster simulé.");
}

/** 400 BadRequest with a French explanation. */
export function badRequest(message: string, fr: string): ApiFailure {
  return new ApiFailure(400, 'BadRequest', message, fr);
}

/** 405 for a verb a resource does not serve. */
export function methodNotAllowed(fr: string): ApiFailure {
  return new ApiFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', fr);
}
