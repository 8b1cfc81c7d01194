import * as assert from 'node:assert/strict';
import { applyDefaults, imageTag } from '../../../../simulator/src/api/defaults/index';
import { at, info, runTable } from './defaults.test';

const pod = (spec: Record<string, unknown>) => ({ metadata: { name: 'web' }, spec });
const one = (container: Record<string, unknown>) => pod({ containers: [{ name: 'app', image: 'nginx:1.25', ...container }] });
const C = 'spec.containers[0]';

describe('simulator/api/defaults: Pod', () => {
  runTable('v1', 'Pod', [
    {
      name: 'fills the PodSpec defaults (SetDefaults_PodSpec) and the Pod-only enableServiceLinks',
      input: one({}),
      expect: {
        'spec.restartPolicy': 'Always',
        'spec.dnsPolicy': 'ClusterFirst',
        'spec.terminationGracePeriodSeconds': 30,
        'spec.schedulerName': 'default-scheduler',
        'spec.securityContext': {},
        'spec.enableServiceLinks': true,
      },
    },
    {
      name: 'keeps what the manifest says, including false and 0 in pointer fields',
      input: pod({ restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0, enableServiceLinks: false, securityContext: { runAsNonRoot: true }, schedulerName: 'mine', containers: [] }),
      expect: {
        'spec.restartPolicy': 'Never',
        'spec.dnsPolicy': 'Default',
        'spec.terminationGracePeriodSeconds': 0,
        'spec.enableServiceLinks': false,
        'spec.securityContext': { runAsNonRoot: true },
        'spec.schedulerName': 'mine',
      },
    },
    {
      name: 'fills the container defaults (SetDefaults_Container)',
      input: one({ ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] }),
      expect: {
        [`${C}.terminationMessagePath`]: '/dev/termination-log',
        [`${C}.terminationMessagePolicy`]: 'File',
        [`${C}.imagePullPolicy`]: 'IfNotPresent',
        [`${C}.ports[0].protocol`]: 'TCP',
        [`${C}.ports[1].protocol`]: 'UDP',
        [`${C}.ports[0].hostPort`]: undefined,
        // ResourceRequirements is a value struct: the stored JSON always has it.
        [`${C}.resources`]: {},
      },
    },
    {
      name: 'keeps the resources a container asks for, and gives init containers an empty one too',
      input: pod({ containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '100m' } } }], initContainers: [{ name: 'b', image: 'x' }] }),
      expect: {
        'spec.containers[0].resources': { requests: { cpu: '100m' } },
        'spec.initContainers[0].resources': {},
      },
    },
    {
      name: 'defaults the probes and their httpGet (SetDefaults_Probe, SetDefaults_HTTPGetAction)',
      input: one({
        livenessProbe: { httpGet: { port: 80 } },
        readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, timeoutSeconds: 0 },
        startupProbe: { grpc: { port: 9090 } },
      }),
      expect: {
        [`${C}.livenessProbe`]: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        [`${C}.readinessProbe.periodSeconds`]: 5,
        [`${C}.readinessProbe.timeoutSeconds`]: 1,
        [`${C}.startupProbe.grpc`]: { port: 9090, service: '' },
      },
    },
    {
      name: 'defaults the httpGet of lifecycle hooks and the apiVersion of a fieldRef',
      input: one({
        lifecycle: { preStop: { httpGet: { port: 80, path: '/quit' } } },
        env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, { name: 'X', value: '1' }],
      }),
      expect: {
        [`${C}.lifecycle.preStop.httpGet`]: { port: 80, path: '/quit', scheme: 'HTTP' },
        [`${C}.env[0].valueFrom.fieldRef.apiVersion`]: 'v1',
        [`${C}.env[1]`]: { name: 'X', value: '1' },
      },
    },
    {
      name: 'copies limits into absent requests, for containers and init containers (Pod only)',
      input: pod({
        containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } } }],
        initContainers: [{ name: 'b', image: 'x', resources: { limits: { memory: '64Mi' } } }],
      }),
      expect: {
        'spec.containers[0].resources.requests': { cpu: '100m', memory: '1Gi' },
        'spec.initContainers[0].resources.requests': { memory: '64Mi' },
        'spec.initContainers[0].terminationMessagePolicy': 'File',
      },
    },
    {
      name: 'opens container ports on the node under hostNetwork (Pod only)',
      input: pod({ hostNetwork: true, containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 9100 }, { containerPort: 80, hostPort: 8080 }] }] }),
      expect: { 'spec.containers[0].ports[0].hostPort': 9100, 'spec.containers[0].ports[1].hostPort': 8080 },
    },
    {
      name: 'turns a volume without source into an emptyDir and defaults each source',
      input: pod({
        containers: [],
        volumes: [
          { name: 'scratch' },
          { name: 'cache', emptyDir: { medium: 'Memory' } },
          { name: 'cm', configMap: { name: 'app' } },
          { name: 'sec', secret: { secretName: 'app', defaultMode: 0o400 } },
          { name: 'host', hostPath: { path: '/var/log' } },
          { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        ],
      }),
      expect: {
        'spec.volumes[0]': { name: 'scratch', emptyDir: {} },
        'spec.volumes[1]': { name: 'cache', emptyDir: { medium: 'Memory' } },
        'spec.volumes[2].configMap': { name: 'app', defaultMode: 420 },
        'spec.volumes[3].secret.defaultMode': 256,
        'spec.volumes[4].hostPath': { path: '/var/log', type: '' },
        'spec.volumes[5].downwardAPI.defaultMode': 420,
        'spec.volumes[5].downwardAPI.items[0].fieldRef.apiVersion': 'v1',
      },
    },
    {
      name: 'defaults projected sources and the claim template of an ephemeral volume',
      input: pod({
        containers: [],
        volumes: [
          { name: 'all', projected: { sources: [{ serviceAccountToken: { path: 't' } }, { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } }] } },
          { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } },
        ],
      }),
      expect: {
        'spec.volumes[0].projected.defaultMode': 420,
        'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds': 3600,
        'spec.volumes[0].projected.sources[1].downwardAPI.items[0].fieldRef.apiVersion': 'v1',
        'spec.volumes[1].ephemeral.volumeClaimTemplate.spec.volumeMode': 'Filesystem',
      },
    },
    {
      name: 'defaults the rarer volume sources as upstream does (iSCSI, RBD, Azure disk, ScaleIO)',
      input: pod({
        containers: [],
        volumes: [
          { name: 'i', iscsi: { targetPortal: 't', iqn: 'q', lun: 0 } },
          { name: 'r', rbd: { monitors: ['m'], image: 'i' } },
          { name: 'a', azureDisk: { diskName: 'd', diskURI: 'u' } },
          { name: 's', scaleIO: { gateway: 'g', system: 's', secretRef: { name: 'x' } } },
        ],
      }),
      expect: {
        'spec.volumes[0].iscsi.iscsiInterface': 'default',
        'spec.volumes[1].rbd': { monitors: ['m'], image: 'i', pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' },
        'spec.volumes[2].azureDisk': { diskName: 'd', diskURI: 'u', cachingMode: 'ReadWrite', kind: 'Shared', fsType: 'ext4', readOnly: false },
        'spec.volumes[3].scaleIO.storageMode': 'ThinProvisioned',
        'spec.volumes[3].scaleIO.fsType': 'xfs',
      },
    },
  ]);

  describe('imagePullPolicy', () => {
    const cases: [string, 'Always' | 'IfNotPresent'][] = [
      ['nginx', 'Always'],
      ['nginx:latest', 'Always'],
      ['docker.io/library/nginx', 'Always'],
      ['localhost:5000/shop/api', 'Always'],
      ['nginx:1.25', 'IfNotPresent'],
      ['registry.k8s.io/pause:3.9', 'IfNotPresent'],
      ['localhost:5000/shop/api:v2', 'IfNotPresent'],
      [`nginx@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
      [`nginx:latest@sha256:${'a'.repeat(64)}`, 'Always'],
      ['Nginx/Web', 'IfNotPresent'],
      ['', 'IfNotPresent'],
    ];
    for (const [image, policy] of cases) {
      it(`${JSON.stringify(image)} -> ${policy}`, () => {
        const output = applyDefaults({ apiVersion: 'v1', kind: 'Pod', ...one({ image }) }, info('v1', 'Pod'));
        assert.equal(at(output, `${C}.imagePullPolicy`), policy);
      });
    }

    it('keeps an explicit policy', () => {
      const output = applyDefaults({ apiVersion: 'v1', kind: 'Pod', ...one({ image: 'nginx', imagePullPolicy: 'Never' }) }, info('v1', 'Pod'));
      assert.equal(at(output, `${C}.imagePullPolicy`), 'Never');
    });

    it('reads the tag as ParseImageName does', () => {
      assert.equal(imageTag('nginx'), 'latest');
      assert.equal(imageTag('nginx:1.25-alpine'), '1.25-alpine');
      assert.equal(imageTag(`nginx@sha256:${'0'.repeat(64)}`), '');
      assert.equal(imageTag('not a name'), undefined);
    });
  });
});

describe('simulator/api/defaults: PodTemplate, ReplicationController, PriorityClass', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };

  runTable('v1', 'PodTemplate', [
    {
      name: "defaults the PodTemplate's template like a workload's (SetObjectDefaults_PodTemplate)",
      input: { metadata: { name: 'web' }, template },
      expect: {
        'template.metadata': { creationTimestamp: null, labels: { app: 'web' } },
        'template.spec.restartPolicy': 'Always',
        'template.spec.containers[0].resources': {},
        'template.spec.enableServiceLinks': undefined,
      },
    },
  ]);

  runTable('v1', 'ReplicationController', [
    {
      name: 'takes selector and labels from the template, one replica (SetDefaults_ReplicationController)',
      input: { metadata: { name: 'web' }, spec: { template } },
      expect: {
        'spec.replicas': 1,
        'spec.selector': { app: 'web' },
        'metadata.labels': { app: 'web' },
        'spec.template.metadata.creationTimestamp': null,
        'spec.template.spec.containers[0].imagePullPolicy': 'IfNotPresent',
      },
    },
    {
      name: 'keeps the selector, labels and replicas it has',
      input: { metadata: { name: 'web', labels: { team: 'a' } }, spec: { replicas: 0, selector: { app: 'web', tier: 'x' }, template } },
      expect: { 'spec.replicas': 0, 'spec.selector': { app: 'web', tier: 'x' }, 'metadata.labels': { team: 'a' } },
    },
  ]);

  runTable('scheduling.k8s.io/v1', 'PriorityClass', [
    {
      name: 'preempts lower priorities unless told otherwise (SetDefaults_PriorityClass)',
      input: { metadata: { name: 'high' }, value: 1000 },
      expect: { preemptionPolicy: 'PreemptLowerPriority', value: 1000 },
    },
    {
      name: 'keeps preemptionPolicy: Never',
      input: { metadata: { name: 'batch' }, value: 10, preemptionPolicy: 'Never' },
      expect: { preemptionPolicy: 'Never' },
    },
  ]);
});
