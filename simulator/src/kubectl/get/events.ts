/**
 * The `kubectl get events` table, as printEvent in printers.go (v1.30) builds it:
 * LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; `-o wide` adds SUBOBJECT, SOURCE, FIRST SEEN,
 * COUNT and NAME.
 */
import { since } from '../age';
import { at, nameOf, num, obj, str, type Json } from '../fields';
import { type Cell, type TableDefinition, wideColumn } from './types';

/** formatEventSource: `component, host` (falling back to reportingController / reportingInstance). */
export function eventSource(event: Json): string {
  const source = obj(event.source);
  const component = str(source.component) || str(event.reportingComponent) || str(event.reportingController);
  const instance = str(source.host) || str(event.reportingInstance);
  return instance === '' ? component : `${component}, ${instance}`;
}

export const EVENTS: TableDefinition = {
  columns: [
    { name: 'Last Seen' }, { name: 'Type' }, { name: 'Reason' }, { name: 'Object' }, wideColumn('Subobject'), wideColumn('Source'),
    { name: 'Message' }, wideColumn('First Seen'), wideColumn('Count'), wideColumn('Name'),
  ],
  row(event, { now, wide }) {
    const first = event.firstTimestamp ? since(event.firstTimestamp, now) : since(event.eventTime, now);
    let last = event.lastTimestamp ? since(event.lastTimestamp, now) : first;
    let count = num(event.count);
    if (event.series) {
      last = since(at(event, 'series.lastObservedTime'), now);
      count = num(at(event, 'series.count'));
    } else if (count === 0) {
      count = 1;
    }
    const involved = obj(event.involvedObject);
    const kind = str(involved.kind).toLowerCase();
    const target = str(involved.name) !== '' ? `${kind}/${str(involved.name)}` : kind;
    const message = str(event.message).trim();
    if (!wide) return [last, str(event.type), str(event.reason), target, message];
    const cells: Cell[] = [last, str(event.type), str(event.reason), target, str(involved.fieldPath), eventSource(event), message, first, count, nameOf(event)];
    return cells;
  },
};

