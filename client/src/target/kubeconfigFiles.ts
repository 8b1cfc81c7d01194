/**
 * What the Atelier knows of the kubeconfig without reading it: where kubectl looks for it,
 * the contexts it offers, and the error of a file that cannot be read. Kept apart from
 * kubeconfig.ts, which parses it with @kubernetes/client-node, so that what activate()
 * imports (choose.ts) does not load client-node (see connection.ts).
 */
import { homedir } from 'node:os';
import * as path from 'node:path';

/** One context the learner can choose. */
export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  /** The API server's URL ('' when the context names an unknown cluster). */
  server: string;
  /** The context's namespace, when it sets one. */
  namespace?: string;
}

/** A kubeconfig that could not be read, with kubectl's words and a French explanation. */
export class KubeconfigProblem extends Error {
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
    this.name = 'KubeconfigProblem';
  }
}

/** The files kubectl would read: KUBECONFIG's, else ~/.kube/config. */
export function kubeconfigPaths(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string[] {
  const variable = env.KUBECONFIG ?? '';
  if (variable.trim() !== '') return variable.split(path.delimiter).filter((file) => file !== '');
  return [path.join(home, '.kube', 'config')];
}
