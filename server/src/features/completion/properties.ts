/**
 * Property names valid at the cursor, from the kind's schema: required fields first,
 * each with its Go type and a one-line French summary; accepting one inserts `key: `,
 * or the key and an indented line for an object or a list.
 */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver';
import { propertyDoc } from '../../../../simulator/src/api/docs/index';
import { goTypeName, resolve, type SchemaNode } from '../../../../simulator/src/api/schemas';
import type { Frame } from './frame';
import { markdown, summary } from './text';

/**
 * Fields the API server requires although the schema does not list them as required:
 * every object needs a name; a container without an image is refused.
 */
const ESSENTIAL = new Set(['meta.v1.ObjectMeta.name', 'core.v1.Container.image', 'core.v1.EphemeralContainer.image']);
/** At the top level: what every manifest starts with. */
const ROOT_ESSENTIAL = new Set(['apiVersion', 'kind', 'metadata']);
/** Set by the API server or the controllers: never written in a manifest. */
const SERVER_SET = new Set(['meta.v1.ObjectMeta.selfLink', 'meta.v1.ObjectMeta.managedFields']);

export type Shape = 'object' | 'array' | 'scalar';

/** How a value of this schema is written: a block of keys, a list, or a scalar. */
export function shapeOf(node: SchemaNode | undefined): Shape {
  if (!node) return 'scalar';
  const resolved = resolve(node).node;
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  if (types.includes('array')) return 'array';
  if (types.includes('object') || resolved.properties || typeof resolved.additionalProperties === 'object') return 'object';
  return 'scalar';
}

function isDeprecated(schema: SchemaNode): boolean {
  return /deprecated/i.test(schema.description ?? '');
}

/** What a key inserts: `key: `, or the key and the first line of its block at the right indentation. */
export function keySnippet(name: string, shape: Shape, column: number): string {
  const escaped = name.replace(/[\\$}]/g, '\\$&');
  const inner = ' '.repeat(column + 2);
  if (shape === 'object') return `${escaped}:\n${inner}$0`;
  if (shape === 'array') return `${escaped}:\n${inner}- $0`;
  return `${escaped}: $0`;
}

export interface PropertyOptions {
  /** The properties of the items of a list: the key goes after a new `- `. */
  asListItem?: boolean;
  /** The object is the document itself. */
  root?: boolean;
}

/** The completion items for the properties of the object `node` (definition `owner`). */
export function propertyItems(frame: Frame, node: SchemaNode, owner: string | undefined, options: PropertyOptions = {}): CompletionItem[] {
  const { site } = frame;
  const items: CompletionItem[] = [];
  const required = new Set(node.required ?? []);
  for (const [name, schema] of Object.entries(node.properties ?? {})) {
    if (site.present.has(name) || schema.readOnly || SERVER_SET.has(`${owner}.${name}`)) continue;
    if (options.root && name === 'status') continue;
    const isRequired = required.has(name) || ESSENTIAL.has(`${owner}.${name}`) || (options.root === true && ROOT_ESSENTIAL.has(name));
    const deprecated = isDeprecated(schema);
    const doc = owner ? propertyDoc(owner, name) : undefined;
    const text = doc?.text ?? schema.description ?? '';
    const type = goTypeName(schema);
    const shape = shapeOf(schema);
    const dash = options.asListItem ? '- ' : '';
    const column = site.column + dash.length;
    const newText = site.hasColon ? name.replace(/[\\$}]/g, '\\$&') : dash + keySnippet(name, shape, column);
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: type,
      labelDetails: { detail: isRequired ? ' (obligatoire)' : undefined, description: summary(text, 60) },
      documentation: { kind: 'markdown', value: markdown(doc ?? (text ? { text, lang: 'en' } : undefined), `**${name}** · \`${type}\`${isRequired ? ' · obligatoire' : ''}`) },
      sortText: `${deprecated ? 2 : isRequired ? 0 : 1}-${name}`,
      filterText: name,
      tags: deprecated ? [CompletionItemTag.Deprecated] : undefined,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: frame.range, newText },
    });
  }
  return items;
}
