/**
 * Helpers of the completion tests: complete at a caret, find an item, and apply it the
 * way an editor does, so that a test can assert the text the user ends up with.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { ParseCache, parseFile } from '../../../../server/src/documents/file';
import { provideCompletion, type CompletionOptions } from '../../../../server/src/features/completion';
import { snippetToPlain } from '../../../../server/src/features/completion/text';
import { DEFAULT_SETTINGS } from '../../../../server/src/settings';
import { resourcesOf } from '../../../../server/src/workspace/extract';
import { ResourceIndex, type KnownResource } from '../../../../server/src/workspace/resources';
import { documentAtCaret } from '../fixtures';

export interface Setup {
  /** Workspace files: uri -> YAML text. */
  files?: Record<string, string>;
  /** Objects of the simulated cluster. */
  cluster?: Omit<KnownResource, 'source'>[];
  images?: string[];
  marker?: string;
  options?: CompletionOptions;
}

/** A resource index holding `files` (parsed as the server does) and the `cluster` objects. */
export function indexOf(setup: Setup): ResourceIndex {
  const index = new ResourceIndex();
  const cache = new ParseCache();
  for (const [uri, text] of Object.entries(setup.files ?? {})) index.setFile(uri, resourcesOf(parseFile(uri, 1, text, cache)));
  index.setCluster((setup.cluster ?? []).map((resource) => ({ ...resource, source: 'cluster' as const })));
  return index;
}

/** The completion items at the caret of `source`. */
export function complete(source: string, setup: Setup = {}): CompletionItem[] {
  const { document, chunkOffset } = documentAtCaret(source, setup.marker);
  const context = { settings: DEFAULT_SETTINGS, resources: indexOf(setup), images: setup.images ?? [] };
  return provideCompletion(document, chunkOffset, context, setup.options).items;
}

/** The labels of the items, in the order an editor sorts them (sortText, then label). */
export function labels(items: CompletionItem[]): string[] {
  return sorted(items).map((item) => item.label);
}

export function sorted(items: CompletionItem[]): CompletionItem[] {
  const key = (item: CompletionItem) => item.sortText ?? item.label;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.label < b.label ? -1 : 1));
}

/** The item labelled `label`; fails when there is none. */
export function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `no item ${JSON.stringify(label)} among ${JSON.stringify(items.map((i) => i.label))}`);
  return found;
}

/**
 * The text after accepting the item `label` at the caret of `source`, as an editor
 * applies it: its text edit and additional edits, snippet tab stops left at their defaults.
 */
export function accept(source: string, label: string, setup: Setup = {}): string {
  const chosen = item(complete(source, setup), label);
  const text = source.replace(setup.marker ?? '|', '');
  const document = TextDocument.create('file:///fixture.yaml', 'yaml', 1, text);
  const edit = chosen.textEdit as TextEdit;
  const newText = chosen.insertTextFormat === InsertTextFormat.Snippet ? snippetToPlain(edit.newText) : edit.newText;
  return TextDocument.applyEdits(document, [{ range: edit.range, newText }, ...(chosen.additionalTextEdits ?? [])]);
}

/** Documentation of an item as text. */
export function docOf(chosen: CompletionItem): string {
  const doc = chosen.documentation;
  return typeof doc === 'string' ? doc : (doc?.value ?? '');
}
