/**
 * Whole manifests: in an empty document, one skeleton per kind of the course; after a
 * lone `kind: X`, the rest of X's skeleton. The skeletons are data (skeletonsWorkloads.ts,
 * skeletonsOthers.ts), checked by the tests to be valid objects.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver';
import type { KindInfo } from '../../../../simulator/src/api/catalog';
import { COURSE_KINDS, definitionDoc } from '../../../../simulator/src/api/docs/index';
import { definition } from '../../../../simulator/src/api/schemas';
import type { Frame } from './frame';
import { entriesOf } from './lines';
import { OTHER_SKELETONS } from './skeletonsOthers';
import { WORKLOAD_SKELETONS } from './skeletonsWorkloads';
import { markdown, snippetToPlain, summary } from './text';

/** Kind -> skeleton snippet, for every kind of the course. */
export const SKELETONS: Readonly<Record<string, string>> = { ...WORKLOAD_SKELETONS, ...OTHER_SKELETONS };

/** The skeleton of a kind without one: its name, and an empty `spec` when it has one. */
function genericSkeleton(info: KindInfo): string {
  const spec = definition(info.definition)?.properties?.spec ? '\nspec:\n  $0' : '';
  return `apiVersion: ${info.apiVersion}\nkind: ${info.kind}\nmetadata:\n  name: \${1:nom}${spec}`;
}

function documentation(kind: string, definitionName: string, snippet: string): string {
  return `${markdown(definitionDoc(definitionName), `**${kind}**`)}\n\n\`\`\`yaml\n${snippetToPlain(snippet)}\n\`\`\``;
}

/** True when the document holds nothing but the line being typed. */
export function isEmptyDocument(frame: Frame): boolean {
  const { site } = frame;
  return site.mode === 'key' && site.column === 0 && site.path.length === 0 && site.lines.every((line, index) => index === site.line || entriesOf(line).length === 0);
}

/** One skeleton per course kind, for an empty document. */
export function emptyDocumentItems(frame: Frame): CompletionItem[] {
  return COURSE_KINDS.flatMap((definitionName, index) => {
    const kind = definitionName.split('.').pop()!;
    const snippet = SKELETONS[kind];
    if (!snippet) return [];
    const apiVersion = /^apiVersion: (\S+)/.exec(snippet)![1]!;
    return [{
      label: kind,
      kind: CompletionItemKind.Snippet,
      detail: `Squelette de ${kind} (${apiVersion})`,
      labelDetails: { description: summary(definitionDoc(definitionName)?.text ?? '', 60) },
      documentation: { kind: 'markdown', value: documentation(kind, definitionName, snippet) },
      sortText: `0-${String(index).padStart(2, '0')}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: frame.range, newText: snippet },
    }];
  });
}

/** True when the document has only `kind:` (and maybe `apiVersion:`) besides the line being typed. */
function onlyKind(frame: Frame): boolean {
  const { site } = frame;
  if (site.mode !== 'key' || site.column !== 0 || site.path.length !== 0 || !frame.info) return false;
  return site.lines.every((line, index) => {
    if (index === site.line) return true;
    const entries = entriesOf(line);
    return entries.length === 0 || (entries.length === 1 && entries[0]!.col === 0 && (entries[0]!.name === 'kind' || entries[0]!.name === 'apiVersion'));
  });
}

/** After a lone `kind: X`: the rest of X's skeleton (and its apiVersion above the kind, if missing). */
export function afterKindItems(frame: Frame): CompletionItem[] {
  if (!onlyKind(frame)) return [];
  const info = frame.info!;
  const snippet = SKELETONS[info.kind] ?? genericSkeleton(info);
  const rest = snippet.split('\n').filter((line) => !/^(apiVersion|kind):/.test(line)).join('\n');
  const item: CompletionItem = {
    label: `${info.kind} (squelette)`,
    kind: CompletionItemKind.Snippet,
    detail: `Les champs d'un ${info.kind} minimal`,
    labelDetails: { description: 'complète le manifeste' },
    documentation: { kind: 'markdown', value: documentation(info.kind, info.definition, snippet) },
    // Shown while the first key it writes is typed.
    filterText: /^[^:]+/.exec(rest)?.[0] ?? info.kind,
    sortText: '0',
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: frame.range, newText: rest },
  };
  if (frame.apiVersion === undefined && frame.kindLine !== undefined) {
    const at = { line: frame.document.line + frame.kindLine, character: 0 };
    item.additionalTextEdits = [{ range: { start: at, end: at }, newText: `apiVersion: ${info.apiVersion}\n` }];
  }
  return [item];
}
