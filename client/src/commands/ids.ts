/**
 * Identifiers of the contributed commands and views. Kept apart from the
 * handlers (which need `vscode`) so that tests can check them against the
 * manifest.
 */
export const COMMAND_IDS = {
  applyFile: 'atelierKubernetes.applyFile',
} as const;

export const VIEW_IDS = {
  cluster: 'atelierKubernetes.cluster',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
