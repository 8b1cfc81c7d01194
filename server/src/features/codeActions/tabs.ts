/**
 * `yaml-tab`: YAML forbids tabs in indentation. Each tab of the line's indentation becomes
 * two spaces (the common step of Kubernetes manifests); a second action does the same on
 * every line the parser flagged, since a file indented with tabs rarely has only one (tabs
 * inside block scalars are content, and are left alone).
 */
import type { CodeAction } from 'vscode-languageserver';
import { documentFix, type FixContext } from './action';
import type { ChunkEdit } from './yamlEdits';

/** The edit of one line's indentation, when it holds tabs. */
function untab(text: string, start: number): ChunkEdit | undefined {
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  return indent.includes('\t') ? { span: [start, start + indent.length], text: indent.replace(/\t/g, '  ') } : undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function replaceTabs(fix: FixContext): CodeAction[] {
  const { text } = fix.document;
  const starts = lineStarts(text);
  const start = starts[fix.diagnostic.range.start.line - fix.document.line];
  const line = start === undefined ? undefined : untab(text, start);
  if (!line) return [];
  const actions = documentFix(fix, 'Remplacer les tabulations de cette ligne par des espaces', [line], true);
  const flagged = new Set(fix.document.parsed.problems.filter((problem) => problem.code === 'yaml-tab').map((problem) => text.lastIndexOf('\n', problem.start - 1) + 1));
  const all = [...flagged].sort((a, b) => a - b).flatMap((offset) => untab(text, offset) ?? []);
  if (all.length > 1) actions.push(...documentFix(fix, 'Remplacer les tabulations d’indentation de tout le document par des espaces', all));
  return actions;
}
