/**
 * `kubectl explain <resource>[.field...] [--recursive]`, with the layout of kubectl's
 * OpenAPI v3 plaintext template (v1.30): GROUP / KIND / VERSION, then `FIELD: name <type>`,
 * DESCRIPTION wrapped at 76 columns and indented by 4, and FIELDS as `name<TAB><type>`
 * with `-required-`. The text is the French documentation of simulator/src/api/docs;
 * where none is written, the schema's English description is used, marked `(en anglais)`.
 */
import { findResource, type KindInfo } from '../api/catalog';
import { definitionDoc, propertyDoc, type DocText } from '../api/docs/index';
import { definition, refName, type SchemaNode } from '../api/schemas';
import { compareStrings } from '../store/json';

export interface ExplainOptions {
  /** `--recursive`: the field names and types of the whole subtree, no descriptions. */
  recursive?: boolean;
}

export interface ExplainOutput {
  stdout: string;
  stderr: string;
}

const utf8Length = (c: string): number => {
  const cp = c.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/**
 * sprig's `wrap` (goutils.WrapCustom without long-word breaking): cuts at the last space
 * within `width` bytes, counting bytes like Go (an accented letter counts two).
 */
export function wrapText(text: string, width: number): string {
  if (text === '') return '';
  const chars = Array.from(text);
  const starts: number[] = [];
  let total = 0;
  for (const c of chars) {
    starts.push(total);
    total += utf8Length(c);
  }
  const charAt = new Map(starts.map((start, i) => [start, i]));
  const sliceBytes = (from: number, to: number): string => chars.slice(charAt.get(from), to >= total ? chars.length : charAt.get(to)).join('');
  const spaceIn = (from: number, to: number, last: boolean): number => {
    let found = -1;
    for (let i = charAt.get(from)!; i < chars.length && starts[i]! < to; i++) {
      if (chars[i] === ' ') {
        found = starts[i]!;
        if (!last) break;
      }
    }
    return found;
  };
  let offset = 0;
  let out = '';
  while (total - offset > width) {
    if (chars[charAt.get(offset)!] === ' ') {
      offset++;
      continue;
    }
    const space = spaceIn(offset, width + offset + 1, true);
    if (space >= offset) {
      out += `${sliceBytes(offset, space)}\n`;
      offset = space + 1;
      continue;
    }
    let searchFrom = width + offset;
    while (searchFrom < total && !charAt.has(searchFrom)) searchFrom++;
    const next = searchFrom < total ? spaceIn(searchFrom, total, false) : -1;
    if (next === -1) {
      out += sliceBytes(offset, total);
      offset = total;
    } else {
      out += `${sliceBytes(offset, next)}\n`;
      offset = next + 1;
    }
  }
  return out + (offset < total ? sliceBytes(offset, total) : '');
}

/**
 * The template's `wrap` applied line by line: sprig counts a newline as an ordinary
 * character, which breaks a second paragraph at odd places; the French text is ours, so
 * each of its lines is wrapped on its own.
 */
const wrapLines = (text: string, width: number): string => text.split('\n').map((line) => wrapText(line, width)).join('\n');

/** sprig's `indent`: every line, the empty last one included. */
const indent = (text: string, spaces: number): string => ' '.repeat(spaces) + text.replace(/\n/g, `\n${' '.repeat(spaces)}`);

function docText(doc: DocText | undefined): string | undefined {
  if (!doc) return undefined;
  const text = doc.lang === 'en' ? `(en anglais) ${doc.text}` : doc.text;
  return doc.default !== undefined ? `${text}\nPar défaut : ${doc.default}` : text;
}

/** The definition a node refers to (itself, its items or its map values), if any. */
function referencedDefinition(node: SchemaNode): string | undefined {
  if (node.$ref) return refName(node.$ref);
  if (node.items) return referencedDefinition(node.items);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return referencedDefinition(node.additionalProperties);
  return undefined;
}

/** The template's typeGuess: `integer`, `[]Container`, `map[string]string`, `ObjectMeta`, `Object`. */
function typeGuess(node: SchemaNode): string {
  if (node.items) return `[]${typeGuess(node.items)}`;
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return `map[string]${typeGuess(node.additionalProperties)}`;
  if (node['x-kubernetes-int-or-string']) return 'IntOrString';
  if (node.$ref) {
    const name = refName(node.$ref);
    const target = definition(name);
    // Quantity and IntOrString are oneOf types in OpenAPI v3: their name is shown.
    if (!target || target.type === undefined || target.type === 'object' || Array.isArray(target.type)) return name.split('.').pop() ?? 'Object';
    return String(target.type);
  }
  const type = Array.isArray(node.type) ? undefined : node.type;
  return type === undefined || type === 'object' ? 'Object' : type;
}

interface Located {
  /** The definition owning the field, and the field name (undefined for the resource itself). */
  owner?: string;
  field?: string;
  node: SchemaNode;
}

/** The object definition whose properties a node lists (through refs, items, map values). */
function propertiesOf(node: SchemaNode): { name?: string; node: SchemaNode } | undefined {
  if (node.$ref) {
    const name = refName(node.$ref);
    const target = definition(name);
    return target?.properties ? { name, node: target } : undefined;
  }
  if (node.properties) return { node };
  if (node.items) return propertiesOf(node.items);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return propertiesOf(node.additionalProperties);
  return undefined;
}

function fieldList(owner: { name?: string; node: SchemaNode }, level: number, recursive: boolean, seen: Set<string>): string {
  let out = '';
  const required = new Set(owner.node.required ?? []);
  for (const field of Object.keys(owner.node.properties ?? {}).sort(compareStrings)) {
    const node = owner.node.properties![field]!;
    const pad = level * 2;
    out += `${' '.repeat(pad)}${field}\t<${typeGuess(node)}>${required.has(field) ? ' -required-' : ''}\n`;
    if (!recursive) {
      const doc = owner.name ? docText(propertyDoc(owner.name, field)) : undefined;
      out += `${indent(wrapLines(doc ?? node.description ?? '<no description>', 78 - pad), pad + 2)}\n\n`;
      continue;
    }
    const child = propertiesOf(node);
    if (child && !(child.name && seen.has(child.name))) {
      const next = new Set(seen);
      if (child.name) next.add(child.name);
      out += fieldList(child, level + 1, recursive, next);
    }
  }
  return out;
}

function description(located: Located): string {
  const parts: string[] = [];
  if (located.owner && located.field) {
    const own = docText(propertyDoc(located.owner, located.field));
    if (own) parts.push(own);
  }
  const target = referencedDefinition(located.node);
  if (target) {
    const text = docText(definitionDoc(target));
    if (text) parts.push(text);
  } else if (!located.owner && located.node.description) {
    parts.push(located.node.description);
  }
  return parts.map((p) => `${p}\n`).join('');
}

/** The explanation text of a resource and a field path (`['spec', 'replicas']`). */
export function explainResource(info: KindInfo, path: readonly string[], options: ExplainOptions = {}): ExplainOutput {
  let located: Located = { node: { $ref: `#/definitions/${info.definition}` } };
  let header = '';
  for (let i = 0; i < path.length; i++) {
    const owner = propertiesOf(located.node);
    const node = owner?.node.properties?.[path[i]!];
    if (!owner || !node || !Object.hasOwn(owner.node.properties!, path[i]!)) return { stdout: '', stderr: `error: field "${path[i]}" does not exist\n` };
    located = { owner: owner.name, field: path[i], node };
    if (i === path.length - 1) header = `FIELD: ${path[i]} <${typeGuess(node)}>\n\n\n`;
  }
  let out = `${info.group === '' ? '' : `GROUP:      ${info.group}\n`}KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n${header}`;
  const text = description(located) || '<empty>';
  out += `DESCRIPTION:\n${indent(wrapLines(text, 76), 4)}\n`;
  const owner = propertiesOf(located.node);
  if (owner) {
    const fields = fieldList(owner, 1, options.recursive === true, new Set(owner.name ? [owner.name] : []));
    if (fields !== '') out += `FIELDS:\n${fields}`;
  }
  return { stdout: `${out}\n`, stderr: '' };
}

/**
 * `kubectl explain deployment.spec.replicas`: the resource is the first segment (plural,
 * singular or short name), the rest is the field path.
 */
export function explain(path: string, options: ExplainOptions = {}): ExplainOutput {
  const [resource = '', ...fields] = path.split('.');
  const info = findResource(resource);
  if (!info) return { stdout: '', stderr: `error: the server doesn't have a resource type "${resource}"\n` };
  return explainResource(info, fields, options);
}
