/**
 * The "Événements" view as plain data: the cluster's recent Events, warnings first, then
 * the most recent first, each with what it is about and kubectl's words for it.
 */
import type * as vscode from 'vscode';
import { kindInfo } from '../../../simulator/src/api/catalog';
import type { ObjectStore } from '../../../simulator/src/store/store';
import { at, nameOf, namespaceOf, num, obj, str, type Json } from './json';

export interface EventItem {
  /** `namespace/name` of the Event object: stable while it is repeated. */
  id: string;
  warning: boolean;
  /** `BackOff · pod/web-7d4b9` */
  label: string;
  /** The message, with `(×4)` when repeated. */
  description: string;
  tooltip: string;
}

const EVENTS = kindInfo('v1', 'Event')!;
/** How many events the view keeps: enough to scroll back, few enough to read. */
export const MAX_EVENTS = 200;

/** When the event last happened: series, lastTimestamp, eventTime, firstTimestamp. */
function lastSeen(event: Json): number {
  for (const value of [at(event, 'series.lastObservedTime'), event.lastTimestamp, event.eventTime, event.firstTimestamp]) {
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    if (!Number.isNaN(ms)) return ms;
  }
  return 0;
}

/** The events to show, warnings first, newest first. */
export function buildEventList(store: ObjectStore, l10n: Pick<typeof vscode.l10n, 't'>, limit = MAX_EVENTS): EventItem[] {
  const events = store.list(EVENTS).map((event) => ({ event, warning: str(event.type) === 'Warning', time: lastSeen(event) }));
  events.sort((a, b) => Number(b.warning) - Number(a.warning) || b.time - a.time || (nameOf(a.event) < nameOf(b.event) ? -1 : 1));
  return events.slice(0, limit).map(({ event, warning }) => {
    const involved = obj(event.involvedObject);
    const subject = `${str(involved.kind).toLowerCase()}/${str(involved.name)}`;
    const count = num(event.count, 1);
    const message = str(event.message);
    const source = obj(event.source);
    const tooltip = [
      `${str(event.type) || 'Normal'} ${str(event.reason)} — ${str(involved.namespace) ? `${str(involved.namespace)}/` : ''}${subject}`,
      message,
      l10n.t('Source : {0}', [str(source.component), str(source.host)].filter(Boolean).join(', ') || '—'),
      count > 1 ? l10n.t('Vu {0} fois, la dernière le {1} (temps simulé)', count, new Date(lastSeen(event)).toISOString()) : l10n.t('Le {0} (temps simulé)', new Date(lastSeen(event)).toISOString()),
    ];
    return {
      id: `${namespaceOf(event)}/${nameOf(event)}`,
      warning,
      label: `${str(event.reason)} · ${subject}`,
      description: count > 1 ? `(×${count}) ${message}` : message,
      tooltip: tooltip.join('\n'),
    };
  });
}

