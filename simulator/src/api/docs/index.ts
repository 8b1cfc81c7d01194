/**
 * Documentation lookups: the French text written for learners (docs/fr/*.ts), with the
 * English description of the generated schema as a fallback, marked `lang: 'en'`.
 */
import type { ChapterId } from '../chapters';
import { definition, reachableDefinitions, resolve } from '../schemas';
import { NETWORK_DOCS } from './fr/network';
import { POD_DOCS } from './fr/pod';
import { SCHEDULING_DOCS } from './fr/scheduling';
import { VALUE_DOCS } from './fr/values';
import { VOLUME_DOCS } from './fr/volumes';
import { WORKLOAD_DOCS } from './fr/workloads';
import type { DefinitionDoc, DocTable } from './types';

export type { DefinitionDoc, DocTable, PropertyDoc, ValueDocTable } from './types';

/** Every French definition doc, merged. A definition is documented in one file only. */
export const FRENCH_DOCS: DocTable = { ...POD_DOCS, ...SCHEDULING_DOCS, ...VOLUME_DOCS, ...WORKLOAD_DOCS, ...NETWORK_DOCS };

/** The kinds the course teaches; their whole reachable schema is documented in French. */
export const COURSE_KINDS = [
  'core.v1.Pod', 'apps.v1.Deployment', 'apps.v1.ReplicaSet', 'core.v1.Service', 'core.v1.Endpoints',
  'networking.v1.Ingress', 'networking.v1.IngressClass', 'core.v1.ConfigMap', 'core.v1.Secret',
  'core.v1.Namespace', 'core.v1.Node', 'core.v1.Event', 'apps.v1.StatefulSet', 'apps.v1.DaemonSet',
  'batch.v1.Job', 'batch.v1.CronJob', 'core.v1.PersistentVolume', 'core.v1.PersistentVolumeClaim',
  'storage.v1.StorageClass', 'core.v1.ServiceAccount', 'rbac.v1.Role', 'rbac.v1.ClusterRole',
  'rbac.v1.RoleBinding', 'rbac.v1.ClusterRoleBinding', 'autoscaling.v2.HorizontalPodAutoscaler',
  'networking.v1.NetworkPolicy', 'core.v1.LimitRange', 'core.v1.ResourceQuota', 'policy.v1.PodDisruptionBudget',
] as const;

/** One piece of documentation, in French when written, else the upstream English. */
export interface DocText {
  text: string;
  lang: 'fr' | 'en';
  chapter?: ChapterId;
  default?: string;
  example?: string;
}

function frenchDefinition(name: string): DefinitionDoc | undefined {
  return Object.hasOwn(FRENCH_DOCS, name) ? FRENCH_DOCS[name] : undefined;
}

/** What the definition `name` is for, or undefined for an unknown definition. */
export function definitionDoc(name: string): DocText | undefined {
  const french = frenchDefinition(name);
  if (french && french.text !== '') return { text: french.text, lang: 'fr', chapter: french.chapter };
  const english = definition(name)?.description;
  return english === undefined ? undefined : { text: english, lang: 'en' };
}

/** What `property` of definition `name` does, or undefined if there is no such property. */
export function propertyDoc(name: string, property: string): DocText | undefined {
  const node = definition(name);
  const schema = node?.properties && Object.hasOwn(node.properties, property) ? node.properties[property] : undefined;
  if (!schema) return undefined;
  const french = frenchDefinition(name);
  const doc = french && Object.hasOwn(french.properties, property) ? french.properties[property] : undefined;
  if (doc && doc.text !== '') {
    return { text: doc.text, lang: 'fr', chapter: doc.chapter ?? french!.chapter, default: doc.default, example: doc.example };
  }
  const english = schema.description ?? resolve(schema).node.description;
  return english === undefined ? undefined : { text: english, lang: 'en' };
}

/** What `value` means for `property` of definition `name` (`NodePort` for a Service type). */
export function valueDoc(name: string, property: string, value: string): string | undefined {
  const key = `${name}.${property}`;
  const values = Object.hasOwn(VALUE_DOCS, key) ? VALUE_DOCS[key] : undefined;
  return values && Object.hasOwn(values, value) ? values[value] : undefined;
}

/** The documented values of `property` of `name`, for completion. */
export function documentedValues(name: string, property: string): string[] {
  const key = `${name}.${property}`;
  return Object.hasOwn(VALUE_DOCS, key) ? Object.keys(VALUE_DOCS[key]!) : [];
}

export interface DocCoverage {
  definitions: number;
  properties: number;
  documentedDefinitions: number;
  documentedProperties: number;
  /** `definition` or `definition.property` with no French text. */
  missing: string[];
}

/** How much of the schema reachable from `roots` has French text. */
export function docCoverage(roots: readonly string[] = COURSE_KINDS): DocCoverage {
  const result: DocCoverage = { definitions: 0, properties: 0, documentedDefinitions: 0, documentedProperties: 0, missing: [] };
  for (const name of reachableDefinitions(roots)) {
    result.definitions++;
    if (definitionDoc(name)?.lang === 'fr') result.documentedDefinitions++;
    else result.missing.push(name);
    for (const property of Object.keys(definition(name)?.properties ?? {})) {
      result.properties++;
      if (propertyDoc(name, property)?.lang === 'fr') result.documentedProperties++;
      else result.missing.push(`${name}.${property}`);
    }
  }
  return result;
}
