import { hpaNoCpuRequests } from '../../../../server/src/lint/cross/hpaNoCpuRequests';
import { table, yaml } from './helpers';

const deployment = (resources: string, sidecar = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
          - {name: app, image: nginx, resources: ${resources}}
          ${sidecar}
`;

const hpa = (metrics: string, mark = '') => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: web}
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}${mark}
    minReplicas: 1
    maxReplicas: 5
${metrics}
`;

const CPU_UTILIZATION = `    metrics:
      - type: Resource
        resource:
          name: cpu # <-
          target: {type: Utilization, averageUtilization: 60}`;

describe('lint/cross hpa-no-cpu-requests', () => {
  table(hpaNoCpuRequests, [
    {
      name: 'reports a CPU Utilization metric on a container without requests.cpu',
      manifest: hpa(CPU_UTILIZATION),
      workspace: [deployment('{requests: {memory: 64Mi}}')],
      messages: [['le conteneur `app` du Deployment « web »', 'FailedGetResourceMetric', 'missing request for cpu in container app']],
      fix: { kind: 'Deployment', name: 'web', uri: 'file:///work/other-0.yaml', containers: ['app'] },
    },
    {
      name: 'reports the default metric (no metrics: 80 % CPU) on scaleTargetRef',
      manifest: hpa('', ' # <-'),
      workspace: [deployment('{}')],
      messages: [["Sans `metrics`, un HPA autoscaling/v2 vise 80 % d'utilisation CPU."]],
    },
    {
      name: 'names every container without request',
      manifest: hpa(CPU_UTILIZATION),
      workspace: [deployment('{}', '- {name: sidecar, image: envoy}')],
      messages: [['les conteneurs `app`, `sidecar`', "n'en ont pas"]],
    },
    { name: 'accepts containers with requests.cpu', manifest: hpa(CPU_UTILIZATION.replace(' # <-', '')), workspace: [deployment('{requests: {cpu: 100m}}')] },
    { name: 'accepts a limit, which the API server copies into the request', manifest: hpa(CPU_UTILIZATION.replace(' # <-', '')), workspace: [deployment('{limits: {cpu: 500m}}')] },
    {
      name: 'accepts a namespace whose LimitRange gives a default CPU request',
      manifest: hpa(CPU_UTILIZATION.replace(' # <-', '')),
      workspace: [deployment('{}')],
      cluster: yaml`
        apiVersion: v1
        kind: LimitRange
        metadata: {name: defaults}
        spec:
          limits: [{type: Container, defaultRequest: {cpu: 100m}}]
      `,
    },
    {
      name: 'ignores metrics that need no request (AverageValue, memory, Pods)',
      manifest: hpa(`    metrics:
      - {type: Resource, resource: {name: cpu, target: {type: AverageValue, averageValue: 200m}}}
      - {type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 60}}}
      - {type: Pods, pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "10"}}}`),
      workspace: [deployment('{}')],
    },
    {
      name: 'checks only the container of a ContainerResource metric',
      manifest: hpa(`    metrics:
      - type: ContainerResource
        containerResource:
          name: cpu # <-
          container: sidecar
          target: {type: Utilization, averageUtilization: 60}`),
      workspace: [deployment('{requests: {cpu: 100m}}', '- {name: sidecar, image: envoy}')],
      messages: [['le conteneur `sidecar`']],
      absent: ['`app`'],
    },
    { name: 'stays quiet when the target is unknown', manifest: hpa(CPU_UTILIZATION.replace(' # <-', '')) },
    {
      name: 'finds the target in the cluster',
      manifest: hpa(CPU_UTILIZATION),
      cluster: deployment('{}'),
      fix: { uri: undefined },
    },
    {
      name: 'autoscaling/v1 always scales on CPU',
      manifest: yaml`
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
          targetCPUUtilizationPercentage: 50 # <-
      `,
      workspace: [deployment('{}')],
    },
  ]);
});
