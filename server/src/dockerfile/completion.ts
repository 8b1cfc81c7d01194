/**
 * Completion for Dockerfiles: instructions at the start of a line (and after ONBUILD), as
 * snippets with their French documentation; images (with a tag) and earlier stage names
 * after FROM.
 */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver';
import { stages } from '../../../simulator/src/docker/dockerfile';
import { IMAGE_TAGS } from '../features/completion/images';
import { snippetToPlain } from '../features/completion/text';
import { instructionAt, type DockerfileDocument } from './document';
import { instructionMarkdown } from './hover';
import { INSTRUCTIONS } from './instructions';

export interface DockerfileCompletionOptions {
  snippetSupport?: boolean;
  /** Image names the simulated kubelet knows; empty: the usual images of the course. */
  images?: readonly string[];
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
/** Not offered after ONBUILD (Docker refuses them there). */
const NOT_ONBUILD = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

function keywordItems(range: Range, snippets: boolean, onbuild: boolean): CompletionItem[] {
  return INSTRUCTIONS.filter((doc) => !onbuild || !NOT_ONBUILD.has(doc.keyword)).map((doc, rank) => {
    const item: CompletionItem = {
      label: doc.keyword,
      kind: CompletionItemKind.Keyword,
      detail: doc.summary,
      documentation: { kind: MarkupKind.Markdown, value: instructionMarkdown(doc) },
      sortText: `${doc.deprecated ? 'z' : 'a'}${String(rank).padStart(2, '0')}`,
      filterText: doc.keyword,
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: snippets ? doc.snippet : snippetToPlain(doc.snippet) },
    };
    if (doc.deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}

function imageItems(doc: DockerfileDocument, range: Range, images: readonly string[], line: number): CompletionItem[] {
  const items: CompletionItem[] = [];
  // Earlier stages can be built upon by name.
  for (const stage of stages(doc.dockerfile)) {
    if (stage.name && stage.from.line < line) {
      items.push({ label: stage.name, kind: CompletionItemKind.Reference, detail: `étape ${stage.index} (${stage.base})`, sortText: `0${stage.name}`, textEdit: { range, newText: stage.name } });
    }
  }
  const catalogue = images.length > 0 ? images : Object.keys(IMAGE_TAGS);
  for (const image of catalogue) {
    const name = image.replace(/[:@].*$/, '');
    const tags = image === name ? IMAGE_TAGS[name] : undefined;
    for (const reference of tags ? tags.map((tag) => `${name}:${tag}`) : [image]) {
      items.push({ label: reference, kind: CompletionItemKind.Value, detail: 'image de base', sortText: `1${reference}`, textEdit: { range, newText: reference } });
    }
  }
  items.push({
    label: 'scratch',
    kind: CompletionItemKind.Value,
    detail: 'image vide',
    documentation: "Une image de base vide : rien d'autre que ce que tu copies (un binaire compilé statiquement, par exemple).",
    sortText: '2scratch',
    textEdit: { range, newText: 'scratch' },
  });
  return items;
}

/** The completion items at `position`. */
export function dockerfileCompletion(doc: DockerfileDocument, position: Position, options: DockerfileCompletionOptions = {}): CompletionList {
  const { document } = doc;
  const offset = document.offsetAt(position);
  const before = document.getText({ start: { line: position.line, character: 0 }, end: position });
  // Inside the continuation lines or heredoc of an instruction, a line does not start one.
  const around = instructionAt(doc.dockerfile, offset);
  if (around && around.line < position.line) return EMPTY;
  if (/^\s*#/.test(before)) return EMPTY;
  const snippets = options.snippetSupport !== false;
  const word = /[\w-]*$/.exec(before)![0];
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  if (/^\s*[A-Za-z]*$/.test(before)) return { isIncomplete: false, items: keywordItems(range, snippets, false) };
  if (/^\s*onbuild\s+[A-Za-z]*$/i.test(before)) return { isIncomplete: false, items: keywordItems(range, snippets, true) };
  const from = /^\s*from\s+(?:--\S+\s+)*([\w./:@-]*)$/i.exec(before);
  if (from) {
    const imageRange: Range = { start: { line: position.line, character: position.character - from[1]!.length }, end: position };
    return { isIncomplete: false, items: imageItems(doc, imageRange, options.images ?? [], position.line) };
  }
  return EMPTY;
}
