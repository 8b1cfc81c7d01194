import * as vscode from 'vscode';
import { applyFile, applyFolder, applySelection } from './applyFile';
import { serveApi, stopServeApi } from './serveApi';
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
import { remoteApplyFile, remoteApplyFolder, remoteApplySelection, remoteDeleteFile } from '../target/applyCommands';
import { chooseTarget } from '../target/choose';
import { onTarget, simulatedOnly } from '../target/guard';

type Handler = (...args: never[]) => unknown;

/** Every command of the extension: one line each (STYLE.md, habit 8). */
export const COMMANDS: Record<CommandId, (ctx: CommandContext) => Handler> = {
  // On a real cluster (target/): files are applied after a confirmation; what else would change it is refused.
  [COMMAND_IDS.applyFile]: onTarget(applyFile, remoteApplyFile),
  [COMMAND_IDS.applySelection]: onTarget(applySelection, remoteApplySelection),
  [COMMAND_IDS.applyFolder]: onTarget(applyFolder, remoteApplyFolder),
  [COMMAND_IDS.deleteFile]: onTarget(deleteFile, remoteDeleteFile),
  [COMMAND_IDS.deleteResource]: simulatedOnly(deleteResource, 'kubectl delete'),
  [COMMAND_IDS.showResource]: showResource,
  [COMMAND_IDS.resetCluster]: simulatedOnly(resetCluster, 'Réinitialiser le cluster'),
  [COMMAND_IDS.exportCluster]: exportCluster,
  [COMMAND_IDS.importCluster]: simulatedOnly(importCluster, "Importer l'état du cluster"),
  [COMMAND_IDS.pauseTime]: pauseTime,
  [COMMAND_IDS.resumeTime]: resumeTime,
  [COMMAND_IDS.openTerminal]: openTerminal,
  [COMMAND_IDS.describe]: describe,
  [COMMAND_IDS.logs]: logs,
  [COMMAND_IDS.exec]: simulatedOnly(exec, 'kubectl exec', 'unsupported'),
  [COMMAND_IDS.portForward]: simulatedOnly(portForward, 'kubectl port-forward', 'unsupported'),
  [COMMAND_IDS.stopPortForward]: stopPortForward,
  [COMMAND_IDS.scale]: simulatedOnly(scale, 'kubectl scale'),
  [COMMAND_IDS.rolloutHistory]: rolloutHistory,
  [COMMAND_IDS.rolloutUndo]: simulatedOnly(rolloutUndo, 'kubectl rollout undo'),
  [COMMAND_IDS.rolloutRestart]: simulatedOnly(rolloutRestart, 'kubectl rollout restart'),
  [COMMAND_IDS.cordonNode]: simulatedOnly(cordonNode, 'kubectl cordon'),
  [COMMAND_IDS.uncordonNode]: simulatedOnly(uncordonNode, 'kubectl uncordon'),
  [COMMAND_IDS.drainNode]: simulatedOnly(drainNode, 'kubectl drain'),
  [COMMAND_IDS.failNode]: simulatedOnly(failNode, 'Simuler la panne du nœud'),
  [COMMAND_IDS.recoverNode]: simulatedOnly(recoverNode, 'Rétablir le nœud'),
  [COMMAND_IDS.loadWorkload]: simulatedOnly(loadWorkload, 'Mettre une charge CPU'),
  [COMMAND_IDS.openExercise]: openExercise,
  [COMMAND_IDS.openSolution]: openSolution,
  [COMMAND_IDS.runInTerminal]: runInTerminal,
  [COMMAND_IDS.openWalkthrough]: openWalkthrough,
  [COMMAND_IDS.serveApi]: serveApi,
  [COMMAND_IDS.stopServeApi]: stopServeApi,
  [COMMAND_IDS.chooseTarget]: chooseTarget,
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
