/**
 * Pod IPs from each node's podCIDR, as the CNI host-local IPAM plugin hands them out: the
 * network address and the gateway (.1) are reserved, addresses go round-robin from the
 * last one allocated (a freed address is not reused at once), and a full range fails with
 * host-local's error. Deterministic: the same sequence of sandboxes gives the same IPs.
 */

interface Range {
  cidr: string;
  first: number;
  last: number;
  /** The last address handed out (round robin continues after it). */
  cursor: number;
  /** address -> owner (Pod uid). */
  used: Map<number, string>;
}

export type Allocation = { ok: true; ip: string } | { ok: false; error: string };

const toText = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

function toNumber(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** The usable range of an IPv4 CIDR for pods: network + 2 up to the broadcast - 1. */
export function podRange(cidr: string): { first: number; last: number } | undefined {
  const [address = '', bits = ''] = cidr.split('/');
  const base = toNumber(address);
  const prefix = Number(bits);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 8 || prefix > 30) return undefined;
  const size = 2 ** (32 - prefix);
  const network = base - (base % size);
  return { first: network + 2, last: network + size - 2 };
}

export class PodIPAllocator {
  private readonly ranges = new Map<string, Range>();
  private readonly owners = new Map<string, { node: string; address: number }>();

  private range(node: string, cidr: string): Range | undefined {
    let range = this.ranges.get(node);
    if (!range || range.cidr !== cidr) {
      const bounds = podRange(cidr);
      if (!bounds) return undefined;
      range = { cidr, ...bounds, cursor: bounds.first - 1, used: new Map() };
      this.ranges.set(node, range);
    }
    return range;
  }

  /** The owner's address on `node` (the same one if it already has one). */
  allocate(node: string, cidr: string, owner: string): Allocation {
    const known = this.owners.get(owner);
    if (known && known.node === node) return { ok: true, ip: toText(known.address) };
    const range = this.range(node, cidr);
    if (!range) return { ok: false, error: `failed to allocate for range 0: invalid podCIDR "${cidr}"` };
    const size = range.last - range.first + 1;
    for (let step = 1; step <= size; step++) {
      const address = range.first + ((range.cursor - range.first + step) % size);
      if (range.used.has(address)) continue;
      range.used.set(address, owner);
      range.cursor = address;
      this.owners.set(owner, { node, address });
      return { ok: true, ip: toText(address) };
    }
    return { ok: false, error: `failed to allocate for range 0: no IP addresses available in range set: ${toText(range.first - 1)}-${toText(range.last)}` };
  }

  /** Records an address a Pod already has (a kubelet starting over a saved cluster). */
  adopt(node: string, cidr: string, owner: string, ip: string): void {
    const range = this.range(node, cidr);
    const address = toNumber(ip);
    if (!range || address === undefined || address < range.first || address > range.last) return;
    range.used.set(address, owner);
    if (address > range.cursor) range.cursor = address;
    this.owners.set(owner, { node, address });
  }

  /** Frees the owner's address (sandbox torn down). */
  release(owner: string): void {
    const known = this.owners.get(owner);
    if (!known) return;
    this.ranges.get(known.node)?.used.delete(known.address);
    this.owners.delete(owner);
  }
}
