import * as assert from 'node:assert/strict';
import { applyDefaults, applyJobSelector } from '../../../../simulator/src/api/defaults/index';
import { at, info, runTable } from './defaults.test';

const selector = { matchLabels: { app: 'web' } };
const template = () => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
const workload = (spec: Record<string, unknown> = {}) => ({ metadata: { name: 'web' }, spec: { selector, template: template(), ...spec } });
/** Every template gets the PodSpec defaults, but not the Pod-only ones. */
const templateDefaults = (prefix: string) => ({
  [`${prefix}.spec.restartPolicy`]: 'Always',
  [`${prefix}.spec.schedulerName`]: 'default-scheduler',
  [`${prefix}.spec.containers[0].imagePullPolicy`]: 'IfNotPresent',
  [`${prefix}.spec.enableServiceLinks`]: undefined,
  [`${prefix}.spec.containers[0].resources`]: {},
  // v1.30 serializes the template's zero creationTimestamp as null (omitted from v1.33).
  [`${prefix}.metadata.creationTimestamp`]: null,
});

describe('simulator/api/defaults: apps/v1', () => {
  describe('Deployment', () => {
    runTable('apps/v1', 'Deployment', [
      {
        name: 'defaults replicas, a 25%/25% rolling update, history and deadline (SetDefaults_Deployment)',
        input: workload(),
        expect: {
          'spec.replicas': 1,
          'spec.strategy': { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
          'spec.revisionHistoryLimit': 10,
          'spec.progressDeadlineSeconds': 600,
          ...templateDefaults('spec.template'),
        },
      },
      {
        name: 'keeps replicas: 0 and completes a partial rolling update',
        input: workload({ replicas: 0, strategy: { rollingUpdate: { maxSurge: 1 } } }),
        expect: { 'spec.replicas': 0, 'spec.strategy': { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } } },
      },
      {
        name: 'adds no rolling update to a Recreate strategy',
        input: workload({ strategy: { type: 'Recreate' } }),
        expect: { 'spec.strategy': { type: 'Recreate' } },
      },
    ]);
  });

  describe('ReplicaSet', () => {
    runTable('apps/v1', 'ReplicaSet', [
      { name: 'defaults replicas to 1 (SetDefaults_ReplicaSet)', input: workload(), expect: { 'spec.replicas': 1, ...templateDefaults('spec.template') } },
    ]);
  });

  describe('DaemonSet', () => {
    runTable('apps/v1', 'DaemonSet', [
      {
        name: 'defaults a rolling update of one node at a time, without surge (SetDefaults_DaemonSet)',
        input: workload(),
        expect: {
          'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
          'spec.revisionHistoryLimit': 10,
          'spec.replicas': undefined,
          ...templateDefaults('spec.template'),
        },
      },
      { name: 'adds nothing to an OnDelete strategy', input: workload({ updateStrategy: { type: 'OnDelete' } }), expect: { 'spec.updateStrategy': { type: 'OnDelete' } } },
    ]);
  });

  describe('StatefulSet', () => {
    runTable('apps/v1', 'StatefulSet', [
      {
        name: 'defaults ordering, partition 0 and the Retain/Retain claim policy (SetDefaults_StatefulSet)',
        input: workload({ serviceName: 'web' }),
        expect: {
          'spec.podManagementPolicy': 'OrderedReady',
          'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
          'spec.persistentVolumeClaimRetentionPolicy': { whenDeleted: 'Retain', whenScaled: 'Retain' },
          'spec.replicas': 1,
          'spec.revisionHistoryLimit': 10,
          ...templateDefaults('spec.template'),
        },
      },
      {
        name: 'creates no rollingUpdate when the type was given',
        input: workload({ updateStrategy: { type: 'RollingUpdate' }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } }),
        expect: { 'spec.updateStrategy': { type: 'RollingUpdate' }, 'spec.persistentVolumeClaimRetentionPolicy': { whenDeleted: 'Delete', whenScaled: 'Retain' } },
      },
      {
        name: 'defaults each claim template as a PersistentVolumeClaim, as read back from the API',
        input: workload({ volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] }),
        expect: {
          'spec.volumeClaimTemplates[0]': {
            metadata: { name: 'data', creationTimestamp: null },
            spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
            status: { phase: 'Pending' },
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
          },
        },
      },
    ]);
  });
});

describe('simulator/api/defaults: batch/v1', () => {
  const job = (spec: Record<string, unknown> = {}) => ({ metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } }, ...spec } });

  describe('Job', () => {
    runTable('batch/v1', 'Job', [
      {
        name: 'defaults a single-pod Job (SetDefaults_Job)',
        input: job(),
        expect: {
          'spec.completions': 1,
          'spec.parallelism': 1,
          'spec.backoffLimit': 6,
          'spec.completionMode': 'NonIndexed',
          'spec.suspend': false,
          'spec.manualSelector': false,
          'spec.podReplacementPolicy': 'TerminatingOrFailed',
          'spec.selector': undefined,
          'spec.template.spec.restartPolicy': 'Never',
          'spec.template.spec.dnsPolicy': 'ClusterFirst',
          'spec.template.metadata': { creationTimestamp: null },
          'spec.template.spec.containers[0].resources': {},
        },
      },
      {
        name: 'leaves completions unset when only parallelism is given (a work queue)',
        input: job({ parallelism: 3 }),
        expect: { 'spec.completions': undefined, 'spec.parallelism': 3 },
      },
      {
        name: 'defaults parallelism alone when completions are given',
        input: job({ completions: 5 }),
        expect: { 'spec.completions': 5, 'spec.parallelism': 1 },
      },
      {
        name: 'lifts the global backoff limit when a per-index one is set',
        input: job({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1 }),
        expect: { 'spec.backoffLimit': 2147483647, 'spec.completionMode': 'Indexed' },
      },
      {
        name: 'with a pod failure policy: replaces failed pods only, patterns match status True',
        input: job({ podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } }),
        expect: { 'spec.podReplacementPolicy': 'Failed', 'spec.podFailurePolicy.rules[0].onPodConditions[0].status': 'True' },
      },
      {
        name: "gives the Job its template's labels when it has none",
        input: { ...job(), spec: { template: { metadata: { labels: { app: 'pi' } }, spec: {} } } },
        expect: { 'metadata.labels': { app: 'pi' } },
      },
      {
        name: 'keeps labels the Job has',
        input: { metadata: { name: 'pi', labels: { team: 'a' } }, spec: { template: { metadata: { labels: { app: 'pi' } }, spec: {} } } },
        expect: { 'metadata.labels': { team: 'a' } },
      },
    ]);
  });

  describe('CronJob', () => {
    runTable('batch/v1', 'CronJob', [
      {
        name: 'defaults concurrency, suspend and history limits (SetDefaults_CronJob), and the pod template only',
        input: { metadata: { name: 'tick' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: job().spec } } },
        expect: {
          'spec.concurrencyPolicy': 'Allow',
          'spec.suspend': false,
          'spec.successfulJobsHistoryLimit': 3,
          'spec.failedJobsHistoryLimit': 1,
          'spec.jobTemplate.spec.backoffLimit': undefined,
          'spec.jobTemplate.spec.completions': undefined,
          'spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds': 30,
          // Both embedded ObjectMetas: the job template's and its pod template's.
          'spec.jobTemplate.metadata': { creationTimestamp: null },
          'spec.jobTemplate.spec.template.metadata': { creationTimestamp: null },
        },
      },
    ]);
  });

  describe('applyJobSelector', () => {
    const defaulted = (manifest: Record<string, unknown>) => applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', ...manifest }, info('batch/v1', 'Job'));
    const generated = { 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'uid-1', 'batch.kubernetes.io/controller-uid': 'uid-1' };

    it('labels the pods with the Job name and uid, and selects on the uid', () => {
      const output = applyJobSelector(defaulted(job()), 'uid-1');
      assert.deepEqual(at(output, 'spec.template.metadata.labels'), generated);
      assert.deepEqual(at(output, 'spec.selector'), { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-1' } });
    });

    it("shows the generated labels on the Job too when its labels came from the template", () => {
      const output = applyJobSelector(defaulted({ ...job(), spec: { template: { metadata: { labels: { app: 'pi' } }, spec: {} } } }), 'uid-1');
      assert.deepEqual(at(output, 'metadata.labels'), { app: 'pi', ...generated });
      assert.deepEqual(at(output, 'spec.template.metadata.labels'), { app: 'pi', ...generated });
    });

    it('leaves labels the Job chose itself', () => {
      const output = applyJobSelector(defaulted({ metadata: { name: 'pi', labels: { team: 'a' } }, spec: job().spec }), 'uid-1');
      assert.deepEqual(at(output, 'metadata.labels'), { team: 'a' });
    });

    it('keeps labels the template already sets, for validation to judge', () => {
      const manifest = { ...job(), spec: { template: { metadata: { labels: { 'job-name': 'other' } }, spec: {} } } };
      const output = applyJobSelector(defaulted(manifest), 'uid-1');
      assert.equal(at(output, "spec.template.metadata.labels['job-name']"), 'other');
      assert.equal(at(output, "spec.template.metadata.labels['batch.kubernetes.io/job-name']"), 'pi');
    });

    it('does nothing with manualSelector: true', () => {
      const input = defaulted(job({ manualSelector: true, selector: { matchLabels: { app: 'pi' } } }));
      assert.deepEqual(applyJobSelector(input, 'uid-1'), input);
    });

    it('returns a new object, is idempotent and leaves its input alone', () => {
      const input = defaulted(job());
      const before = structuredClone(input);
      const once = applyJobSelector(input, 'uid-1');
      assert.deepEqual(input, before);
      assert.deepEqual(applyJobSelector(once, 'uid-1'), once);
    });
  });
});
