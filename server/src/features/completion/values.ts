/**
 * Values the API itself defines: enum values (enums.ts, with the French meaning of each
 * value), booleans, apiVersions for the kind written and kinds for the apiVersion
 * written, and the usual keys of resource maps (`cpu`, `memory`...).
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionItemKind as Kind } from 'vscode-languageserver';
import { KINDS, type KindInfo } from '../../../../simulator/src/api/catalog';
import { COURSE_KINDS, definitionDoc, documentedValues, valueDoc } from '../../../../simulator/src/api/docs/index';
import { enumValues } from '../../../../simulator/src/api/enums';
import { schemaAtPath, type SchemaNode } from '../../../../simulator/src/api/schemas';
import type { Path } from '../../documents/positions';
import type { Frame } from './frame';
import { markdown, summary, yamlString } from './text';

/** The field a value belongs to: `core.v1.ServiceSpec` `type`. For a list item, the list's field. */
export interface Field {
  owner?: string;
  property?: string;
  /** The schema of the value itself. */
  node?: SchemaNode;
}

/** The field holding the value at `path` of a `root` object. */
export function fieldAt(root: string, path: Path): Field {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = schemaAtPath(root, path.slice(0, -1));
    const property = path[path.length - 2];
    return { owner: list.owner, property: typeof property === 'string' ? property : undefined, node: list.node?.items ? schemaAtPath(root, path).node : undefined };
  }
  const location = schemaAtPath(root, path);
  return { owner: location.owner, property: last, node: location.node };
}

export interface ValueOptions {
  kind?: Kind;
  detail?: string;
  documentation?: string;
  description?: string;
  sortText?: string;
  /** Inserted as is (a number, or text already in YAML form). */
  raw?: boolean;
}

/** One value to insert after `key: ` (or after `- `). */
export function valueItem(frame: Frame, value: string, options: ValueOptions = {}): CompletionItem {
  const { site } = frame;
  const quote = site.quote;
  const text = quote ? `${quote}${value}${quote}` : options.raw ? value : yamlString(value);
  return {
    label: value === '' ? '""' : value,
    kind: options.kind ?? CompletionItemKind.Value,
    detail: options.detail,
    labelDetails: options.description ? { description: options.description } : undefined,
    documentation: options.documentation ? { kind: 'markdown', value: options.documentation } : undefined,
    sortText: options.sortText,
    filterText: `${quote}${value}`,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: frame.range, newText: `${site.needsSpace ? ' ' : ''}${text}` },
  };
}

/** Enum values and booleans of the field. */
export function enumItems(frame: Frame, field: Field): CompletionItem[] {
  const { owner, property, node } = field;
  const items: CompletionItem[] = [];
  if (owner && property) {
    const values = [...(enumValues(owner, property) ?? []), ...documentedValues(owner, property)];
    [...new Set(values)].forEach((value, index) => {
      const doc = valueDoc(owner, property, value);
      items.push(valueItem(frame, value, {
        kind: CompletionItemKind.EnumMember,
        detail: `${owner.split('.').pop()}.${property}`,
        description: doc ? summary(doc, 50) : undefined,
        documentation: doc,
        sortText: String(index).padStart(3, '0'),
      }));
    });
  }
  const types = node ? (Array.isArray(node.type) ? node.type : [node.type]) : [];
  if (items.length === 0 && types.includes('boolean')) {
    for (const value of ['true', 'false']) items.push(valueItem(frame, value, { raw: true, detail: 'bool' }));
  }
  return items;
}

const COURSE = new Set<string>(COURSE_KINDS);

/** API groups and resources for RBAC rules, from the kind catalogue. */
export function catalogItems(frame: Frame, field: Field): CompletionItem[] {
  const key = `${field.owner}.${field.property}`;
  if (key === 'rbac.v1.PolicyRule.apiGroups') {
    const groups = [...new Set(KINDS.map((info) => info.group))];
    return groups.map((group, index) =>
      valueItem(frame, group, {
        detail: group === '' ? 'groupe de base (core)' : `groupe ${group}`,
        description: summary(KINDS.filter((info) => info.group === group).map((info) => info.resource).join(', '), 50),
        sortText: String(index).padStart(3, '0'),
      }),
    );
  }
  if (key === 'rbac.v1.PolicyRule.resources') {
    const seen = new Set<string>();
    return KINDS.filter((info) => !seen.has(info.resource) && seen.add(info.resource)).map((info) =>
      valueItem(frame, info.resource, {
        detail: info.group === '' ? 'core' : info.group,
        description: info.kind,
        sortText: `${COURSE.has(info.definition) ? 0 : 1}-${info.resource}`,
      }),
    );
  }
  return [];
}

function kindDoc(info: KindInfo): string {
  return markdown(definitionDoc(info.definition), `**${info.kind}** · \`${info.apiVersion}\`${info.namespaced ? '' : ' · sans namespace'}`);
}

/** apiVersions serving the kind written, or every served apiVersion. */
export function apiVersionItems(frame: Frame): CompletionItem[] {
  const forKind = frame.kind ? KINDS.filter((info) => info.kind === frame.kind) : [];
  const infos = forKind.length > 0 ? forKind : KINDS;
  const versions = new Map<string, KindInfo[]>();
  for (const info of infos) versions.set(info.apiVersion, [...(versions.get(info.apiVersion) ?? []), info]);
  return [...versions].map(([apiVersion, served]) => {
    const taught = served.filter((info) => COURSE.has(info.definition));
    const preferred = served.some((info) => info.preferred);
    return valueItem(frame, apiVersion, {
      kind: CompletionItemKind.Module,
      detail: served[0]!.group === '' ? 'groupe de base (core)' : `groupe ${served[0]!.group}`,
      description: forKind.length > 0 ? (preferred ? 'version préférée' : 'ancienne version') : summary(served.map((info) => info.kind).join(', '), 50),
      documentation: `Kinds servis par \`${apiVersion}\` : ${served.map((info) => info.kind).join(', ')}.`,
      sortText: `${preferred ? 0 : 1}${taught.length > 0 ? 0 : 1}-${apiVersion}`,
    });
  });
}

/** Kinds served by the apiVersion written, or every kind; adds `apiVersion:` when it is missing. */
export function kindItems(frame: Frame): CompletionItem[] {
  const forVersion = frame.apiVersion ? KINDS.filter((info) => info.apiVersion === frame.apiVersion) : [];
  const infos = forVersion.length > 0 ? forVersion : KINDS.filter((info) => info.preferred);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const info of infos) {
    if (seen.has(info.kind)) continue;
    seen.add(info.kind);
    const item = valueItem(frame, info.kind, {
      kind: CompletionItemKind.Class,
      detail: info.apiVersion,
      description: summary(definitionDoc(info.definition)?.text ?? '', 50),
      documentation: kindDoc(info),
      sortText: `${COURSE.has(info.definition) ? 0 : 1}-${info.kind}`,
    });
    if (frame.apiVersion === undefined) {
      // No apiVersion yet: write the kind's preferred one above it.
      const at = { line: frame.range.start.line, character: 0 };
      item.additionalTextEdits = [{ range: { start: at, end: at }, newText: `apiVersion: ${info.apiVersion}\n` }];
    }
    items.push(item);
  }
  return items;
}

const CPU_MEMORY: Record<string, string> = {
  cpu: 'Du processeur, en cœurs ou en millicœurs : `500m` est un demi-cœur.',
  memory: 'De la mémoire, en octets avec un suffixe : `128Mi`, `1Gi`.',
};
const CONTAINER_RESOURCES: Record<string, string> = {
  ...CPU_MEMORY,
  'ephemeral-storage': 'Du disque local temporaire (journaux, couche inscriptible du conteneur, emptyDir) : `1Gi`.',
};
const STORAGE: Record<string, string> = { storage: 'La taille du volume demandé : `1Gi`, `10Gi`.' };
const QUOTA: Record<string, string> = {
  'requests.cpu': 'Somme maximale des requests CPU des Pods du namespace.',
  'requests.memory': 'Somme maximale des requests mémoire des Pods du namespace.',
  'limits.cpu': 'Somme maximale des limits CPU des Pods du namespace.',
  'limits.memory': 'Somme maximale des limits mémoire des Pods du namespace.',
  'requests.storage': 'Somme maximale du stockage demandé par les PersistentVolumeClaims.',
  pods: 'Nombre maximal de Pods dans le namespace.',
  services: 'Nombre maximal de Services.',
  configmaps: 'Nombre maximal de ConfigMaps.',
  secrets: 'Nombre maximal de Secrets.',
  persistentvolumeclaims: 'Nombre maximal de PersistentVolumeClaims.',
};

/** The usual keys of the resource maps, keyed `definition.property` like enums.ts. */
const MAP_KEYS: Record<string, Record<string, string>> = {
  'core.v1.ResourceRequirements.requests': CONTAINER_RESOURCES,
  'core.v1.ResourceRequirements.limits': CONTAINER_RESOURCES,
  'core.v1.VolumeResourceRequirements.requests': STORAGE,
  'core.v1.VolumeResourceRequirements.limits': STORAGE,
  'core.v1.PersistentVolumeSpec.capacity': STORAGE,
  'core.v1.LimitRangeItem.default': CPU_MEMORY,
  'core.v1.LimitRangeItem.defaultRequest': CPU_MEMORY,
  'core.v1.LimitRangeItem.max': CPU_MEMORY,
  'core.v1.LimitRangeItem.min': CPU_MEMORY,
  'core.v1.ResourceQuotaSpec.hard': QUOTA,
};

/** Keys of a resource map (`requests:` -> `cpu`, `memory`). */
export function mapKeyItems(frame: Frame, field: Field): CompletionItem[] {
  const keys = field.owner && field.property ? MAP_KEYS[`${field.owner}.${field.property}`] : undefined;
  if (!keys) return [];
  return Object.entries(keys)
    .filter(([key]) => !frame.site.present.has(key))
    .map(([key, doc], index) => ({
      label: key,
      kind: CompletionItemKind.Property,
      detail: 'resource.Quantity',
      labelDetails: { description: summary(doc, 60) },
      documentation: { kind: 'markdown', value: doc },
      sortText: String(index).padStart(3, '0'),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: frame.range, newText: frame.site.hasColon ? key : `${key}: $0` },
    }));
}
