/**
 * The user's settings for the language server (`atelierKubernetes.*` in VS Code, or
 * `settings` in any other LSP client): each rule can be turned off or given a severity.
 */

export type RuleLevel = 'off' | 'error' | 'warning' | 'information' | 'hint';

export interface Settings {
  /** Rule code -> level; rules not listed keep their default severity. */
  rules: Record<string, RuleLevel>;
}

export const DEFAULT_SETTINGS: Settings = { rules: {} };

const LEVELS = new Set<RuleLevel>(['off', 'error', 'warning', 'information', 'hint']);

/** Reads settings sent by a client, ignoring what does not make sense. */
export function parseSettings(raw: unknown): Settings {
  const rules: Record<string, RuleLevel> = {};
  const source = (raw as { rules?: unknown } | null)?.rules;
  if (source && typeof source === 'object') {
    for (const [code, level] of Object.entries(source)) if (LEVELS.has(level as RuleLevel)) rules[code] = level as RuleLevel;
  }
  return { rules };
}
