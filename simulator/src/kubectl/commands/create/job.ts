/**
 * `kubectl create job NAME --image=IMG [-- CMD...]`, `kubectl create job NAME
 * --from=cronjob/CJ` and `kubectl create cronjob NAME --image=IMG --schedule=CRON
 * [--restart=OnFailure] [-- CMD...]` (kubectl v1.30, create_job.go, create_cronjob.go):
 * one container named after the object, restartPolicy Never for a Job, OnFailure by
 * default for a CronJob; a Job from a CronJob copies its jobTemplate, owned by it and
 * annotated `cronjob.kubernetes.io/instantiate: manual`.
 */
import { kindInfo } from '../../../api/catalog';
import { clone } from '../../../store/json';
import type { KubeObject } from '../../../store/store';
import { meta, nameOf, obj } from '../../fields';
import type { Command, CommandContext } from '../context';
import { KubectlError } from '../errors';
import { notFound } from '../../../api/errors';
import { parseResourceArgs } from '../resources';
import { COMMON, createObject, oneName, requireFlags } from './common';

const JOBS = kindInfo('batch/v1', 'Job')!;
const CRONJOBS = kindInfo('batch/v1', 'CronJob')!;

/** What follows the NAME (after `--` or not): the container's command. */
function commandOf(context: CommandContext): string[] {
  return context.args.slice(1);
}

/** The one container of a generated pod template (Go's field order: name, image, command). */
function container(name: string, image: string, command: readonly string[]): Record<string, unknown> {
  return { name, image, ...(command.length > 0 ? { command: [...command] } : {}), resources: {} };
}

/** create_job.go's createJobFromCronJob: the CronJob's jobTemplate, owned by the CronJob. */
function jobFromCronJob(name: string, cronJob: KubeObject): KubeObject {
  const template = obj(obj(cronJob.spec).jobTemplate);
  const templateMeta = obj(template.metadata);
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(obj(templateMeta.annotations) as Record<string, string>) };
  const labels = templateMeta.labels;
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: {
      name,
      ...(labels !== undefined ? { labels: clone(labels) } : {}),
      annotations,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: nameOf(cronJob), uid: meta(cronJob).uid, controller: true }],
    },
    spec: clone(obj(template.spec)),
    status: {},
  };
}

/** The CronJob `--from` names (cronjob/NAME), or kubectl's error for anything else. */
function sourceCronJob(context: CommandContext, from: string): KubeObject {
  const { requests } = parseResourceArgs([from], 'create job');
  const request = requests[0]!;
  let objects: KubeObject[];
  if (request.names.length === 0) {
    objects = context.cluster.store.list(request.info, { namespace: request.info.namespaced ? context.namespace : '' });
  } else {
    const found = context.cluster.store.find(request.info, request.info.namespaced ? context.namespace : '', request.names[0]!);
    if (!found) throw notFound(request.info, request.names[0]!);
    objects = [found];
  }
  if (objects.length !== 1) throw new KubectlError('from must be an existing cronjob', 'Donne la CronJob source par son nom : --from=cronjob/NOM.');
  if (request.info !== CRONJOBS) {
    throw new KubectlError(`unknown object type *${request.info.version}.${request.info.kind}`, 'Un Job ne se crée « --from » qu’à partir d’une CronJob : --from=cronjob/NOM.');
  }
  return objects[0]!;
}

export const JOB: Command = {
  summary: 'Create a job with the specified name',
  flags: [...COMMON, { name: 'image', type: 'string' }, { name: 'from', type: 'string' }],
  run(context) {
    const name = oneName(context, 'kubectl create job calcul --image=busybox -- echo salut');
    const image = context.flags.string('image');
    const from = context.flags.string('from');
    const command = commandOf(context);
    if ((image === '') === (from === '')) throw new KubectlError('either --image or --from must be specified', 'Donne soit --image=IMAGE (un nouveau Job), soit --from=cronjob/NOM (un Job tiré d’une CronJob), pas les deux.');
    if (command.length > 0 && from !== '') throw new KubectlError('cannot specify --from and command', 'Avec --from, le Job reprend la commande de la CronJob : enlève ce qui suit « -- ».');
    const job: KubeObject = from !== ''
      ? jobFromCronJob(name, sourceCronJob(context, from))
      : { kind: 'Job', apiVersion: 'batch/v1', metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container(name, image, command)], restartPolicy: 'Never' } } }, status: {} };
    createObject(context, JOBS, job);
  },
};

export const CRONJOB: Command = {
  summary: 'Create a cron job with the specified name',
  flags: [...COMMON, { name: 'image', type: 'string' }, { name: 'schedule', type: 'string' }, { name: 'restart', type: 'string' }],
  run(context) {
    requireFlags(context, ['image', 'schedule'], 'kubectl create cronjob nuit --image=busybox --schedule="0 3 * * *"');
    const name = oneName(context, 'kubectl create cronjob nuit --image=busybox --schedule="0 3 * * *"');
    const restart = context.flags.string('restart') || 'OnFailure';
    const podSpec = { containers: [container(name, context.flags.string('image'), commandOf(context))], restartPolicy: restart };
    createObject(context, CRONJOBS, {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name },
      spec: { schedule: context.flags.string('schedule'), jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: podSpec } } } },
      status: {},
    });
  },
};
