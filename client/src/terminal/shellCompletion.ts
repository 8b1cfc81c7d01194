/**
 * Tab in a container's shell: the word before the cursor completed with the container's
 * paths (and the common commands for the first word), the line cut into words the way the
 * terminal quotes them. The files are the simulator's exec shell's.
 */
import { SHELL_COMMANDS, type ExecShell } from '../../../simulator/src/network/shell/execShell';
import { normalizePath } from '../../../simulator/src/network/podFiles';
import type { Completion } from './lineEditor';
import { quoteWord, splitWords } from './words';

/** Paths of the container for the word before the cursor (and commands for the first word). */
export function completeInShell(shell: ExecShell, before: string): Completion | undefined {
  const split = splitWords(before);
  if (split.open) return undefined;
  const last = split.words[split.words.length - 1];
  const word = split.trailingBlank || !last ? '' : last.text;
  const start = split.trailingBlank || !last ? before.length : last.start;
  const slash = word.lastIndexOf('/');
  const folder = slash === -1 ? shell.cwd : normalizePath(word.slice(0, slash + 1) || '/', shell.cwd);
  const prefix = word.slice(0, slash + 1);
  const entries = shell.entries(folder).map((entry) => `${prefix}${entry.name}${entry.directory ? '/' : ''}`);
  const commands = split.words.length === (split.trailingBlank ? 0 : 1) && slash === -1 ? SHELL_COMMANDS : [];
  return { start, candidates: [...commands, ...entries].filter((c) => c.startsWith(word) && !c.slice(prefix.length).startsWith('.')).map(quoteWord) };
}
