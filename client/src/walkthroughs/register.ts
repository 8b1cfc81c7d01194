import * as vscode from 'vscode';
import type { AtelierContext } from '../context';
import { parseChecks, StepChecks } from './checks';

/** Where the steps' checks live, in the extension's folder. */
export const CHECKS_FILE = ['walkthroughs', 'checks.json'] as const;

/**
 * Reads walkthroughs/checks.json and keeps each step's context key up to date with the
 * cluster (evaluated once per burst of changes, after a reset or an import too). A file
 * that does not read is reported in the output channel; the steps then simply wait.
 */
export async function registerWalkthroughChecks(ctx: AtelierContext): Promise<StepChecks | undefined> {
  let data: unknown;
  try {
    const uri = vscode.Uri.joinPath(ctx.extension.extensionUri, ...CHECKS_FILE);
    data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  } catch (error) {
    ctx.output.error(`walkthrough checks: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const { steps, problems } = parseChecks(data);
  for (const problem of problems) ctx.output.error(`walkthrough checks: ${problem}`);
  const checks = new StepChecks(steps, (key, value) => void vscode.commands.executeCommand('setContext', key, value));
  // The Cluster is the checks' context: its store and its Docker engine.
  const update = (): void => checks.update(ctx.cluster.cluster);
  update();
  const unsubscribe = ctx.cluster.onDidChange(update);
  ctx.extension.subscriptions.push({ dispose: unsubscribe });
  return checks;
}
