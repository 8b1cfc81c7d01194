/**
 * Events as kubectl shows them: `kubectl get events` (the table is in get/events.ts) and
 * the `Age` cell of `describe` (`2m (x4 over 10m)`).
 */
import type { KindInfo } from '../api/catalog';
import { compareStrings } from '../store/json';
import { parseTime, since } from './age';
import { at, meta, nameOf, num, str, type Json } from './fields';
import { formatTable, type TableOutput } from './get/printers';

/** When the event last happened, for sorting: series, lastTimestamp, eventTime, firstTimestamp. */
export function eventTime(event: Json): number {
  return (
    parseTime(at(event, 'series.lastObservedTime')) ??
    parseTime(event.lastTimestamp) ??
    parseTime(event.eventTime) ??
    parseTime(event.firstTimestamp) ??
    0
  );
}

/** Sorts by last occurrence, oldest first; ties keep (namespace, name) order. Returns a copy. */
export function sortEvents(events: readonly Json[]): Json[] {
  return [...events].sort(
    (a, b) => eventTime(a) - eventTime(b) || compareStrings(str(meta(a).namespace), str(meta(b).namespace)) || compareStrings(nameOf(a), nameOf(b)),
  );
}

export interface PrintEventsOptions {
  now: number;
  allNamespaces?: boolean;
  wide?: boolean;
  noHeaders?: boolean;
  namespace?: string;
  /**
   * `--sort-by=.lastTimestamp` (the default here, because a timeline is what a learner
   * wants). Real `kubectl get events` lists in name order (kubernetes#29838); pass false
   * to keep the order given.
   */
  sortByTime?: boolean;
}

const EVENT_KIND: Pick<KindInfo, 'kind' | 'namespaced'> = { kind: 'Event', namespaced: true };

/** `kubectl get events [-A] [-o wide]`, sorted by time unless told otherwise. */
export function printEvents(events: readonly Json[], options: PrintEventsOptions): TableOutput {
  if (events.length === 0) {
    const message = options.allNamespaces ? 'No resources found\n' : `No resources found in ${options.namespace ?? 'default'} namespace.\n`;
    return { stdout: '', stderr: message };
  }
  const ordered = options.sortByTime === false ? [...events] : sortEvents(events);
  return { stdout: formatTable(EVENT_KIND, ordered, options), stderr: '' };
}

/**
 * The Age cell of describe's Events section (and of `kubectl events`): `5m`, or
 * `30s (x4 over 2m)` for a repeated event.
 */
export function eventInterval(event: Json, now: number): string {
  const first = event.eventTime ? since(event.eventTime, now) : since(event.firstTimestamp, now);
  if (event.series) return `${since(at(event, 'series.lastObservedTime'), now)} (x${num(at(event, 'series.count'))} over ${first})`;
  if (num(event.count) > 1) return `${since(event.lastTimestamp, now)} (x${num(event.count)} over ${first})`;
  return first;
}
