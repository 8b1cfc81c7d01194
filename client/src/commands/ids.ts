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
  openTerminal: 'atelierKubernetes.openTerminal',
  describe: 'atelierKubernetes.describe',
  logs: 'atelierKubernetes.logs',
  exec: 'atelierKubernetes.exec',
  portForward: 'atelierKubernetes.portForward',
  stopPortForward: 'atelierKubernetes.stopPortForward',
  scale: 'atelierKubernetes.scale',
  rolloutHistory: 'atelierKubernetes.rolloutHistory',
  rolloutUndo: 'atelierKubernetes.rolloutUndo',
  rolloutRestart: 'atelierKubernetes.rolloutRestart',
  cordonNode: 'atelierKubernetes.cordonNode',
  uncordonNode: 'atelierKubernetes.uncordonNode',
  drainNode: 'atelierKubernetes.drainNode',
  failNode: 'atelierKubernetes.failNode',
  recoverNode: 'atelierKubernetes.recoverNode',
  loadWorkload: 'atelierKubernetes.loadWorkload',
  openExercise: 'atelierKubernetes.openExercise',
  openSolution: 'atelierKubernetes.openSolution',
  runInTerminal: 'atelierKubernetes.runInTerminal',
  openWalkthrough: 'atelierKubernetes.openWalkthrough',
  serveApi: 'atelierKubernetes.serveApi',
  stopServeApi: 'atelierKubernetes.stopServeApi',
  chooseTarget: 'atelierKubernetes.chooseTarget',
} as const;

export const VIEW_IDS = {
  cluster: 'atelierKubernetes.cluster',
  events: 'atelierKubernetes.events',
  course: 'atelierKubernetes.course',
} as const;

/** Context keys the manifest's `when` clauses read. */
export const CONTEXT_KEYS = {
  timePaused: 'atelierKubernetes.timePaused',
  /** At least one port-forward runs (the palette then offers to stop one). */
  portForwarding: 'atelierKubernetes.portForwarding',
} as const;

/** Settings the client reads. */
export const SETTINGS = {
  speed: 'atelierKubernetes.simulation.speed',
  /** The cluster the views show: '' for the simulated one, else a kubeconfig context (per workspace). */
  target: 'atelierKubernetes.target',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
