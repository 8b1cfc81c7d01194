import * as vscode from 'vscode';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { findImage } from '../../../simulator/src/kubelet/images';
import type { ObjectRef } from '../cluster/service';
import type { Forward } from '../portForward';
import { targetOf, type CommandContext, type Kinds } from './services';

const FORWARDABLE: Kinds = [
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
];

type Json = Record<string, unknown>;
const objects = (value: unknown): Json[] => (Array.isArray(value) ? (value.filter((v) => v !== null && typeof v === 'object') as Json[]) : []);

/** The ports an object offers: a Service's ports, else its containers' (declared, or those their image listens on). */
function portsOf(object: Json | undefined, kind: string): number[] {
  const spec = (object?.spec ?? {}) as Json;
  if (kind === 'Service') return objects(spec.ports).map((p) => Number(p.port));
  const podSpec = (kind === 'Pod' ? spec : ((spec.template as Json | undefined)?.spec ?? {})) as Json;
  const containers = objects(podSpec.containers);
  const declared = containers.flatMap((c) => objects(c.ports).map((p) => Number(p.containerPort)));
  const served = containers.flatMap((c) => findImage(typeof c.image === 'string' ? c.image : '')?.ports ?? []);
  return [...new Set([...declared, ...served])].filter((port) => Number.isInteger(port) && port > 0);
}

/** The local port: the same as the remote one when it is not privileged, else 8080 for 80 (and so on). */
const localFor = (remote: number): number => (remote >= 1024 ? remote : remote === 80 ? 8080 : remote === 443 ? 8443 : 8000 + remote);

async function choosePort(ref: ObjectRef, ports: number[]): Promise<number | undefined> {
  if (ports.length === 1) return ports[0];
  if (ports.length > 1) {
    const picked = await vscode.window.showQuickPick(ports.map(String), { placeHolder: vscode.l10n.t('Quel port de {0} rediriger ?', ref.name) });
    return picked === undefined ? undefined : Number(picked);
  }
  const typed = await vscode.window.showInputBox({
    prompt: vscode.l10n.t("Port de {0} à rediriger (aucun port n'est déclaré)", ref.name),
    validateInput: (value) => (/^\d+$/.test(value) && Number(value) > 0 && Number(value) < 65536 ? undefined : vscode.l10n.t('Un numéro de port entre 1 et 65535')),
  });
  return typed === undefined ? undefined : Number(typed);
}

/**
 * "Rediriger un port (kubectl port-forward)": a local port on 127.0.0.1 that answers what
 * the container serves, and an offer to open it in the browser.
 */
export function portForward(ctx: CommandContext) {
  return async (item?: unknown): Promise<Forward | undefined> => {
    const forwards = ctx.forwards;
    if (!forwards) return undefined;
    const ref = await targetOf(ctx, item, FORWARDABLE, vscode.l10n.t('Vers quel objet rediriger un port ?'));
    const info = ref && kindInfo(ref.apiVersion, ref.kind);
    if (!ref || !info) return undefined;
    const remote = await choosePort(ref, portsOf(ctx.cluster.find(ref), ref.kind));
    if (remote === undefined) return undefined;
    const spec = { namespace: ref.namespace ?? 'default', info, name: ref.name, remote };
    let forward: Forward;
    try {
      forward = await forwards.start({ ...spec, local: localFor(remote) }).catch(() => forwards.start({ ...spec, local: 0 }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.output.error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    ctx.output.info(`kubectl port-forward ${forward.target} ${forward.local}:${remote}${ref.namespace ? ` -n ${ref.namespace}` : ''}`);
    ctx.output.info(`Forwarding from 127.0.0.1:${forward.local} -> ${forward.podPort}`);
    const open = vscode.l10n.t('Ouvrir dans le navigateur');
    void Promise.resolve(vscode.window.showInformationMessage(vscode.l10n.t('{0} redirigé vers {1} (pod/{2}, port {3}).', forward.url, forward.target, forward.pod, forward.podPort), open)).then(async (choice) => {
      if (choice === open) await vscode.env.openExternal(await vscode.env.asExternalUri(vscode.Uri.parse(forward.url)));
    });
    return forward;
  };
}

/** "Arrêter une redirection de port": the one chosen (or the only one). */
export function stopPortForward(ctx: CommandContext) {
  return async (): Promise<Forward | undefined> => {
    const forwards = ctx.forwards;
    const list = forwards?.list ?? [];
    if (!forwards || list.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Aucune redirection de port en cours.'));
      return undefined;
    }
    const items = list.map((forward) => ({ label: forward.url, description: `${forward.target} → pod/${forward.pod}:${forward.podPort}`, forward }));
    const chosen = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Quelle redirection arrêter ?') });
    if (!chosen) return undefined;
    forwards.stop(chosen.forward.id);
    ctx.output.info(`port-forward ${chosen.forward.url} stopped`);
    return chosen.forward;
  };
}
