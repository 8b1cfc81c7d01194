import * as vscode from 'vscode';
import type { AtelierContext } from '../context';
import { applyFile } from './applyFile';
import { COMMAND_IDS, type CommandId } from './ids';

type Handler = (...args: never[]) => unknown;

/** Every command of the extension: one line each (STYLE.md, habit 8). */
const COMMANDS: Record<CommandId, (ctx: AtelierContext) => Handler> = {
  [COMMAND_IDS.applyFile]: applyFile,
};

/** Registers every command; the disposables go to the extension's subscriptions. */
export function registerCommands(ctx: AtelierContext): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    const handler = factory(ctx) as (...args: unknown[]) => unknown;
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
