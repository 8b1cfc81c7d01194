import * as vscode from 'vscode';
import { loadCluster, type Cluster, type ClusterSnapshot } from '../../simulator/src/cluster';
import { Debouncer } from './cluster/debounce';
import { StateFile, type StateFs } from './cluster/persistence';
import type { ClusterService } from './cluster/service';

/** Quiet time before the state is written: a burst of changes costs one write. */
export const SAVE_DELAY_MS = 1000;

export interface OpenedState {
  file: StateFile;
  /** The cluster as it was saved, if it was. */
  initial?: Cluster;
  /** False when a corrupt file could not even be moved aside: it must not be overwritten. */
  writable: boolean;
}

/**
 * Reads the cluster saved in the workspace storage (or the global storage when no folder
 * is open). A file that does not load is moved aside and reported, and a new cluster starts.
 */
export function openClusterState(extension: vscode.ExtensionContext, output: vscode.LogOutputChannel, fs?: StateFs): OpenedState {
  const folder = (extension.storageUri ?? extension.globalStorageUri).fsPath;
  const file = new StateFile(folder, fs);
  const outcome = file.load((data) => loadCluster(data as ClusterSnapshot));
  switch (outcome.status) {
    case 'absent':
      return { file, writable: true };
    case 'loaded':
      output.info(`cluster restored from ${file.file}`);
      return { file, initial: outcome.value, writable: true };
    case 'corrupt': {
      output.error(`cluster state ${outcome.file} does not load (${outcome.reason}); ${outcome.movedTo ? `kept as ${outcome.movedTo}` : 'left in place'}`);
      const kept = outcome.movedTo ?? outcome.file;
      const open = vscode.l10n.t('Ouvrir le fichier');
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t("L'état sauvegardé du cluster simulé est illisible ({0}). Il a été gardé de côté dans {1} et un cluster neuf a démarré.", outcome.reason, kept),
          open,
        )
        .then((choice) => (choice === open ? vscode.window.showTextDocument(vscode.Uri.file(kept)) : undefined));
      return { file, writable: outcome.movedTo !== undefined };
    }
  }
}

/**
 * Saves the cluster after each burst of changes, and once more on shutdown if simulated
 * time moved since (the save is synchronous so that it finishes before VS Code goes).
 */
export function persistCluster(extension: vscode.ExtensionContext, output: vscode.LogOutputChannel, cluster: ClusterService, state: OpenedState): void {
  if (!state.writable) return;
  let savedAt = cluster.cluster.clock.now();
  let failed = false;
  const save = (): void => {
    try {
      state.file.save(cluster.save());
      savedAt = cluster.cluster.clock.now();
      failed = false;
    } catch (error) {
      if (!failed) output.error(`cannot save the cluster to ${state.file.file}: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
    }
  };
  const debouncer = new Debouncer(save, SAVE_DELAY_MS);
  const unsubscribe = cluster.onDidChange(() => debouncer.schedule());
  extension.subscriptions.push({
    dispose: () => {
      unsubscribe();
      if (debouncer.pending || cluster.cluster.clock.now() !== savedAt) {
        debouncer.cancel();
        save();
      }
    },
  });
}
