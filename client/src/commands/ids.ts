/**
 * Identifiers of the contributed commands and views. Kept apart from the
 * handlers (which need `vscode`) so that tests can check them against the
 * manifest.
 */
export const COMMAND_IDS = {
  applyFile: 'atelierKubernetes.applyFile',
  applySelection: 'atelierKubernetes.applySelection',
  applyFolder: 'atelierKubernetes.applyFolder',
  deleteFile: 'atelierKubernetes.deleteFile',
  deleteResource: 'atelierKubernetes.deleteResource',
  showResource: 'atelierKubernetes.showResource',
  resetCluster: 'atelierKubernetes.resetCluster',
  exportCluster: 'atelierKubernetes.exportCluster',
  importCluster: 'atelierKubernetes.importCluster',
  pauseTime: 'atelierKubernetes.pauseTime',
  resumeTime: 'atelierKubernetes.resumeTime',
} as const;

export const VIEW_IDS = {
  cluster: 'atelierKubernetes.cluster',
  events: 'atelierKubernetes.events',
} as const;

/** Context keys the manifest's `when` clauses read. */
export const CONTEXT_KEYS = {
  timePaused: 'atelierKubernetes.timePaused',
} as const;

/** Settings the client reads. */
export const SETTINGS = {
  speed: 'atelierKubernetes.simulation.speed',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
