/**
 * Tables of the workload kinds, as printers.go (v1.30) builds them: Deployment, ReplicaSet,
 * ReplicationController, StatefulSet, DaemonSet, Job, CronJob, HorizontalPodAutoscaler,
 * PodDisruptionBudget, ControllerRevision.
 */
import { formatLabelSelector } from '../../store/selectors';
import { humanDuration, parseTime, since } from '../age';
import { arr, at, formatLabels, intOrString, meta, nameOf, num, obj, str, type Json } from '../fields';
import { canonicalQuantity } from '../../api/quantity';
import { type Cell, type TableDefinition, wideColumn } from './types';

const age = (object: Json, now: number): string => since(meta(object).creationTimestamp, now);

/** layoutContainerCells: `nginx,sidecar` and `nginx:1.25,busybox`. */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = arr(obj(podSpec).containers);
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}

const templateSpec = (object: Json): unknown => at(object, 'spec.template.spec');
const selectorOf = (object: Json): string => formatLabelSelector(at(object, 'spec.selector'));
/** spec.replicas as the internal type defaults it (a nil pointer defaults to 1). */
const replicas = (object: Json): number => {
  const value = at(object, 'spec.replicas');
  return value === undefined || value === null ? 1 : num(value);
};

const CONTAINERS_IMAGES = [wideColumn('Containers'), wideColumn('Images')];
const WIDE_TEMPLATE = [...CONTAINERS_IMAGES, wideColumn('Selector')];

export const DEPLOYMENTS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, { name: 'Age' }, ...WIDE_TEMPLATE],
  row(d, { now, wide }) {
    const status = obj(d.status);
    // Deployment's selector printed via LabelSelectorAsSelector: same text as FormatLabelSelector, `<invalid>` on error.
    const cells: Cell[] = [nameOf(d), `${num(status.readyReplicas)}/${replicas(d)}`, num(status.updatedReplicas), num(status.availableReplicas), age(d, now)];
    if (wide) cells.push(...containerCells(templateSpec(d)), selectorText(at(d, 'spec.selector')));
    return cells;
  },
};

/** labels.Selector.String() of a LabelSelector (empty selector: empty string). */
function selectorText(selector: unknown): string {
  const text = formatLabelSelector(selector);
  if (text === '<error>') return '<invalid>';
  return text === '<none>' ? '' : text;
}

export const REPLICASETS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Age' }, ...WIDE_TEMPLATE],
  row(rs, { now, wide }) {
    const status = obj(rs.status);
    const cells: Cell[] = [nameOf(rs), replicas(rs), num(status.replicas), num(status.readyReplicas), age(rs, now)];
    if (wide) cells.push(...containerCells(templateSpec(rs)), selectorOf(rs));
    return cells;
  },
};

export const REPLICATIONCONTROLLERS: TableDefinition = {
  columns: REPLICASETS.columns,
  row(rc, { now, wide }) {
    const status = obj(rc.status);
    const cells: Cell[] = [nameOf(rc), replicas(rc), num(status.replicas), num(status.readyReplicas), age(rc, now)];
    if (wide) cells.push(...containerCells(templateSpec(rc)), formatLabels(at(rc, 'spec.selector')));
    return cells;
  },
};

export const STATEFULSETS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Ready' }, { name: 'Age' }, ...CONTAINERS_IMAGES],
  row(sts, { now, wide }) {
    const cells: Cell[] = [nameOf(sts), `${num(at(sts, 'status.readyReplicas'))}/${replicas(sts)}`, age(sts, now)];
    if (wide) cells.push(...containerCells(templateSpec(sts)));
    return cells;
  },
};

export const DAEMONSETS: TableDefinition = {
  columns: [
    { name: 'Name' }, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' },
    { name: 'Node Selector' }, { name: 'Age' }, ...WIDE_TEMPLATE,
  ],
  row(ds, { now, wide }) {
    const status = obj(ds.status);
    const cells: Cell[] = [
      nameOf(ds), num(status.desiredNumberScheduled), num(status.currentNumberScheduled), num(status.numberReady),
      num(status.updatedNumberScheduled), num(status.numberAvailable), formatLabels(at(ds, 'spec.template.spec.nodeSelector')), age(ds, now),
    ];
    if (wide) cells.push(...containerCells(templateSpec(ds)), selectorOf(ds));
    return cells;
  },
};

function jobCondition(job: Json, type: string): boolean {
  const condition = arr(at(job, 'status.conditions')).find((c) => str(c.type) === type);
  return condition !== undefined && str(condition.status) === 'True';
}

/** The Job STATUS column added in v1.30 (kubernetes#123226). */
function jobStatus(job: Json): string {
  if (jobCondition(job, 'Complete')) return 'Complete';
  if (jobCondition(job, 'Failed')) return 'Failed';
  if (meta(job).deletionTimestamp) return 'Terminating';
  if (jobCondition(job, 'Suspended')) return 'Suspended';
  if (jobCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export const JOBS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Completions' }, { name: 'Duration' }, { name: 'Age' }, ...WIDE_TEMPLATE],
  row(job, { now, wide }) {
    const spec = obj(job.spec);
    const status = obj(job.status);
    const succeeded = num(status.succeeded);
    let completions: string;
    if (spec.completions !== undefined && spec.completions !== null) completions = `${succeeded}/${num(spec.completions)}`;
    else completions = num(spec.parallelism) > 1 ? `${succeeded}/1 of ${num(spec.parallelism)}` : `${succeeded}/1`;
    const start = parseTime(status.startTime);
    const end = parseTime(status.completionTime);
    const duration = start === undefined ? '' : humanDuration((end ?? now) - start);
    const cells: Cell[] = [nameOf(job), jobStatus(job), completions, duration, age(job, now)];
    if (wide) cells.push(...containerCells(templateSpec(job)), selectorOf(job));
    return cells;
  },
};

export const CRONJOBS: TableDefinition = {
  columns: [
    { name: 'Name' }, { name: 'Schedule' }, { name: 'Timezone' }, { name: 'Suspend' }, { name: 'Active' }, { name: 'Last Schedule' },
    { name: 'Age' }, ...WIDE_TEMPLATE,
  ],
  row(cj, { now, wide }) {
    const spec = obj(cj.spec);
    const status = obj(cj.status);
    const last = status.lastScheduleTime ? since(status.lastScheduleTime, now) : '<none>';
    // printBoolPtr: `True`/`False`, `<unset>` for a nil pointer (the API server defaults suspend to false).
    const suspend = spec.suspend === undefined || spec.suspend === null ? '<unset>' : spec.suspend === true ? 'True' : 'False';
    const cells: Cell[] = [nameOf(cj), str(spec.schedule), str(spec.timeZone) || '<none>', suspend, arr(status.active).length, last, age(cj, now)];
    if (wide) {
      cells.push(...containerCells(at(cj, 'spec.jobTemplate.spec.template.spec')), formatLabelSelector(at(cj, 'spec.jobTemplate.spec.selector')));
    }
    return cells;
  },
};

/** A Quantity as Quantity.String() prints it (canonical form). */
function quantity(value: unknown): string {
  if (value === undefined || value === null) return '0';
  try {
    return canonicalQuantity(value);
  } catch {
    return str(value);
  }
}

/** formatHPAMetrics for autoscaling/v2 specs: `cpu: 12%/50%`, `<unknown>` before the first scrape. */
function hpaMetrics(specs: Json[], statuses: Json[]): string {
  if (specs.length === 0) return '<none>';
  const list: string[] = [];
  specs.forEach((spec, i) => {
    const type = str(spec.type);
    const current = statuses[i];
    if (type === 'Resource' || type === 'ContainerResource') {
      const source = obj(type === 'Resource' ? spec.resource : spec.containerResource);
      const target = obj(source.target);
      const currentSource = obj(current?.[type === 'Resource' ? 'resource' : 'containerResource']);
      const currentValues = obj(currentSource.current);
      if (target.averageValue !== undefined) {
        const now = current && Object.keys(currentSource).length > 0 ? quantity(currentValues.averageValue) : '<unknown>';
        list.push(`${str(source.name)}: ${now}/${quantity(target.averageValue)}`);
      } else {
        const now = currentValues.averageUtilization !== undefined ? `${num(currentValues.averageUtilization)}%` : '<unknown>';
        const goal = target.averageUtilization !== undefined ? `${num(target.averageUtilization)}%` : '<auto>';
        list.push(`${str(source.name)}: ${now}/${goal}`);
      }
    } else if (type === 'Pods') {
      const now = current?.pods ? quantity(at(current, 'pods.current.averageValue')) : '<unknown>';
      list.push(`${now}/${quantity(at(spec, 'pods.target.averageValue'))}`);
    } else if (type === 'Object' || type === 'External') {
      const key = type === 'Object' ? 'object' : 'external';
      const target = obj(at(spec, `${key}.target`));
      if (target.averageValue !== undefined) {
        const now = current?.[key] && at(current, `${key}.current.averageValue`) !== undefined ? quantity(at(current, `${key}.current.averageValue`)) : '<unknown>';
        list.push(`${now}/${quantity(target.averageValue)} (avg)`);
      } else {
        const now = current?.[key] ? quantity(at(current, `${key}.current.value`)) : '<unknown>';
        list.push(`${now}/${quantity(target.value)}`);
      }
    } else {
      list.push('<unknown type>');
    }
  });
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

export const HORIZONTALPODAUTOSCALERS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Reference' }, { name: 'Targets' }, { name: 'MinPods' }, { name: 'MaxPods' }, { name: 'Replicas' }, { name: 'Age' }],
  row(hpa, { now }) {
    const spec = obj(hpa.spec);
    const ref = obj(spec.scaleTargetRef);
    const minPods = spec.minReplicas === undefined || spec.minReplicas === null ? '<unset>' : String(num(spec.minReplicas));
    return [
      nameOf(hpa), `${str(ref.kind)}/${str(ref.name)}`, hpaMetrics(arr(spec.metrics), arr(at(hpa, 'status.currentMetrics'))),
      minPods, num(spec.maxReplicas), num(at(hpa, 'status.currentReplicas')), age(hpa, now),
    ];
  },
};

export const PODDISRUPTIONBUDGETS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Min Available' }, { name: 'Max Unavailable' }, { name: 'Allowed Disruptions' }, { name: 'Age' }],
  row(pdb, { now }) {
    const spec = obj(pdb.spec);
    const min = spec.minAvailable === undefined || spec.minAvailable === null ? 'N/A' : intOrString(spec.minAvailable);
    const max = spec.maxUnavailable === undefined || spec.maxUnavailable === null ? 'N/A' : intOrString(spec.maxUnavailable);
    return [nameOf(pdb), min, max, num(at(pdb, 'status.disruptionsAllowed')), age(pdb, now)];
  },
};

export const CONTROLLERREVISIONS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Controller' }, { name: 'Revision' }, { name: 'Age' }],
  row(cr, { now }) {
    const owner = arr(meta(cr).ownerReferences).find((ref) => ref.controller === true);
    let controller = '<none>';
    if (owner) {
      const apiVersion = str(owner.apiVersion);
      const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
      controller = `${str(owner.kind).toLowerCase()}${group ? `.${group}` : ''}/${str(owner.name)}`;
    }
    return [nameOf(cr), controller, num(cr.revision), age(cr, now)];
  },
};
