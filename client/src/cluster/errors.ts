/**
 * What kubectl prints for a failed object (kubectl/pkg/cmd/util/helpers.go, checkErr, v1.30):
 * `The Deployment "web" is invalid: spec.replicas: ...` for an Invalid status,
 * `Error from server (NotFound): error when deleting "web.yaml": ...` for another API
 * status, `error: ...` for what kubectl refuses itself. The French explanation the
 * simulator attached travels beside it.
 */
import type { KindInfo } from '../../../simulator/src/api/catalog';
import { StatusError } from '../../../simulator/src/api/errors';
import { ApplyError } from '../../../simulator/src/store/apply';
import type { Problem } from '../../../simulator/src/kubectl/commands/manifests';

export type Verb = 'creating' | 'patching' | 'deleting';

/** checkErr's Invalid branch: one cause on the line, several as a `* ` list. */
function invalidText(error: StatusError, kind: string, name: string): string {
  const prefix = `The ${kind} ${JSON.stringify(name)} is invalid`;
  const causes = [...new Set(error.causes.map((cause) => `${cause.field}: ${cause.message}`))];
  if (causes.length === 0) return `${prefix}: ${error.message}`;
  if (causes.length === 1) return `${prefix}: ${causes[0]}`;
  return `${prefix}: \n${causes.map((cause) => `* ${cause}`).join('\n')}`;
}

/** The failure of one object, as kubectl reports it, with its French explanation. */
export function problemOf(error: unknown, verb: Verb, source: string, info?: Pick<KindInfo, 'kind'>, name = ''): Problem {
  if (error instanceof StatusError) {
    const message =
      error.reason === 'Invalid' && info
        ? invalidText(error, info.kind, name)
        : `Error from server (${error.reason}): error when ${verb} ${JSON.stringify(source)}: ${error.message}`;
    return { message, fr: error.fr };
  }
  if (error instanceof ApplyError) return { message: `error: ${error.message}`, fr: error.fr };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `error: ${message}`, fr: "Le cluster simulé a rencontré une erreur inattendue : c'est un défaut de l'Atelier, pas de ton manifeste." };
}
