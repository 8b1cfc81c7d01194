/**
 * Records Events as client-go's EventRecorder does: one core/v1 Event per (object, type,
 * reason, message, source); a repeat bumps its count and lastTimestamp instead of creating
 * a new one (what `kubectl get events` shows as `(x4 over 2m)`).
 */
import { formatTimestamp } from '../clock';
import { kindInfo } from '../api/catalog';
import type { ObjectStore, KubeObject } from '../store/store';
import type { EventInput } from './types';

const EVENTS = kindInfo('v1', 'Event')!;

interface Meta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
}

export class EventRecorder {
  private index: Map<string, { namespace: string; name: string }> | undefined;
  private sequence = 0;

  constructor(private readonly store: ObjectStore) {}

  private dedupeKey(input: EventInput): string {
    const meta = (input.involved.metadata ?? {}) as Meta;
    return [meta.uid ?? meta.name, input.type, input.reason, input.message, input.component, input.host ?? ''].join('\u0000');
  }

  /** Built on first use from the stored events, so it survives a save and load. */
  private known(): Map<string, { namespace: string; name: string }> {
    if (!this.index) {
      this.index = new Map();
      for (const event of this.store.list(EVENTS)) {
        const involved = (event.involvedObject ?? {}) as Meta;
        const source = (event.source ?? {}) as { component?: string; host?: string };
        const key = [involved.uid ?? involved.name, event.type, event.reason, event.message, source.component, source.host ?? ''].join('\u0000');
        const meta = event.metadata as Meta;
        this.index.set(key, { namespace: meta.namespace ?? '', name: meta.name ?? '' });
      }
    }
    return this.index;
  }

  /**
   * Records an event. Like client-go's recorder, a refused event (its namespace is being
   * deleted, for instance) is dropped: events never make a controller fail.
   */
  record(input: EventInput): void {
    try {
      this.write(input);
    } catch {
      // Mirrors client-go: "Server rejected event (will not retry!)".
    }
  }

  private write(input: EventInput): void {
    const now = formatTimestamp(this.store.clock.now());
    const key = this.dedupeKey(input);
    const existing = this.known().get(key);
    if (existing) {
      const event = this.store.find(EVENTS, existing.namespace, existing.name);
      if (event) {
        this.store.update({ ...event, count: Number(event.count ?? 1) + 1, lastTimestamp: now });
        return;
      }
    }
    const meta = (input.involved.metadata ?? {}) as Meta;
    const namespace = meta.namespace ?? 'default';
    // Mirrors client-go's makeEvent: name = object name + "." + the time in hex nanoseconds.
    const nanos = BigInt(this.store.clock.now()) * 1_000_000n + BigInt(this.sequence++ % 1_000_000);
    const name = `${meta.name ?? 'unknown'}.${nanos.toString(16)}`;
    const involvedObject: KubeObject = {
      apiVersion: input.involved.apiVersion ?? 'v1',
      kind: input.involved.kind ?? '',
      name: meta.name ?? '',
      uid: meta.uid ?? '',
      resourceVersion: meta.resourceVersion ?? '',
    };
    if (meta.namespace) involvedObject.namespace = meta.namespace;
    const source: KubeObject = { component: input.component };
    if (input.host) source.host = input.host;
    this.store.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason: input.reason,
      message: input.message,
      type: input.type,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      reportingComponent: input.component,
      reportingInstance: input.host ?? '',
    }, { trusted: true });
    this.known().set(key, { namespace, name });
  }
}
