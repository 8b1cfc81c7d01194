/**
 * The generators whose Run wraps the API server's answer (create_quota.go, create_pdb.go,
 * create_ingress.go, create_secret_*.go, kubectl v1.30): `fmt.Errorf("failed to create
 * quota: %v", err)`, so kubectl prints `error: failed to create quota: resourcequotas "q"
 * already exists` rather than `Error from server (AlreadyExists): ...`.
 */
import type { KindInfo } from '../../../api/catalog';
import { StatusError } from '../../../api/errors';
import type { KubeObject } from '../../../store/store';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { createObject } from './common';

/** createObject, with a server error reworded as `failed to create <what>: <message>`. */
export function createOrFail(context: CommandContext, info: KindInfo, object: KubeObject, what: string): void {
  try {
    createObject(context, info, object);
  } catch (error) {
    if (error instanceof StatusError) throw new KubectlError(`failed to create ${what}: ${error.message}`, [...new Set(error.fr.split('\n'))].join('\n'));
    throw error;
  }
}
