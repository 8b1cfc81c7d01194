/**
 * ResourceLists as apimachinery's quota helpers handle them (k8s.io/apiserver
 * pkg/quota/v1/resources.go, v1.30): name -> Quantity maps that add up keeping the
 * quantities' formats (`1500m`, `384Mi`), masks, comparisons and `prettyPrint`
 * (`requests.cpu=500m,requests.memory=128Mi`). Shared by the ResourceQuota admission
 * plugin, the LimitRanger and the quota controller.
 */
import { compareStrings } from '../store/json';
import { formatQuantity, parseQuantity, type Quantity } from '../api/quantity';

export type ResourceList = Map<string, Quantity>;

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** One quantity of a stored ResourceList; undefined when it does not parse. */
export function quantityOf(value: unknown): Quantity | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseQuantity(value);
  return parsed.ok ? parsed.quantity : undefined;
}

/** A stored ResourceList (`{cpu: "500m"}`) as quantities; what does not parse is left out. */
export function resourceList(value: unknown): ResourceList {
  const out: ResourceList = new Map();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    const quantity = quantityOf(raw);
    if (quantity) out.set(name, quantity);
  }
  return out;
}

/** Quantity.Add: a zero accumulator takes the other's format (`0` + `128Mi` = `128Mi`). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** quota.Add: the sum, key by key. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map(a);
  for (const [name, quantity] of b) {
    const current = out.get(name);
    out.set(name, current ? addQuantity(current, quantity) : quantity);
  }
  return out;
}

/** quota.Mask: only the names given. */
export function mask(list: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = new Map();
  for (const name of names) {
    const quantity = list.get(name);
    if (quantity) out.set(name, quantity);
  }
  return out;
}

/** quota.RemoveZeros. */
export function removeZeros(list: ResourceList): ResourceList {
  return new Map([...list].filter(([, quantity]) => quantity.nanos !== 0n));
}

/** quota.LessThanOrEqual: the names of `a` above their value in `b` (names absent from `b` pass). */
export function exceeded(a: ResourceList, b: ResourceList): string[] {
  const out: string[] = [];
  for (const [name, quantity] of a) {
    const limit = b.get(name);
    if (limit && quantity.nanos > limit.nanos) out.push(name);
  }
  return out;
}

/** prettyPrint: `name=value` sorted by name, joined by commas. */
export function prettyPrint(list: ResourceList): string {
  return [...list.keys()]
    .sort(compareStrings)
    .map((name) => `${name}=${formatQuantity(list.get(name)!)}`)
    .join(',');
}

/** The list as stored JSON (`{"requests.cpu": "1500m"}`), names sorted. */
export function toJson(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...list.keys()].sort(compareStrings)) out[name] = formatQuantity(list.get(name)!);
  return out;
}

/** A whole number as a DecimalSI quantity (object counts). */
export const count = (n: number): Quantity => ({ nanos: BigInt(n) * 10n ** 9n, format: 'DecimalSI' });
