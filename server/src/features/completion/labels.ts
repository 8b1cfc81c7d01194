/**
 * Labels to select: a workload's selector offers its own template's labels (and the
 * template offers the selector's), a Service selector or another label selector offers
 * the Pod labels of the workloads of the workspace and the simulated cluster.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Path } from '../../documents/positions';
import { asRecord, valueAt, type Frame } from './frame';
import { yamlString } from './text';
import { valueItem, type Field } from './values';

/** Kinds whose Pods a Service can select, and where their Pod template is. */
const TEMPLATE_PATHS: Record<string, Path> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};
export const WORKLOAD_KINDS = Object.keys(TEMPLATE_PATHS);

/** The labels and Pod spec of a workload object's Pods (a bare Pod: its own). */
export function podTemplate(kind: string, object: unknown): { labels: Record<string, string>; spec?: Record<string, unknown> } {
  const path = TEMPLATE_PATHS[kind];
  if (!path) return { labels: {} };
  const template = asRecord(valueAt(object, path));
  return { labels: stringMap(valueAt(template, ['metadata', 'labels'])), spec: asRecord(template?.spec) };
}

/** The string entries of a map (labels written as numbers or booleans are still labels). */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(value) ?? {})) {
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') out[key] = String(entry);
  }
  return out;
}

interface LabelSource {
  labels: Record<string, string>;
  /** Where the labels come from, for the item's detail. */
  from: string;
}

const OWN_SELECTOR: Path = ['spec', 'selector', 'matchLabels'];
const OWN_TEMPLATE_LABELS: Path = ['spec', 'template', 'metadata', 'labels'];
const SELECTING_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** Where the labels offered for the map at `mapPath` come from; undefined when it is no selector. */
function labelSources(frame: Frame, field: Field, mapPath: Path): LabelSource[] | undefined {
  const key = `${field.owner}.${field.property}`;
  const own = frame.kind && SELECTING_KINDS.has(frame.kind);
  if (own && samePath(mapPath, OWN_SELECTOR)) {
    return [{ labels: stringMap(valueAt(frame.value(), OWN_TEMPLATE_LABELS)), from: 'labels du template' }];
  }
  if (own && samePath(mapPath, OWN_TEMPLATE_LABELS)) {
    return [{ labels: stringMap(valueAt(frame.value(), OWN_SELECTOR)), from: 'selector du ' + frame.kind }];
  }
  if (key !== 'core.v1.ServiceSpec.selector' && key !== 'meta.v1.LabelSelector.matchLabels') return undefined;
  const sources: LabelSource[] = [];
  // Inside a workload (affinity, topology spread...), its own Pods come first.
  if (frame.kind && WORKLOAD_KINDS.includes(frame.kind)) {
    sources.push({ labels: podTemplate(frame.kind, frame.value()).labels, from: 'Pods de ce ' + frame.kind });
  }
  const namespace = frame.namespace();
  for (const kind of WORKLOAD_KINDS) {
    for (const resource of frame.context.resources.list(kind, namespace)) {
      sources.push({ labels: podTemplate(kind, resource.object).labels, from: `${kind} ${resource.name}` });
    }
  }
  return sources;
}

/** `app: web` pairs for a selector being written (key mode), or the values of one label (value mode). */
export function labelItems(frame: Frame, field: Field, mapPath: Path, labelKey?: string): CompletionItem[] {
  const sources = labelSources(frame, field, mapPath);
  if (!sources) return [];
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const { labels, from } of sources) {
    for (const [key, value] of Object.entries(labels)) {
      if (labelKey !== undefined) {
        if (key !== labelKey || seen.has(value)) continue;
        seen.add(value);
        items.push(valueItem(frame, value, { kind: CompletionItemKind.Value, detail: from, sortText: String(items.length).padStart(3, '0') }));
        continue;
      }
      const pair = `${key}: ${yamlString(value)}`;
      if (frame.site.present.has(key) || seen.has(pair)) continue;
      seen.add(pair);
      items.push({
        label: pair,
        kind: CompletionItemKind.Value,
        detail: from,
        labelDetails: { description: 'label' },
        sortText: String(items.length).padStart(3, '0'),
        filterText: key,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: frame.range, newText: frame.site.hasColon ? key : pair },
      });
    }
  }
  return items;
}
