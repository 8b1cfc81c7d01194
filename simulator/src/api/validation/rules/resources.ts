/**
 * Container resources: resource names, no negative amount, requests at most the limits.
 * Mirrors ValidateResourceRequirements, validateContainerResourceName and
 * ValidateNonnegativeQuantity (pkg/apis/core/validation/validation.go, v1.30).
 */
import { formatField, invalid, required, type Finding } from '../finding';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../../quantity';
import { child, isRecord, keyField, type Path } from './common';
import { isQualifiedName } from './formats';
import { IS_NEGATIVE } from './intorpercent';

// helper.standardResources: what a resource name without a domain may be.
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers',
  'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
]);
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
// helper.IsOvercommitAllowed: native resources except huge pages.
const overcommitAllowed = (name: string): boolean => !isHugePages(name) && (!name.includes('/') || name.includes('kubernetes.io/'));

const NAME_FR =
  "Un conteneur ne demande que cpu, memory, ephemeral-storage (ou hugepages-…, ou une ressource étendue avec un domaine, comme nvidia.com/gpu). Vérifie l'orthographe : « memory », pas « memoire » ni « mem ».";

/** validateResourceName then validateContainerResourceName: both messages when the name is unknown. */
export function containerResourceName(name: string, path: Path, mapPath: Path): Finding[] {
  const field = keyField(mapPath, name);
  const base = { code: 'resource-name-invalid', path, field, fr: NAME_FR };
  const qualified = isQualifiedName(name).map((message) => invalid(base, name, message));
  if (qualified.length > 0) return qualified;
  if (name.includes('/')) return [];
  const findings: Finding[] = [];
  if (!STANDARD_RESOURCES.has(name) && !name.startsWith('requests.hugepages-') && !isHugePages(name)) {
    findings.push(invalid(base, name, 'must be a standard resource type or fully qualified'));
  }
  if (!CONTAINER_RESOURCES.has(name) && !isHugePages(name)) findings.push(invalid(base, name, 'must be a standard resource for containers'));
  return findings;
}

/** The quantities of a resource map that parse (bad ones are decode errors, reported apart). */
export function quantities(map: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isRecord(map)) return out;
  for (const [name, value] of Object.entries(map)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const parsed = parseQuantity(value);
    if (parsed.ok) out.set(name, parsed.quantity);
  }
  return out;
}

/** ValidateNonnegativeQuantity: the canonical value, quoted. */
export function nonNegativeQuantity(quantity: Quantity, path: Path, field: string, fr: string): Finding[] {
  return quantity.nanos < 0n ? [invalid({ code: 'quantity-negative', path, field, fr }, formatQuantity(quantity), IS_NEGATIVE)] : [];
}

/** ValidateResourceRequirements for one container's `resources`. */
export function validateResources(resources: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  const limitsPath: Path = [...path, 'limits'];
  const requestsPath: Path = [...path, 'requests'];
  const limits = quantities(child(resources, 'limits'));
  const requests = quantities(child(resources, 'requests'));
  for (const name of Object.keys(asMap(child(resources, 'limits')))) {
    findings.push(...containerResourceName(name, [...limitsPath, name], limitsPath));
    const limit = limits.get(name);
    if (limit) findings.push(...nonNegativeQuantity(limit, [...limitsPath, name], keyField(limitsPath, name), 'Une limite de ressource ne peut pas être négative.'));
  }
  for (const name of Object.keys(asMap(child(resources, 'requests')))) {
    findings.push(...containerResourceName(name, [...requestsPath, name], requestsPath));
    const request = requests.get(name);
    if (!request) continue;
    findings.push(...nonNegativeQuantity(request, [...requestsPath, name], keyField(requestsPath, name), 'Une demande de ressource ne peut pas être négative.'));
    const limit = limits.get(name);
    const base = { code: 'request-exceeds-limit', path: [...requestsPath, name], field: formatField(requestsPath) };
    if (limit && compareQuantities(request, limit) !== 0 && !overcommitAllowed(name)) {
      findings.push(invalid({ ...base, fr: `Pour ${name}, la demande doit être exactement égale à la limite.` }, formatQuantity(request), `must be equal to ${name} limit of ${formatQuantity(limit)}`));
    } else if (limit && compareQuantities(request, limit) > 0) {
      findings.push(
        invalid(
          { ...base, fr: `La demande (requests) de ${name} dépasse la limite (limits) : un conteneur ne peut pas réserver plus que ce qu'il a le droit d'utiliser. Baisse la demande ou relève la limite.` },
          formatQuantity(request),
          `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`,
        ),
      );
    } else if (!limit && !overcommitAllowed(name)) {
      findings.push(required({ code: 'limit-required', path: limitsPath, fr: `Pour ${name}, une limite est obligatoire.` }, 'Limit must be set for non overcommitable resources'));
    }
  }
  return findings;
}

function asMap(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
