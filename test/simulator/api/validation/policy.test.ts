import { table } from './helpers';

const hpa = (spec: Record<string, unknown>) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, ...spec },
});
const cpu = (target: Record<string, unknown>) => [{ type: 'Resource', resource: { name: 'cpu', target } }];

describe('api/validation autoscaling, disruption budgets and quotas', () => {
  table([
    { name: 'accepts a usual HPA', object: hpa({ metrics: cpu({ type: 'Utilization', averageUtilization: 70 }) }), expected: [] },
    { name: 'maxReplicas at least minReplicas', object: hpa({ minReplicas: 3, maxReplicas: 2 }), expected: ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`'] },
    { name: 'minReplicas at least 1', object: hpa({ minReplicas: 0 }), expected: ['spec.minReplicas: Invalid value: 0: must be greater than or equal to 1'] },
    {
      name: 'a metric target type',
      object: hpa({ metrics: cpu({ type: 'Percent', averageUtilization: 70 }) }),
      expected: ['spec.metrics[0].resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue'],
    },
    {
      name: 'a resource metric needs a target',
      object: hpa({ metrics: cpu({ type: 'Utilization' }) }),
      expected: ['spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization'],
    },
    {
      name: 'a PDB percentage',
      object: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: '120%', selector: { matchLabels: { app: 'web' } } } },
      expected: ['spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%'],
    },
    {
      name: 'a quota resource name',
      object: { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { 'request.cpu': '4', pods: '10' } } },
      expected: [
        'spec.hard[request.cpu]: Invalid value: "request.cpu": must be a standard resource type or fully qualified',
        'spec.hard[request.cpu]: Invalid value: "request.cpu": must be a standard resource for quota',
      ],
    },
    {
      name: 'a LimitRange type',
      object: { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l' }, spec: { limits: [{ type: 'Containers', max: { cpu: '1' } }] } },
      expected: ['spec.limits[0].type: Invalid value: "Containers": must be a standard limit type or fully qualified'],
    },
  ]);
});
