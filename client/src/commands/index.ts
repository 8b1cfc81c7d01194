import * as vscode from 'vscode';
import { applyFile, applyFolder, applySelection } from './applyFile';
import { openExercise, openSolution, openWalkthrough, runInTerminal } from './course';
import { exportCluster, importCluster, resetCluster } from './clusterState';
import { deleteFile } from './deleteFile';
import { COMMAND_IDS, type CommandId } from './ids';
import { cordonNode, drainNode, failNode, recoverNode, uncordonNode } from './nodes';
import { describe, logs } from './objects';
import { portForward, stopPortForward } from './portForward';
import { deleteResource, showResource } from './resource';
import type { CommandContext } from './services';
import { exec, openTerminal } from './terminal';
import { pauseTime, resumeTime } from './time';
import { loadWorkload, rolloutHistory, rolloutRestart, rolloutUndo, scale } from './workloads';

type Handler = (...args: never[]) => unknown;

/** Every command of the extension: one line each (STYLE.md, habit 8). */
export const COMMANDS: Record<CommandId, (ctx: CommandContext) => Handler> = {
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
  [COMMAND_IDS.openTerminal]: openTerminal,
  [COMMAND_IDS.describe]: describe,
  [COMMAND_IDS.logs]: logs,
  [COMMAND_IDS.exec]: exec,
  [COMMAND_IDS.portForward]: portForward,
  [COMMAND_IDS.stopPortForward]: stopPortForward,
  [COMMAND_IDS.scale]: scale,
  [COMMAND_IDS.rolloutHistory]: rolloutHistory,
  [COMMAND_IDS.rolloutUndo]: rolloutUndo,
  [COMMAND_IDS.rolloutRestart]: rolloutRestart,
  [COMMAND_IDS.cordonNode]: cordonNode,
  [COMMAND_IDS.uncordonNode]: uncordonNode,
  [COMMAND_IDS.drainNode]: drainNode,
  [COMMAND_IDS.failNode]: failNode,
  [COMMAND_IDS.recoverNode]: recoverNode,
  [COMMAND_IDS.loadWorkload]: loadWorkload,
  [COMMAND_IDS.openExercise]: openExercise,
  [COMMAND_IDS.openSolution]: openSolution,
  [COMMAND_IDS.runInTerminal]: runInTerminal,
  [COMMAND_IDS.openWalkthrough]: openWalkthrough,
};

/**
 * Registers every command; the disposables go to the extension's subscriptions. `ctx` may
 * carry the services activate() builds for some commands (the port-forwards).
 */
export function registerCommands(ctx: CommandContext): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    const handler = factory(ctx) as (...args: unknown[]) => unknown;
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
