/**
 * The read-only documents (describe, YAML, logs, revision) for a real cluster: the same
 * texts as for the simulated one, printed by the simulator's kubectl presentation from
 * the mirror (describe, YAML, rollout history), and the container's log read from the
 * API server. Errors are kubectl's lines with the French explanation under them.
 */
import { groupResource, StatusError } from '../../../simulator/src/api/errors';
import { rolloutHistoryDetail } from '../../../simulator/src/controllers/deployment/rollout';
import { describePodTemplate } from '../../../simulator/src/kubectl/describe/containers';
import { describe, DescribeWriter, gatherRelated } from '../../../simulator/src/kubectl/describe/index';
import { HINT_PREFIX } from '../../../simulator/src/kubectl/commands/context';
import { printObject } from '../../../simulator/src/kubectl/output';
import { documentArgs, type ObjectDocument } from '../views/describeDocument';
import type { Mirror } from './mirror';
import { kubectlText, RemoteError } from './remoteErrors';

/** How many lines of a log the document shows (a real container may have written millions). */
export const LOG_TAIL_LINES = 2000;

const failure = (line: string, fr: string): string => `${line}\n${HINT_PREFIX}${fr}\n`;

/** The first container of a Pod of the mirror (what kubectl logs takes when the Pod has only one). */
function defaultContainer(mirror: Mirror, doc: ObjectDocument): string | undefined {
  const pod = mirror.store.find(doc.info, doc.namespace, doc.name);
  const containers = ((pod?.spec ?? {}) as { containers?: { name?: unknown }[] }).containers ?? [];
  return typeof containers[0]?.name === 'string' ? containers[0].name : undefined;
}

async function logText(mirror: Mirror, doc: ObjectDocument): Promise<string> {
  const container = doc.container ?? defaultContainer(mirror, doc);
  const args = [...documentArgs(container ? { ...doc, container } : doc), `--tail=${LOG_TAIL_LINES}`];
  const header = `# kubectl ${args.join(' ')}\n`;
  if (!container) return header + failure(`Error from server (NotFound): pods ${JSON.stringify(doc.name)} not found`, "Ce Pod n'existe plus sur le cluster.");
  try {
    return header + (await mirror.client.logs(doc.namespace, doc.name, container, LOG_TAIL_LINES));
  } catch (error) {
    if (error instanceof RemoteError) return header + failure(kubectlText(error), error.fr);
    throw error;
  }
}

/** The text of a document on the mirrored cluster. */
export async function remoteDocumentText(mirror: Mirror, doc: ObjectDocument): Promise<string> {
  if (doc.view === 'logs') return logText(mirror, doc);
  const { store } = mirror;
  const object = store.find(doc.info, doc.info.namespaced ? doc.namespace : '', doc.name);
  if (!object) return failure(`Error from server (NotFound): ${groupResource(doc.info)} ${JSON.stringify(doc.name)} not found`, "Cet objet n'existe pas (ou plus) sur le cluster, ou ton compte ne peut pas le lister.");
  switch (doc.view) {
    case 'yaml':
      return printObject(object, 'yaml');
    case 'describe': {
      const related = gatherRelated(doc.info, object, (info, namespace) => store.list(info, { namespace: namespace ?? '' }));
      return describe(doc.info, object, related, { now: Date.now() });
    }
    case 'history': {
      const revision = doc.revision ?? 0;
      try {
        const w = new DescribeWriter();
        describePodTemplate(w, rolloutHistoryDetail(store, doc.namespace, doc.name, revision));
        return `deployment.apps/${doc.name} with revision #${revision}\n${w.toString()}\n`;
      } catch (error) {
        if (error instanceof StatusError) return failure(`error: ${error.message}`, error.fr);
        throw error;
      }
    }
  }
}
