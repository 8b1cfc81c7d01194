/**
 * Completion for Kubernetes manifests: the keys valid where the cursor is (from the kind's
 * schema, described in French), enum values, apiVersions and kinds, whole skeletons, and
 * values taken from the context: names of the objects of the workspace and the simulated
 * cluster, labels to select, container ports, images. A pure function of the document at
 * the cursor and a context; server.ts adapts `onCompletion` to it.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { definition, schemaAtPath } from '../../../simulator/src/api/schemas';
import type { ManifestDocument } from '../documents/file';
import type { Path } from '../documents/positions';
import type { FeatureContext } from './context';
import { cursorSite } from './completion/cursor';
import { frameOf, type Frame } from './completion/frame';
import { imageItems } from './completion/images';
import { labelItems } from './completion/labels';
import { portItems } from './completion/ports';
import { keySnippet, propertyItems, shapeOf } from './completion/properties';
import { referenceItems } from './completion/references';
import { afterKindItems, emptyDocumentItems, isEmptyDocument } from './completion/skeletons';
import { snippetToPlain } from './completion/text';
import { apiVersionItems, catalogItems, enumItems, fieldAt, kindItems, mapKeyItems } from './completion/values';

export interface CompletionOptions {
  /**
   * The client accepts snippets (`textDocument.completion.completionItem.snippetSupport`).
   * When false, tab stops are replaced by their defaults and items are plain text.
   */
  snippetSupport?: boolean;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * The completion items at chunk offset `chunkOffset` of `document` (the one document of
 * the file under the cursor: only that one is read). Never throws: on text it cannot make
 * sense of, it offers nothing.
 */
export function provideCompletion(document: ManifestDocument, chunkOffset: number, context: FeatureContext, options: CompletionOptions = {}): CompletionList {
  let items: CompletionItem[];
  try {
    const site = cursorSite(document.text, chunkOffset);
    if (!site) return EMPTY;
    const frame = frameOf(document, site, context);
    items = site.mode === 'value' ? valueCompletions(frame, site.path) : keyCompletions(frame);
  } catch {
    // Completion must never take the server down; a bug here offers nothing.
    return EMPTY;
  }
  return { isIncomplete: false, items: options.snippetSupport === false ? items.map(plain) : items };
}

function plain(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet || !item.textEdit) return item;
  return { ...item, insertTextFormat: InsertTextFormat.PlainText, textEdit: { ...item.textEdit, newText: snippetToPlain(item.textEdit.newText) } };
}

/** What a key typed at the top level can be when the kind is not known yet. */
const GENERIC_ROOT: [string, string][] = [
  ['apiVersion', "Le groupe et la version de l'API qui définit le kind : `v1`, `apps/v1`, `networking.k8s.io/v1`…"],
  ['kind', "Le type d'objet à créer : `Pod`, `Deployment`, `Service`…"],
  ['metadata', "Le nom de l'objet, son namespace, ses labels et ses annotations."],
];

function rootItems(frame: Frame): CompletionItem[] {
  const root = frame.info?.definition;
  const node = root ? definition(root) : undefined;
  if (root && node) return propertyItems(frame, node, root, { root: true });
  return GENERIC_ROOT.filter(([name]) => !frame.site.present.has(name)).map(([name, text]) => ({
    label: name,
    kind: CompletionItemKind.Property,
    detail: name === 'metadata' ? 'v1.ObjectMeta' : 'string',
    labelDetails: { detail: ' (obligatoire)' },
    documentation: { kind: 'markdown', value: text },
    sortText: `0-${name}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: frame.range, newText: frame.site.hasColon ? name : keySnippet(name, name === 'metadata' ? 'object' : 'scalar', 0) },
  }));
}

/** A key is being typed in the object at `site.path`. */
function keyCompletions(frame: Frame): CompletionItem[] {
  const { site } = frame;
  if (site.path.length === 0) {
    const skeletons = isEmptyDocument(frame) ? emptyDocumentItems(frame) : afterKindItems(frame);
    return [...skeletons, ...rootItems(frame)];
  }
  const root = frame.info?.definition;
  if (!root) return [];
  const location = schemaAtPath(root, site.path);
  const node = location.node;
  if (!node) return [];
  if (node.properties) return propertyItems(frame, node, location.definition);
  const shape = shapeOf(node);
  if (shape === 'array') {
    // Under a list's key, before its `- `: the items' keys, each starting a new item.
    const items = schemaAtPath(root, [...site.path, 0]);
    return items.node?.properties ? propertyItems(frame, items.node, items.definition, { asListItem: true }) : [];
  }
  if (shape === 'object') {
    // A map (labels, selector, requests): its usual keys.
    const field = fieldAt(root, site.path);
    return [...mapKeyItems(frame, field), ...labelItems(frame, field, site.path)];
  }
  // `- |` in a list of scalars (accessModes, verbs): the item is a value.
  return typeof site.path[site.path.length - 1] === 'number' ? valueCompletions(frame, site.path) : [];
}

/** The value of the field at `path` is being typed. */
function valueCompletions(frame: Frame, path: Path): CompletionItem[] {
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionItems(frame);
  if (path.length === 1 && path[0] === 'kind') return kindItems(frame);
  const root = frame.info?.definition;
  if (!root) return [];
  const last = path[path.length - 1];
  if (typeof last === 'string' && schemaAtPath(root, path).mapKey) {
    // The value of a label in a selector.
    const mapPath = path.slice(0, -1);
    return labelItems(frame, fieldAt(root, mapPath), mapPath, last);
  }
  const field = fieldAt(root, path);
  return [
    ...enumItems(frame, field),
    ...catalogItems(frame, field),
    ...referenceItems(frame, field, path),
    ...portItems(frame, field, path),
    ...imageItems(frame, field),
  ];
}
