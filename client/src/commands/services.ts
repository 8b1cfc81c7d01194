/**
 * What the object commands share: the object a tree item stands for (or one picked from
 * the cluster when the command comes from the palette), and kubectl run on the cluster
 * with its output in the channel and a notification.
 */
import * as vscode from 'vscode';
import { findResource, kindInfo } from '../../../simulator/src/api/catalog';
import { runKubectl, type KubectlResult } from '../../../simulator/src/kubectl/commands/index';
import { HINT_PREFIX } from '../../../simulator/src/kubectl/commands/context';
import type { ObjectRef } from '../cluster/service';
import type { AtelierContext } from '../context';
import type { PortForwards } from '../portForward';
import type { ClusterApi } from '../cluster/apiServer';
import { viewOf } from '../target/access';

/** What the command factories receive: the Atelier's context and the services activate() adds for them. */
export type CommandContext = AtelierContext & {
  /** The port-forwards (absent where activate() did not build them: the palette then says so). */
  readonly forwards?: PortForwards;
  /** The Kubernetes HTTP API over the simulated cluster, for the real kubectl. */
  readonly api?: ClusterApi;
};

/** [apiVersion, kind] of the kinds a command applies to. */
export type Kinds = readonly (readonly [string, string])[];

export const WORKLOADS: Kinds = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
];
export const NODES: Kinds = [['v1', 'Node']];
export const PODS: Kinds = [['v1', 'Pod']];

/** The object a tree item stands for (VS Code passes the item's id to its menu's commands). */
export function objectOf(ctx: AtelierContext, item: unknown): ObjectRef | undefined {
  if (typeof item === 'string') return ctx.tree.node(item)?.resource ?? typedRef(item);
  if (item && typeof item === 'object' && 'kind' in item && 'name' in item && 'apiVersion' in item) return item as ObjectRef;
  return undefined;
}

/**
 * `deployment/web` or `deployment/web -n prod`, as kubectl writes TYPE/NAME (a walkthrough's
 * button names its object this way); undefined when the type is unknown.
 */
export function typedRef(text: string): ObjectRef | undefined {
  const m = /^([A-Za-z][\w.-]*)\/([a-z0-9][a-z0-9.-]*)(?:\s+-n\s+([a-z0-9-]+))?$/.exec(text.trim());
  const info = m && findResource(m[1]!);
  if (!m || !info) return undefined;
  return { apiVersion: info.apiVersion, kind: info.kind, name: m[2]!, ...(info.namespaced ? { namespace: m[3] ?? 'default' } : {}) };
}

/** One object of these kinds, chosen in a quick pick (from the palette). */
export async function pickObject(ctx: AtelierContext, kinds: Kinds, placeHolder: string): Promise<ObjectRef | undefined> {
  const { store } = viewOf(ctx);
  const items = kinds.flatMap(([apiVersion, kind]) => {
    const info = kindInfo(apiVersion, kind);
    if (!info) return [];
    return store.list(info).map((object) => {
      const meta = (object.metadata ?? {}) as { name?: string; namespace?: string };
      const ref: ObjectRef = { apiVersion, kind, name: String(meta.name), ...(meta.namespace ? { namespace: meta.namespace } : {}) };
      return { label: ref.name, description: ref.namespace ? `${kind} · ${ref.namespace}` : kind, ref };
    });
  });
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Le cluster simulé n'a aucun objet de ce type pour l'instant."));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.ref;
}

/** The object of the tree item, or one picked. */
export async function targetOf(ctx: AtelierContext, item: unknown, kinds: Kinds, placeHolder: string): Promise<ObjectRef | undefined> {
  return objectOf(ctx, item) ?? pickObject(ctx, kinds, placeHolder);
}

/** `deployment.apps/web`: what kubectl accepts as TYPE/NAME. */
export function typedName(ref: ObjectRef): string {
  const info = kindInfo(ref.apiVersion, ref.kind);
  return `${info ? (info.group === '' ? info.resource : `${info.resource}.${info.group}`) : ref.kind.toLowerCase()}/${ref.name}`;
}

/** `-n NAMESPACE` when the object has one. */
export const namespaceArgs = (ref: ObjectRef): string[] => (ref.namespace ? ['-n', ref.namespace] : []);

/**
 * Runs `kubectl ARGS` on the cluster as the terminal does (what is due now runs, time
 * does the rest), logs the command and its output, and tells the result: kubectl's line
 * in a notification, or its error with the French explanation.
 */
export function runAndReport(ctx: AtelierContext, args: readonly string[]): KubectlResult {
  const result = runKubectl(ctx.cluster.cluster, args, { settle: { maxSimulatedMs: 0 } });
  ctx.output.info(`kubectl ${args.join(' ')}`);
  for (const line of result.stdout.split('\n').filter(Boolean)) ctx.output.info(line);
  for (const line of result.stderr.split('\n').filter(Boolean)) ctx.output.error(line);
  const lines = result.stdout.split('\n').filter(Boolean);
  if (result.exitCode === 0) {
    if (lines.length > 0) void vscode.window.showInformationMessage(lines.length > 3 ? `${lines.slice(0, 3).join(' · ')} …` : lines.join(' · '));
  } else {
    const errors = result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith(HINT_PREFIX));
    const hints = result.stderr.split('\n').filter((line) => line.startsWith(HINT_PREFIX)).map((line) => line.slice(HINT_PREFIX.length));
    void vscode.window.showErrorMessage([errors.join(' '), ...hints].filter(Boolean).join(' — '));
  }
  return result;
}
