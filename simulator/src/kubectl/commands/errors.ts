/**
 * How kubectl reports a failure (kubectl/pkg/cmd/util/helpers.go, checkErr and
 * StandardErrorMessage, v1.30): `Error from server (NotFound): ...` for an API status,
 * `The Deployment "web" is invalid: ...` for an Invalid one (one line per cause when
 * there are several), `error: ...` for kubectl's own errors, pflag's errors followed by
 * `See 'kubectl get --help' for usage.`, and several errors one per line. Each is
 * followed by its French explanation on a `💡 ` line, never instead of it.
 */
import { StatusError } from '../../api/errors';
import type { Output } from './context';
import { FlagError } from './parse';

/** An error kubectl raises itself: printed `error: <message>` (or as is when `raw`). */
export class KubectlError extends Error {
  constructor(
    message: string,
    /** A French explanation for learners. */
    readonly fr?: string,
    /** Printed without the `error: ` prefix (kubectl's multi-line usage texts). */
    readonly raw = false,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** cmdutil.UsageErrorf: the message, then `See 'kubectl <path> -h' for help and examples`. */
export class UsageError extends KubectlError {
  constructor(message: string, fr?: string) {
    super(message, fr);
    this.name = 'UsageError';
  }
}

/** utilerrors.Aggregate: several errors, printed one per line. */
export class ErrorList extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super(errors.map((error) => (error instanceof Error ? error.message : String(error))).join(', '));
    this.name = 'ErrorList';
  }
}

/** Throws nothing for no error, the error alone for one, an ErrorList for more. */
export function throwAll(errors: readonly unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ErrorList(errors);
}

/**
 * cmdutil.AddSourceToErr: `error when creating "web.yaml": <message>`, keeping the
 * status (reason, causes) so that it prints the same way otherwise.
 */
export function addSource(verb: string, source: string, error: unknown): unknown {
  if (source === '') return error;
  if (error instanceof StatusError) {
    return new StatusError(error.reason, error.code, `error when ${verb} ${JSON.stringify(source)}: ${error.message}`, error.fr, error.causes, error.findings);
  }
  if (error instanceof Error) return new KubectlError(`error when ${verb} ${JSON.stringify(source)}: ${error.message}`, frOf(error));
  return error;
}

function frOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const fr = (error as { fr?: unknown }).fr;
  return typeof fr === 'string' && fr !== '' ? fr : undefined;
}

/** The kind and name an Invalid status's details carry (parsed back from its message). */
function invalidDetails(error: StatusError): { kind: string; name: string } | undefined {
  const match = /^(?:error when [a-z]+ "(?:[^"\\]|\\.)*": )?([^\s"]+) ("(?:[^"\\]|\\.)*") is invalid/.exec(error.message);
  if (!match) return undefined;
  return { kind: match[1]!.split('.')[0]!, name: JSON.parse(match[2]!) as string };
}

/** checkErr's Invalid branch: `The Deployment "web" is invalid: spec.replicas: ...`. */
function invalidText(error: StatusError): string {
  const details = invalidDetails(error);
  const prefix = details ? `The ${details.kind} ${JSON.stringify(details.name)} is invalid` : 'The request is invalid';
  const causes = [...new Set(error.causes.map((cause) => `${cause.field}: ${cause.message}`))];
  if (causes.length === 0) return details ? `${prefix}\n` : `${prefix}: ${error.message}\n`;
  if (causes.length === 1) return `${prefix}: ${causes[0]}\n`;
  return `${prefix}: \n${causes.map((cause) => `* ${cause}\n`).join('')}`;
}

/** StandardErrorMessage, or the error's own text. */
function messageForError(error: unknown): string {
  if (error instanceof StatusError) return `Error from server (${error.reason}): ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** The French line for a pflag error. */
function flagFr(error: FlagError, path: string): string {
  const message = error.message;
  if (message.startsWith('unknown flag') || message.startsWith('unknown shorthand flag')) {
    return `Cette option n'existe pas pour « kubectl ${path} » : « kubectl ${path} --help » liste celles qui existent.`;
  }
  if (message.startsWith('flag needs an argument')) return 'Cette option attend une valeur juste après elle (par exemple « -n dev » ou « --namespace=dev »).';
  if (message.startsWith('invalid argument')) return "La valeur donnée à l'option n'a pas le bon type (un nombre, true/false ou une durée comme 30s selon l'option).";
  return `La ligne de commande n'est pas bien formée : « kubectl ${path} --help » montre la syntaxe.`;
}

/** Writes one error as kubectl's checkErr would, then its French hint, and sets exit code 1. */
export function writeError(out: Output, error: unknown, path: string): void {
  out.exitCode = 1;
  if (error instanceof ErrorList) {
    if (error.errors.length === 1) {
      writeError(out, error.errors[0], path);
      return;
    }
    for (const item of error.errors) {
      out.err(`${messageForError(item)}\n`);
      out.hint(frOf(item));
    }
    return;
  }
  if (error instanceof FlagError) {
    out.err(`error: ${error.message}\nSee 'kubectl ${path} --help' for usage.\n`);
    out.hint(flagFr(error, path));
    return;
  }
  if (error instanceof UsageError) {
    out.err(`error: ${error.message}\nSee 'kubectl ${path} -h' for help and examples\n`);
    out.hint(error.fr);
    return;
  }
  if (error instanceof StatusError) {
    out.err(error.reason === 'Invalid' ? invalidText(error) : `${messageForError(error)}\n`);
    out.hint(error.fr);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const raw = error instanceof KubectlError && error.raw;
  out.err(`${raw || message.startsWith('error: ') ? message : `error: ${message}`}\n`);
  out.hint(frOf(error));
}
