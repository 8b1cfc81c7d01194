/**
 * Field selectors (`kubectl get pods --field-selector status.phase=Running`). The syntax
 * mirrors apimachinery's `pkg/fields/selector.go`; the fields each kind can be selected
 * on, and the error for the others, mirror the API server's field label conversion
 * functions (`pkg/apis/core/v1/conversion.go` and friends) and `SelectableFields`.
 */
import type { KindInfo } from '../api/catalog';
import { badRequest } from './selectors';
import { compareStrings, isJsonObject, scalarText, type JsonObject } from './json';

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

type Extract = (object: JsonObject) => string;

/** The value at a dotted path as the API server's fields.Set holds it (absent is ""). */
function at(path: string, absent = ''): Extract {
  const segments = path.split('.');
  return (object) => {
    let value: unknown = object;
    for (const segment of segments) value = isJsonObject(value) ? value[segment] : undefined;
    if (value === undefined || value === null) return absent;
    return scalarText(value);
  };
}

const metaFields = (namespaced: boolean): Record<string, Extract> => ({
  'metadata.name': at('metadata.name'),
  // A cluster-scoped object's field set has no namespace: `metadata.namespace=x` matches nothing.
  'metadata.namespace': namespaced ? at('metadata.namespace') : () => '',
});

interface KindFields {
  fields: Record<string, Extract>;
  unsupported(label: string): string;
}

const notSupported = (label: string): string => `field label not supported: ${label}`;

// Keyed by `group/Kind`. Kinds not listed select on metadata.name and metadata.namespace only.
const KIND_FIELDS: Readonly<Record<string, Omit<KindFields, 'unsupported'> & { unsupported?: KindFields['unsupported'] }>> = {
  '/Pod': {
    fields: {
      'spec.nodeName': at('spec.nodeName'),
      'spec.restartPolicy': at('spec.restartPolicy'),
      'spec.schedulerName': at('spec.schedulerName'),
      'spec.serviceAccountName': at('spec.serviceAccountName'),
      'spec.hostNetwork': at('spec.hostNetwork', 'false'),
      'status.phase': at('status.phase'),
      'status.podIP': (pod) => at('ip')(firstItem(pod, 'status', 'podIPs')),
      'status.podIPs': (pod) => at('ip')(firstItem(pod, 'status', 'podIPs')),
      'status.nominatedNodeName': at('status.nominatedNodeName'),
      // Old v1 clients sent spec.host; the API server still maps it to spec.nodeName.
      'spec.host': at('spec.nodeName'),
    },
  },
  '/Node': { fields: { 'spec.unschedulable': at('spec.unschedulable', 'false') } },
  '/ReplicationController': { fields: { 'status.replicas': at('status.replicas', '0') } },
  '/Namespace': { fields: { 'status.phase': at('status.phase') } },
  '/Secret': { fields: { type: at('type') } },
  '/Service': { fields: { 'spec.clusterIP': at('spec.clusterIP'), 'spec.type': at('spec.type') } },
  '/Event': {
    fields: {
      ...Object.fromEntries(['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((key) => [`involvedObject.${key}`, at(`involvedObject.${key}`)])),
      reason: at('reason'),
      reportingComponent: at('reportingComponent'),
      source: at('source.component'),
      type: at('type'),
    },
  },
  'batch/Job': { fields: { 'status.successful': at('status.succeeded', '0') } },
  'apps/StatefulSet': {
    fields: { 'status.successful': () => '' },
    unsupported: (label) => `field label not supported for appsv1.StatefulSet: ${label}`,
  },
  'certificates.k8s.io/CertificateSigningRequest': { fields: { 'spec.signerName': at('spec.signerName') } },
};

function firstItem(object: JsonObject, ...path: string[]): JsonObject {
  let value: unknown = object;
  for (const segment of path) value = isJsonObject(value) ? value[segment] : undefined;
  return Array.isArray(value) && isJsonObject(value[0]) ? value[0] : {};
}

const cache = new Map<string, KindFields>();

/** The selectable fields of a kind and the error for the others. */
function kindFields(info: KindInfo): KindFields {
  const key = `${info.group}/${info.kind}`;
  let entry = cache.get(key);
  if (!entry) {
    const specific = KIND_FIELDS[key];
    const meta = metaFields(info.namespaced);
    // Nodes and Namespaces do not list metadata.namespace in their conversion function.
    if (key === '/Node' || key === '/Namespace') delete meta['metadata.namespace'];
    entry = specific
      ? { fields: { ...meta, ...specific.fields }, unsupported: specific.unsupported ?? notSupported }
      : {
          fields: meta,
          // runtime.DefaultMetaV1FieldSelectorConversion
          unsupported: (label) => `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
        };
    cache.set(key, entry);
  }
  return entry;
}

/** fields.splitTerms: commas split terms unless escaped with a backslash. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    if (escaped) escaped = false;
    else if (text[i] === '\\') escaped = true;
    else if (text[i] === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** fields.splitTerm: the first `!=`, `==` or `=` from the left splits field and value. */
function splitTerm(term: string): FieldRequirement | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) {
        const value = term.slice(i + op.length).replace(/\\([\\,=])/g, '$1');
        return { field: term.slice(0, i), operator: op === '!=' ? '!=' : '=', value };
      }
    }
  }
  return undefined;
}

/**
 * Parses a field selector for `info`'s kind: terms `field=value`, `field==value` or
 * `field!=value` joined by commas. Throws the API server's 400 BadRequest for a term it
 * cannot read (`invalid selector: ...`) or a field the kind cannot be selected on
 * (`field label not supported: spec.foo`).
 */
export function parseFieldSelector(text: string, info: KindInfo): FieldRequirement[] {
  const fr = `Le sélecteur de champs « ${text} » n'est pas accepté : la syntaxe est champ=valeur ou champ!=valeur, et seuls certains champs sont sélectionnables pour ${info.resource} (metadata.name, metadata.namespace, et quelques autres selon le type).`;
  const requirements: FieldRequirement[] = [];
  // Upstream sorts the terms before reading them, which decides which error comes first.
  for (const term of splitTerms(text).sort(compareStrings)) {
    if (term === '') continue;
    const requirement = splitTerm(term);
    if (!requirement) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`, fr);
    requirements.push(requirement);
  }
  const kind = kindFields(info);
  for (const requirement of requirements) {
    if (!Object.hasOwn(kind.fields, requirement.field)) throw badRequest(kind.unsupported(requirement.field), fr);
  }
  return requirements;
}

/** True when `object` satisfies every field requirement (parsed for the same kind). */
export function matchesFields(requirements: readonly FieldRequirement[], object: JsonObject, info: KindInfo): boolean {
  if (requirements.length === 0) return true;
  const { fields } = kindFields(info);
  for (const { field, operator, value } of requirements) {
    const actual = fields[field]!(object);
    if ((actual === value) !== (operator === '=')) return false;
  }
  return true;
}
