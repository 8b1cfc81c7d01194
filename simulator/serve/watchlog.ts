/**
 * The recent history of the store, what etcd's revision window is to kube-apiserver's
 * watch cache: every ADDED, MODIFIED and DELETED event with its position, so that a
 * client that listed at resourceVersion N and then watches from N misses nothing
 * (client-go's reflector does exactly that). Positions follow the store's resourceVersion;
 * the store does not spend a resourceVersion on a removal, so a deletion is placed right
 * after the revision it happened at: `57.1`, `57.2`... (resourceVersions are opaque
 * strings to clients). Past its capacity the log forgets, and a watch from a forgotten
 * position gets 410 Gone, as with a compacted etcd.
 */
import { KINDS } from '../src/api/catalog';
import { isJsonObject } from '../src/store/json';
import type { KubeObject, ObjectStore, WatchEventType } from '../src/store/store';

export interface Position {
  revision: number;
  /** 0 for a write; 1, 2... for the removals that followed revision `revision`. */
  sub: number;
}

export interface LoggedEvent {
  position: Position;
  type: WatchEventType;
  group: string;
  resource: string;
  namespace: string;
  object: KubeObject;
}

const resourceByKind = new Map(KINDS.map((info) => [`${info.group}/${info.kind}`, info.resource]));

export const comparePositions = (a: Position, b: Position): number => a.revision - b.revision || a.sub - b.sub;

/** `57` or `57.1`. */
export const formatPosition = (position: Position): string => (position.sub === 0 ? String(position.revision) : `${position.revision}.${position.sub}`);

/** A resourceVersion as a position, or undefined when it is not one of ours. */
export function parsePosition(text: string): Position | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  return match ? { revision: Number(match[1]), sub: Number(match[2] ?? 0) } : undefined;
}

function metadataOf(object: KubeObject): Record<string, unknown> {
  return isJsonObject(object.metadata) ? object.metadata : (object.metadata = {});
}

export class WatchLog {
  private readonly events: LoggedEvent[] = [];
  private readonly listeners = new Set<(event: LoggedEvent) => void>();
  private latest: Position;
  /** The position before the oldest event kept: watches from earlier are too old. */
  private horizon: Position;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly capacity = 10_000,
  ) {
    this.latest = { revision: Number(store.resourceVersion()), sub: 0 };
    this.horizon = this.latest;
    this.unsubscribe = store.watch((event) => this.record(event.type, event.object));
  }

  /** Where the store is now: what a list's metadata.resourceVersion says. */
  current(): Position {
    return this.latest;
  }

  /** The events after `position`, or undefined when the log no longer goes back that far. */
  since(position: Position): LoggedEvent[] | undefined {
    if (comparePositions(position, this.horizon) < 0) return undefined;
    let start = this.events.length;
    while (start > 0 && comparePositions(this.events[start - 1]!.position, position) > 0) start--;
    return this.events.slice(start);
  }

  /** The oldest position a watch may start from. */
  oldest(): Position {
    return this.horizon;
  }

  /** Calls `listener` with every new event; returns the unsubscribe. */
  subscribe(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private record(type: WatchEventType, object: KubeObject): void {
    const meta = metadataOf(object);
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const resource = resourceByKind.get(`${group}/${String(object.kind)}`) ?? '';
    let position: Position;
    if (type === 'DELETED') {
      const revision = Number(this.store.resourceVersion());
      position = { revision, sub: this.latest.revision === revision ? this.latest.sub + 1 : 1 };
      // Mirrors the API server: the DELETED object carries the deletion's resourceVersion.
      meta.resourceVersion = formatPosition(position);
    } else {
      position = { revision: Number(meta.resourceVersion), sub: 0 };
    }
    if (comparePositions(position, this.latest) > 0) this.latest = position;
    const event: LoggedEvent = { position, type, group, resource, namespace: typeof meta.namespace === 'string' ? meta.namespace : '', object };
    this.events.push(event);
    if (this.events.length > this.capacity) {
      const dropped = this.events.splice(0, this.events.length - this.capacity);
      this.horizon = dropped[dropped.length - 1]!.position;
    }
    for (const listener of [...this.listeners]) listener(event);
  }
}
