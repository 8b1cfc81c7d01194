import { ingressBackendUnknown } from '../../../../server/src/lint/cross/ingressBackendUnknown';
import { table, yaml } from './helpers';

const service = (name: string, namespace?: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    selector: {app: ${name}}
    ports: [{name: http, port: 80, targetPort: 8080}]
`;

const ingress = (backend: string, namespace?: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: shop${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    rules:
      - host: shop.example.com
        http:
          paths:
            - path: /
              pathType: Prefix
              backend:
                service:
${backend}
`;

describe('lint/cross ingress-backend-unknown', () => {
  table(ingressBackendUnknown, [
    {
      name: 'reports an unknown Service, with the closest name',
      manifest: ingress('                  name: wbe # <-\n                  port: {number: 80}'),
      workspace: [service('web')],
      messages: [['Aucun Service « wbe »', '503', 'Voulais-tu dire « web » ?']],
      fix: { service: 'wbe', candidates: ['web'] },
    },
    {
      name: 'accepts a Service of the workspace and a port it exposes',
      manifest: ingress('                  name: web\n                  port: {number: 80}'),
      workspace: [service('web')],
    },
    {
      name: 'accepts a Service known from the cluster, by port name',
      manifest: ingress('                  name: web\n                  port: {name: http}'),
      cluster: service('web'),
    },
    {
      name: 'reports the container port given instead of the Service port',
      manifest: ingress('                  name: web\n                  port:\n                    number: 8080 # <-'),
      workspace: [service('web')],
      messages: [["n'expose pas le port 8080", 'son port est 80 (`http`)', '8080 est le `targetPort` du Service']],
      fix: { service: 'web', port: 8080, ports: [{ name: 'http', number: 80 }] },
    },
    {
      name: 'reports an unknown port name',
      manifest: ingress('                  name: web\n                  port:\n                    name: https # <-'),
      workspace: [service('web')],
      messages: [['port nommé `https`']],
      absent: ['targetPort'],
    },
    {
      name: 'checks the defaultBackend too',
      manifest: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop}
        spec:
          defaultBackend:
            service:
              name: fallback # <-
              port: {number: 80}
      `,
      workspace: [service('web')],
      fix: { candidates: [] },
    },
    {
      name: 'does not look in another namespace',
      manifest: ingress('                  name: web # <-\n                  port: {number: 80}', 'front'),
      workspace: [service('web', 'back')],
      messages: [['son propre namespace']],
    },
    {
      name: 'accepts a Service of the same file',
      manifest: `${ingress('                  name: web\n                  port: {number: 80}')}---\n${service('web')}`,
    },
    {
      name: 'ignores resource backends and Services without ports',
      manifest: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop}
        spec:
          defaultBackend:
            resource: {apiGroup: k8s.example.com, kind: Bucket, name: assets}
          rules:
            - http:
                paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: external, port: {number: 443}}}}
      `,
      workspace: [yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: external}
        spec: {type: ExternalName, externalName: example.com}
      `],
    },
  ]);
});
