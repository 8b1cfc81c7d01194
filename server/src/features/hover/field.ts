/**
 * Hovers about fields: what a key is (type, required, French description, default,
 * example, chapter), what an enum-like value means, and, for a key the schema does not
 * know, that it does not exist and which field was probably meant.
 */
import { definitionDoc, propertyDoc, valueDoc, documentedValues } from '../../../../simulator/src/api/docs/index';
import { enumValues } from '../../../../simulator/src/api/enums';
import { definition, schemaAtPath, type SchemaNode } from '../../../../simulator/src/api/schemas';
import { didYouMean } from '../../../../simulator/src/api/validation/schema';
import type { Path } from '../../documents/positions';
import { chapterLink, code, codeList, docSections, joinSections } from './markdown';
import { typeLabel } from './types';

/** The field a path is in: the property of a definition, or an entry of one of its maps. */
export interface Field {
  /** The definition that declares the property (`apps.v1.DeploymentSpec`). */
  owner: string;
  property: string;
  /** The property's schema as declared (before `$ref`), for its type. */
  schema: SchemaNode;
  /** Set when the path is an entry of the map `property` (a label, a ConfigMap key). */
  mapKey?: string;
}

function declared(owner: string, property: string): SchemaNode | undefined {
  const properties = definition(owner)?.properties;
  return properties && Object.hasOwn(properties, property) ? properties[property] : undefined;
}

/**
 * The field at `path` of an object of definition `root`. Trailing list indexes are
 * dropped (an item of `accessModes` is about `accessModes`); a map entry is about its map.
 */
export function fieldAt(root: string, path: Path): Field | undefined {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  const trimmed = path.slice(0, end);
  const last = trimmed[trimmed.length - 1];
  if (typeof last !== 'string') return undefined;
  const location = schemaAtPath(root, trimmed);
  if (!location.node) return undefined;
  if (location.mapKey) {
    const parent = fieldAt(root, trimmed.slice(0, -1));
    return parent && { ...parent, mapKey: last };
  }
  const schema = location.owner ? declared(location.owner, last) : undefined;
  return schema && location.owner ? { owner: location.owner, property: last, schema } : undefined;
}

function shortName(definitionName: string): string {
  return definitionName.split('.').pop()!;
}

/** The chapter of the property's doc, else the one of its definition. */
function chapterOf(field: Field): string | undefined {
  return propertyDoc(field.owner, field.property)?.chapter ?? definitionDoc(field.owner)?.chapter;
}

function possibleValues(field: Field): readonly string[] {
  return enumValues(field.owner, field.property) ?? documentedValues(field.owner, field.property);
}

/** Whether the learner must write the field, may write it, or should leave it to Kubernetes. */
function presence(field: Field): string {
  if (definition(field.owner)?.required?.includes(field.property)) return 'obligatoire';
  return field.schema.readOnly ? 'lecture seule' : 'facultatif';
}

/** The hover of a key (or of a value that is not enum-like): the field's documentation. */
export function fieldMarkdown(field: Field): string {
  const doc = propertyDoc(field.owner, field.property);
  const title = field.mapKey === undefined
    ? `**\`${field.property}\`** — ${typeLabel(field.schema)} · ${presence(field)} · dans \`${shortName(field.owner)}\``
    : `**${code(field.mapKey)}** — clé de \`${field.property}\` (${typeLabel(field.schema)}) · dans \`${shortName(field.owner)}\``;
  const values = field.mapKey === undefined ? possibleValues(field) : [];
  return joinSections([
    title,
    ...docSections(doc),
    values.length > 0 ? `Valeurs possibles : ${codeList(values)}` : undefined,
    chapterLink(chapterOf(field)),
  ]);
}

/**
 * The hover of a value: what it means when the field is enum-like and the value
 * documented, a warning when the value is not one the API accepts, else undefined.
 */
export function valueMarkdown(field: Field, value: string): string | undefined {
  if (field.mapKey !== undefined) return undefined;
  const meaning = valueDoc(field.owner, field.property, value);
  const supported = enumValues(field.owner, field.property);
  const where = `\`${field.property}\` (dans \`${shortName(field.owner)}\`)`;
  if (meaning !== undefined) {
    return joinSections([
      `**${code(value)}** — valeur de ${where}`,
      meaning,
      supported ? `Valeurs possibles : ${codeList(supported)}` : undefined,
      chapterLink(chapterOf(field)),
    ]);
  }
  if (supported && !supported.includes(value)) {
    const suggestion = didYouMean(value, supported.filter((candidate) => candidate !== ''));
    return joinSections([
      `**${code(value)}** — n'est pas une valeur acceptée pour ${where}.`,
      suggestion ? `Voulais-tu dire \`${suggestion}\` ?` : undefined,
      `Valeurs possibles : ${codeList(supported)}`,
    ]);
  }
  return undefined;
}

/**
 * The hover of a key the schema does not know, or undefined when its object accepts any
 * key or is not an object the schema describes (then there is nothing sure to say).
 */
export function unknownKeyMarkdown(root: string, path: Path): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = schemaAtPath(root, path.slice(0, -1));
  const properties = Object.keys(parent.node?.properties ?? {});
  if (!parent.definition || properties.length === 0 || parent.node?.additionalProperties) return undefined;
  const suggestion = didYouMean(key, properties);
  return joinSections([
    `**${code(key)}** — ce champ n'existe pas dans \`${shortName(parent.definition)}\`.`,
    suggestion ? `Voulais-tu dire \`${suggestion}\` ?` : undefined,
    "L'API server refuse les champs inconnus (`unknown field`) : `kubectl apply` échouerait.",
  ]);
}
