import * as vscode from 'vscode';
import { IMAGE_NAMES } from '../../simulator/src/kubelet/images';
import { Debouncer } from './cluster/debounce';
import { buildInventory, type ClusterInventory } from './cluster/inventory';
import type { AtelierContext } from './context';

/** Quiet time before the inventory goes to the language server (each send re-checks open files). */
export const INVENTORY_DELAY_MS = 500;

/**
 * Keeps the language server's view of the cluster current: the inventory after each
 * burst of changes, only when it differs from what was sent, and again on `resend()`
 * (the server restarted and forgot it).
 */
export function syncInventory(ctx: AtelierContext, send: (inventory: ClusterInventory) => Promise<void>): { resend(): void } {
  let last = '';
  const push = (force: boolean): void => {
    const inventory = buildInventory(ctx.cluster.cluster.store, IMAGE_NAMES);
    const text = JSON.stringify(inventory);
    if (!force && text === last) return;
    last = text;
    send(inventory).catch((error: unknown) => {
      last = '';
      ctx.output.warn(`cluster inventory not sent to the language server: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  const debouncer = new Debouncer(() => push(false), INVENTORY_DELAY_MS);
  const unsubscribe = ctx.cluster.onDidChange(() => debouncer.schedule());
  ctx.extension.subscriptions.push(new vscode.Disposable(() => (unsubscribe(), debouncer.cancel())));
  return { resend: () => push(true) };
}
