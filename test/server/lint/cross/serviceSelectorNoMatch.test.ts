import { serviceSelectorNoMatch } from '../../../../server/src/lint/cross/serviceSelectorNoMatch';
import { table, yaml } from './helpers';

const deployment = (labels: string, namespace = '', name = 'web') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${name}
    ${namespace ? `namespace: ${namespace}` : ''}
    labels: {team: shop}
  spec:
    selector: {matchLabels: ${labels}}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers: [{name: web, image: nginx}]
`;

const service = (selector: string, extra = '') => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    ${extra}
  spec:
    selector: ${selector} # <-
    ports: [{port: 80}]
`;

const unmarked = (text: string) => text.replace(' # <-', '');

describe('lint/cross service-selector-no-match', () => {
  table(serviceSelectorNoMatch, [
    {
      name: 'reports a selector no Pod template carries, with the nearest labels',
      manifest: service('{app: wbe}'),
      workspace: [deployment('{app: web}')],
      messages: [['ne sélectionne aucun Pod', 'app=wbe', "pas d'endpoints", 'Le plus proche : Deployment « web », dont les Pods ont app=web']],
      fix: { selector: { app: 'wbe' }, candidates: [{ app: 'web' }], sources: ['Deployment/web'] },
    },
    { name: 'accepts a workload of another file that matches', manifest: unmarked(service('{app: web}')), workspace: [deployment('{app: web, tier: front}')] },
    { name: 'accepts a workload of the same file', manifest: `${unmarked(service('{app: web}'))}---\n${deployment('{app: web}')}` },
    { name: 'accepts Pods known only from the cluster', manifest: unmarked(service('{app: web}')), cluster: deployment('{app: web}') },
    {
      name: 'keeps the file copy of an applied workload, not the stale cluster one',
      manifest: service('{app: web}'),
      workspace: [deployment('{app: web-v2}')],
      cluster: deployment('{app: web}'),
      fix: { candidates: [{ app: 'web-v2' }] },
    },
    {
      name: 'accepts a bare Pod',
      manifest: unmarked(service('{app: debug}')),
      workspace: [yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, labels: {app: debug}}
        spec: {containers: [{name: c, image: busybox}]}
      `],
    },
    {
      name: 'accepts a CronJob whose job template carries the labels',
      manifest: unmarked(service('{app: batch}')),
      workspace: [yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: batch}}
                spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}
      `],
    },
    {
      name: 'requires every key of the selector',
      manifest: service('{app: web, tier: back}'),
      workspace: [deployment('{app: web, tier: front}')],
      messages: [['app=web, tier=back']],
    },
    {
      name: "explains that the Deployment's own labels do not count",
      manifest: service('{team: shop}'),
      workspace: [deployment('{app: web}')],
      messages: [['porte ces labels sur lui-même', 'spec.template.metadata.labels']],
    },
    {
      name: 'explains that a Service only selects Pods of its own namespace',
      manifest: service('{app: web}', 'namespace: front'),
      workspace: [deployment('{app: web}', 'back')],
      messages: [['dans le namespace back', 'son propre namespace']],
    },
    { name: 'a manifest without namespace matches workloads of any namespace', manifest: unmarked(service('{app: web}')), workspace: [deployment('{app: web}', 'back')] },
    {
      name: 'reports when no workload is known at all',
      manifest: service('{app: web}'),
      absent: ['Le plus proche'],
      fix: { candidates: [] },
    },
    { name: 'ignores a Service without selector (endpoints managed by hand)', manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {ports: [{port: 5432}]}
      ` },
    { name: 'ignores an empty selector', manifest: unmarked(service('{}')) },
    {
      name: 'ignores an ExternalName Service',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {type: ExternalName, externalName: db.example.com, selector: {app: db}}
      `,
    },
    {
      name: 'orders candidates by likeness and keeps each label map once',
      manifest: service('{app: web, tier: front}'),
      workspace: [deployment('{app: api, tier: back}', '', 'api'), deployment('{app: web, tier: back}', '', 'web-v2'), yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-old}
        spec:
          selector: {matchLabels: {app: web, tier: back}}
          template:
            metadata: {labels: {app: web, tier: back}}
            spec: {containers: [{name: web, image: nginx}]}
      `],
      fix: { candidates: [{ app: 'web', tier: 'back' }, { app: 'api', tier: 'back' }], sources: ['Deployment/web-v2', 'Deployment/api'] },
    },
  ]);
});
