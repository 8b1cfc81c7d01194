import * as vscode from 'vscode';
import type { AtelierContext } from '../context';
import { applyFile, applyFolder, applySelection } from './applyFile';
import { exportCluster, importCluster, resetCluster } from './clusterState';
import { deleteFile } from './deleteFile';
import { COMMAND_IDS, type CommandId } from './ids';
import { deleteResource, showResource } from './resource';
import { pauseTime, resumeTime } from './time';

type Handler = (...args: never[]) => unknown;

/** Every command of the extension: one line each (STYLE.md, habit 8). */
export const COMMANDS: Record<CommandId, (ctx: AtelierContext) => Handler> = {
  [COMMAND_IDS.applyFile]: applyFile,
  [COMMAND_IDS.applySelection]: applySelection,
  [COMMAND_IDS.applyFolder]: applyFolder,
  [COMMAND_IDS.deleteFile]: deleteFile,
  [COMMAND_IDS.deleteResource]: deleteResource,
  [COMMAND_IDS.showResource]: showResource,
  [COMMAND_IDS.resetCluster]: resetCluster,
  [COMMAND_IDS.exportCluster]: exportCluster,
  [COMMAND_IDS.importCluster]: importCluster,
  [COMMAND_IDS.pauseTime]: pauseTime,
  [COMMAND_IDS.resumeTime]: resumeTime,
};

/** Registers every command; the disposables go to the extension's subscriptions. */
export function registerCommands(ctx: AtelierContext): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    const handler = factory(ctx) as (...args: unknown[]) => unknown;
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
