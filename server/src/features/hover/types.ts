/**
 * The type of a field in the words Kubernetes users meet in `kubectl explain` and the API
 * reference (`integer`, `Quantity`, `IntOrString`, `[]Container` read as « liste de
 * `Container` »), with the connecting words in French.
 */
import { refName, type SchemaNode } from '../../../../simulator/src/api/schemas';

// Definitions that are scalars on the wire: named by their API type, not as objects.
const SCALAR_DEFINITIONS: Record<string, string> = {
  'api.resource.Quantity': 'Quantity',
  'meta.v1.Time': 'Time',
  'meta.v1.MicroTime': 'MicroTime',
};

/** Markdown label of the type of `node` (`\`integer\``, `liste de \`Container\``, `map de \`string\``). */
export function typeLabel(node: SchemaNode | undefined): string {
  if (!node) return 'valeur libre';
  if (node.$ref) {
    const name = refName(node.$ref);
    const scalar = SCALAR_DEFINITIONS[name];
    if (scalar) return `\`${scalar}\``;
    if (name === 'runtime.RawExtension') return 'objet libre';
    return `objet \`${name.split('.').pop()!}\``;
  }
  if (node['x-kubernetes-int-or-string']) return '`IntOrString`';
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'array') return `liste ${ofMany(typeLabel(node.items))}`;
  if (type === 'object') {
    const values = node.additionalProperties;
    return values && typeof values === 'object' ? `map ${ofMany(typeLabel(values))}` : 'objet libre';
  }
  return type ? `\`${type}\`` : 'valeur libre';
}

/** The French complement of « liste » and « map »: `de \`string\``, `d'objets \`Container\``. */
function ofMany(label: string): string {
  if (label === 'objet libre') return "d'objets libres";
  if (label === 'valeur libre') return 'de valeurs libres';
  if (label.startsWith('objet ')) return `d'objets ${label.slice('objet '.length)}`;
  if (label.startsWith('liste ')) return `de listes ${label.slice('liste '.length)}`;
  if (label.startsWith('map ')) return `de maps ${label.slice('map '.length)}`;
  return `de ${label}`;
}
