/**
 * Address allocators: the Service ClusterIP range and the NodePort range as kube-apiserver
 * holds them (bitmaps with a static sub-range, pkg/registry/core/service/{ipallocator,
 * portallocator}), and the external IP pool a load-balancer implementation hands out
 * (MetalLB on kind: a small address pool inside the docker network). Pure bookkeeping: the
 * callers decide what is allocated (the Services in the store) and report errors.
 */
import type { Random } from '../random';
import { NODE_PORT_RANGE } from '../api/validation/rules/services';

export { NODE_PORT_RANGE };

/** kubeadm's and kind's default --service-cluster-ip-range. */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The first address of the range: the `default/kubernetes` Service (the API server). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** The tenth address: kube-dns, as kubeadm places it. */
export const DNS_SERVICE_IP = '10.96.0.10';
/** The pool kind's MetalLB guide configures: the top of the `kind` docker network 172.18.0.0/16. */
export const LOAD_BALANCER_POOL = { first: '172.18.255.200', last: '172.18.255.250' } as const;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address as an unsigned 32-bit number, or undefined when it is not one. */
export function parseIPv4(text: string): number | undefined {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(match[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Dotted-quad text of an unsigned 32-bit address. */
export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** True when the text looks like an IPv6 address (the simulated cluster is IPv4 only). */
export function isIPv6(text: string): boolean {
  return text.includes(':') && /^[0-9A-Fa-f:.]+$/.test(text);
}

/**
 * A bitmap allocator over offsets [0, size). Mirrors allocator.AllocationBitmap with the
 * randomScanStrategyWithOffset (KEP-3070 and KEP-3668, GA in v1.26 and v1.29): offsets
 * below `offset` form a static band that dynamic allocation only uses once the upper band
 * is full, so that addresses users ask for by hand (10.96.0.10 for DNS) rarely collide.
 */
export class RangeAllocator {
  private readonly used = new Set<number>();

  constructor(
    readonly size: number,
    readonly offset: number,
  ) {}

  get count(): number {
    return this.used.size;
  }

  has(index: number): boolean {
    return this.used.has(index);
  }

  /** Marks an offset used; false when it already was. */
  allocate(index: number): boolean {
    if (this.used.has(index)) return false;
    this.used.add(index);
    return true;
  }

  release(index: number): void {
    this.used.delete(index);
  }

  /**
   * A free offset: a random start in the upper band scanning forward (wrapping inside the
   * band), then the same in the static band. Undefined when the range is full.
   */
  allocateNext(random: Random): number | undefined {
    if (this.used.size >= this.size) return undefined;
    const upper = this.size - this.offset;
    const bands: [number, number][] = [[this.offset, upper], [0, this.offset]];
    for (const [base, length] of bands) {
      if (length <= 0) continue;
      const start = random.int(length);
      for (let i = 0; i < length; i++) {
        const at = base + ((start + i) % length);
        if (!this.used.has(at)) {
          this.used.add(at);
          return at;
        }
      }
    }
    return undefined;
  }
}

/** Mirrors ipallocator's calculateRangeOffset: min(max(16, size/16), 256). */
function ipRangeOffset(cidrSize: number): number {
  if (cidrSize < 16) return 0;
  return Math.min(Math.max(16, Math.floor(cidrSize / 16)), 256);
}

/** Mirrors portallocator's calculateRangeOffset: min(max(16, size/32), 128). */
function portRangeOffset(rangeSize: number): number {
  if (rangeSize <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(rangeSize / 32)), 128);
}

/** The Service ClusterIP range: network and broadcast addresses are never handed out. */
export class ClusterIPRange {
  readonly cidr: string;
  private readonly network: number;
  private readonly allocator: RangeAllocator;

  constructor(cidr: string = SERVICE_CIDR) {
    const [address = '', bits = ''] = cidr.split('/');
    const network = parseIPv4(address);
    const prefix = Number(bits);
    if (network === undefined || !Number.isInteger(prefix) || prefix < 1 || prefix > 30) throw new RangeError(`invalid service CIDR ${cidr}`);
    const size = 2 ** (32 - prefix);
    this.cidr = cidr;
    this.network = network - (network % size);
    this.allocator = new RangeAllocator(size - 2, ipRangeOffset(size));
  }

  /** The allocator offset of an address, or undefined when it is outside the range. */
  private offsetOf(ip: string): number | undefined {
    const value = parseIPv4(ip);
    if (value === undefined) return undefined;
    const offset = value - this.network - 1;
    return offset >= 0 && offset < this.allocator.size ? offset : undefined;
  }

  contains(ip: string): boolean {
    return this.offsetOf(ip) !== undefined;
  }

  has(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.allocator.has(offset);
  }

  /** Reserves an address in the range; false when it is outside or already taken. */
  allocate(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.allocator.allocate(offset);
  }

  allocateNext(random: Random): string | undefined {
    const offset = this.allocator.allocateNext(random);
    return offset === undefined ? undefined : formatIPv4(this.network + 1 + offset);
  }

  release(ip: string): void {
    const offset = this.offsetOf(ip);
    if (offset !== undefined) this.allocator.release(offset);
  }

  /** Why `allocate(ip)` failed, in ipallocator's words (ErrAllocated, ErrNotInRange). */
  refusal(ip: string): string {
    return this.contains(ip) ? 'provided IP is already allocated' : `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`;
  }

  get used(): number {
    return this.allocator.count;
  }
}

/** The NodePort range (`--service-node-port-range`, 30000-32767 by default). */
export class NodePortRange {
  readonly min: number;
  readonly max: number;
  private readonly allocator: RangeAllocator;

  constructor(min: number = NODE_PORT_RANGE.min, max: number = NODE_PORT_RANGE.max) {
    this.min = min;
    this.max = max;
    const size = max - min + 1;
    this.allocator = new RangeAllocator(size, portRangeOffset(size));
  }

  /** `30000-32767`, as net.PortRange prints itself in errors. */
  get text(): string {
    return `${this.min}-${this.max}`;
  }

  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.min && port <= this.max;
  }

  has(port: number): boolean {
    return this.contains(port) && this.allocator.has(port - this.min);
  }

  allocate(port: number): boolean {
    return this.contains(port) && this.allocator.allocate(port - this.min);
  }

  allocateNext(random: Random): number | undefined {
    const offset = this.allocator.allocateNext(random);
    return offset === undefined ? undefined : this.min + offset;
  }

  release(port: number): void {
    if (this.contains(port)) this.allocator.release(port - this.min);
  }

  /** Why `allocate(port)` failed, in portallocator's words (ErrAllocated, ErrNotInRange). */
  refusal(port: number): string {
    return this.contains(port) ? 'provided port is already allocated' : `provided port is not in the valid range. The range of valid ports is ${this.text}`;
  }

  get used(): number {
    return this.allocator.count;
  }
}

/**
 * One request's changes to the ranges: allocations are made at once (undone by revert, on
 * error or dry run), releases wait for commit, like the registry's transaction.go.
 */
export class AllocationTransaction {
  private readonly undo: (() => void)[] = [];
  private readonly releases: (() => void)[] = [];

  constructor(
    private readonly allocations: { clusterIPs: ClusterIPRange; nodePorts: NodePortRange },
    private readonly random: Random,
  ) {}

  allocateIP(ip: string): boolean {
    if (!this.allocations.clusterIPs.allocate(ip)) return false;
    this.undo.push(() => this.allocations.clusterIPs.release(ip));
    return true;
  }

  nextIP(): string | undefined {
    const ip = this.allocations.clusterIPs.allocateNext(this.random);
    if (ip !== undefined) this.undo.push(() => this.allocations.clusterIPs.release(ip));
    return ip;
  }

  allocatePort(port: number): boolean {
    if (!this.allocations.nodePorts.allocate(port)) return false;
    this.undo.push(() => this.allocations.nodePorts.release(port));
    return true;
  }

  nextPort(): number | undefined {
    const port = this.allocations.nodePorts.allocateNext(this.random);
    if (port !== undefined) this.undo.push(() => this.allocations.nodePorts.release(port));
    return port;
  }

  portError(port: number): string {
    return this.allocations.nodePorts.refusal(port);
  }

  ipError(ip: string): string {
    return this.allocations.clusterIPs.refusal(ip);
  }

  releaseIPLater(ip: string): void {
    this.releases.push(() => this.allocations.clusterIPs.release(ip));
  }

  releasePortLater(port: number): void {
    this.releases.push(() => this.allocations.nodePorts.release(port));
  }

  revert(): void {
    for (const step of this.undo.reverse()) step();
  }

  commit(): void {
    for (const step of this.releases) step();
  }
}

/**
 * The external IP for a LoadBalancer Service: the requested one when it is in the pool and
 * free, else the lowest free address (MetalLB's allocator walks its pools in order).
 * Undefined when the pool has none left or the requested address cannot be given.
 */
export function allocateLoadBalancerIP(inUse: ReadonlySet<string>, requested?: string): string | undefined {
  const first = parseIPv4(LOAD_BALANCER_POOL.first)!;
  const last = parseIPv4(LOAD_BALANCER_POOL.last)!;
  if (requested) {
    const value = parseIPv4(requested);
    return value !== undefined && value >= first && value <= last && !inUse.has(requested) ? requested : undefined;
  }
  for (let value = first; value <= last; value++) {
    const ip = formatIPv4(value);
    if (!inUse.has(ip)) return ip;
  }
  return undefined;
}
