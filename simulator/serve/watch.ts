/**
 * `?watch=true`: a stream of `{"type":"ADDED","object":{...}}` lines, as kube-apiserver
 * sends them. Without a resourceVersion (or with "0") the watch starts with an ADDED
 * event per object that exists (the "get state and start at most recent" semantics);
 * with one, it replays what happened since (WatchLog), or answers 410 Expired in the
 * stream when that is too old. `sendInitialEvents=true` (client-go's watch-list) sends
 * the objects, then a BOOKMARK annotated `k8s.io/initial-events-end`. Label and field
 * selectors filter events the API server's way: an object that stops matching is sent
 * as DELETED, one that starts matching as ADDED. With a Table Accept header, each event
 * carries a one-row Table, the columns only in the first.
 */
import type { KindInfo } from '../src/api/catalog';
import { str } from '../src/kubectl/fields';
import { matchesFields, parseFieldSelector } from '../src/store/fields';
import { isJsonObject } from '../src/store/json';
import { matchesLabels, parseLabelSelector } from '../src/store/selectors';
import type { KubeObject, ObjectStore } from '../src/store/store';
import { badRequest, failureStatus } from './status';
import { toTable, type IncludeObject } from './table';
import { formatPosition, parsePosition, type LoggedEvent, type WatchLog } from './watchlog';

export interface WatchSink {
  /** One JSON line (without its newline). */
  write(line: string): void;
  /** The server ends the stream (timeout). */
  end(): void;
}

export interface WatchRequest {
  info: KindInfo;
  /** '' for every namespace (or a cluster-scoped resource). */
  namespace: string;
  labelSelector: string;
  fieldSelector: string;
  resourceVersion: string;
  sendInitialEvents: boolean;
  /** Table output: the Table version and what each row includes. */
  table?: { version: string; include: IncludeObject };
}

export interface WatchContext {
  store: ObjectStore;
  log: WatchLog;
  /** Simulated now, for the Age cells of Tables. */
  now(): number;
}

const metaOf = (object: KubeObject): Record<string, unknown> => (isJsonObject(object.metadata) ? object.metadata : {});
const keyOf = (object: KubeObject): string => `${str(metaOf(object).namespace)}/${str(metaOf(object).name)}`;

/**
 * Checks the request (selectors parse, the resourceVersion is one of ours) and returns
 * how to start it: throws the API server's 400 otherwise, before any byte is streamed.
 */
export function prepareWatch(context: WatchContext, request: WatchRequest): (sink: WatchSink) => () => void {
  const { info } = request;
  const labels = request.labelSelector ? parseLabelSelector(request.labelSelector) : [];
  const fields = request.fieldSelector ? parseFieldSelector(request.fieldSelector, info) : [];
  const namespace = info.namespaced ? request.namespace : '';
  const matches = (object: KubeObject): boolean => {
    if (namespace !== '' && metaOf(object).namespace !== namespace) return false;
    const objectLabels = metaOf(object).labels;
    if (labels.length > 0 && !matchesLabels(labels, isJsonObject(objectLabels) ? (objectLabels as Record<string, string>) : undefined)) return false;
    return matchesFields(fields, object, info);
  };
  const fromScratch = request.resourceVersion === '' || request.resourceVersion === '0' || request.sendInitialEvents;
  const start = fromScratch ? undefined : parsePosition(request.resourceVersion);
  if (!fromScratch && !start) {
    throw badRequest(`resourceVersion: Invalid value: ${JSON.stringify(request.resourceVersion)}: not a resourceVersion of this server`, 'Ce resourceVersion ne vient pas de ce cluster : relis la liste (sans resourceVersion) puis surveille à partir de la sienne.');
  }
  return (sink) => {
    let columnsSent = false;
    const send = (type: string, object: KubeObject): void => {
      let body: unknown = object;
      if (request.table && type !== 'BOOKMARK') {
        const rv = str(metaOf(object).resourceVersion);
        body = toTable(info, [object], { now: context.now(), version: request.table.version, include: request.table.include, resourceVersion: rv, withColumns: !columnsSent });
        columnsSent = true;
      }
      sink.write(JSON.stringify({ type, object: body }));
    };
    const bookmark = (annotations?: Record<string, string>): void => {
      const metadata: Record<string, unknown> = { resourceVersion: formatPosition(context.log.current()) };
      if (annotations) metadata.annotations = annotations;
      send('BOOKMARK', { kind: info.kind, apiVersion: info.apiVersion, metadata });
    };
    // What the client was last told about each object: matching or not.
    const told = new Map<string, boolean>();
    const complete = fromScratch;
    const deliver = (event: LoggedEvent): void => {
      if (event.group !== info.group || event.resource !== info.resource) return;
      const key = keyOf(event.object);
      const now = event.type !== 'DELETED' && matches(event.object);
      const before = told.get(key) ?? (complete || event.type === 'ADDED' ? false : matches(event.object));
      if (event.type === 'DELETED') {
        told.delete(key);
        if (before) send('DELETED', event.object);
        return;
      }
      told.set(key, now);
      if (now) send(before ? 'MODIFIED' : 'ADDED', event.object);
      else if (before) send('DELETED', event.object);
    };
    if (fromScratch) {
      for (const object of context.store.list(info, { namespace, labelSelector: request.labelSelector, fieldSelector: request.fieldSelector })) {
        told.set(keyOf(object), true);
        send('ADDED', object);
      }
      if (request.sendInitialEvents) bookmark({ 'k8s.io/initial-events-end': 'true' });
    } else {
      const missed = context.log.since(start!);
      if (!missed) {
        const message = `too old resource version: ${request.resourceVersion} (${formatPosition(context.log.oldest())})`;
        sink.write(JSON.stringify({ type: 'ERROR', object: failureStatus(410, 'Expired', message) }));
        sink.end();
        return () => undefined;
      }
      for (const event of missed) deliver(event);
    }
    return context.log.subscribe(deliver);
  };
}
