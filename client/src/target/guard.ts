/**
 * Read-only by default on a real cluster: the commands that would change it are refused
 * with a message that says why and what to do, except apply and delete of files, which
 * have their own real-cluster version (applyCommands.ts, after a confirmation naming the
 * context). The wrapping happens in the command table (commands/index.ts), so that the
 * commands themselves stay about the simulated cluster.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/services';
import { remoteOf } from './access';

type Handler = (...args: never[]) => unknown;
type Factory = (ctx: CommandContext) => Handler;

/** Why a command is refused on a real cluster. */
export type Refusal = 'writes' | 'unsupported';

/** The command's handler on the simulated cluster; on a real one, a refusal naming `action` (`kubectl scale`...). */
export function simulatedOnly(factory: Factory, action: string, refusal: Refusal = 'writes'): Factory {
  return (ctx) => {
    const handler = factory(ctx) as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      const remote = remoteOf(ctx);
      if (!remote) return handler(...args);
      const message =
        refusal === 'writes'
          ? vscode.l10n.t(
              "« {0} » modifierait le cluster réel « {1} » : l'Atelier ne fait que le lire. Repasse sur le cluster simulé (« Choisir le cluster cible ») pour t'exercer, ou tape la commande dans un terminal si tu sais ce que tu fais.",
              action,
              remote.context,
            )
          : vscode.l10n.t("« {0} » n'est proposé que sur le cluster simulé : sur le cluster réel « {1} », lance-le dans un terminal avec le vrai kubectl.", action, remote.context);
      ctx.output.warn(`${action}: refused on context ${remote.context} (read-only)`);
      void vscode.window.showWarningMessage(message);
      return undefined;
    };
  };
}

/** The simulated command, or its real-cluster version while a real context is shown. */
export function onTarget(simulated: Factory, remote: Factory): Factory {
  return (ctx) => {
    const onSimulated = simulated(ctx) as (...args: unknown[]) => unknown;
    const onRemote = remote(ctx) as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => (remoteOf(ctx) ? onRemote(...args) : onSimulated(...args));
  };
}
