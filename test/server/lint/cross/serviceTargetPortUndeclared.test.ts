import { serviceTargetPortUndeclared } from '../../../../server/src/lint/cross/serviceTargetPortUndeclared';
import { table, yaml } from './helpers';

const deployment = (ports: string, extra = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
          - name: app
            image: nginx
            ports: ${ports}
        ${extra}
`;

const HTTP_8080 = '[{name: http, containerPort: 8080}]';

describe('lint/cross service-target-port-undeclared', () => {
  table(serviceTargetPortUndeclared, [
    {
      name: 'reports a named targetPort no container declares',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
            - port: 80
              targetPort: htp # <-
      `,
      workspace: [deployment(HTTP_8080)],
      messages: [['ne déclare de port nommé `htp`', 'endpoints restent vides', 'Ports déclarés : 8080 `http` (conteneur `app`)', 'Deployment « web »']],
      fix: { targetPort: 'htp', declared: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] },
    },
    {
      name: 'reports a numeric targetPort that is not the declared one',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
            - port: 80
              targetPort: 80 # <-
      `,
      workspace: [deployment(HTTP_8080)],
      messages: [['ne déclare le port 80.', 'connexions seront refusées']],
    },
    {
      name: 'without targetPort, checks the port number itself, on the port key',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
            - port: 80 # <-
      `,
      workspace: [deployment(HTTP_8080)],
      messages: [['Sans `targetPort`, le Service vise le même numéro que `port`']],
    },
    {
      name: 'explains that nothing is declared when containers declare no port',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 8080}] # <-
      `,
      workspace: [deployment('[]')],
      messages: [['ne déclare de port', 'containerPort: 8080']],
    },
    {
      name: 'accepts a named targetPort and a numeric one that containers declare',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports:
            - {name: a, port: 80, targetPort: http}
            - {name: b, port: 8080}
      `,
      workspace: [deployment(HTTP_8080)],
    },
    {
      name: 'accepts a port declared by a sidecar (restartable init container)',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 9090, targetPort: metrics}]
      `,
      workspace: [deployment('[]', 'initContainers: [{name: proxy, image: envoy, restartPolicy: Always, ports: [{name: metrics, containerPort: 9090}]}]')],
    },
    {
      name: 'ignores a port of an init container that ends before the Pod serves',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 9090, targetPort: metrics}] # <-
      `,
      workspace: [deployment('[]', 'initContainers: [{name: setup, image: busybox, ports: [{name: metrics, containerPort: 9090}]}]')],
    },
    {
      name: 'compares the protocol too',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: dns}
        spec:
          selector: {app: web}
          ports: [{port: 53, protocol: UDP}] # <-
      `,
      workspace: [deployment('[{containerPort: 53, protocol: TCP}]')],
    },
    {
      name: 'is satisfied by any selected workload',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80, targetPort: 9000}]
      `,
      workspace: [deployment(HTTP_8080)],
      cluster: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web-debug, labels: {app: web}}
        spec: {containers: [{name: debug, image: busybox, ports: [{containerPort: 9000}]}]}
      `,
    },
    {
      name: 'stays quiet when no workload is selected (the selector rule reports it)',
      manifest: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: nothing}
          ports: [{port: 80, targetPort: nope}]
      `,
      workspace: [deployment(HTTP_8080)],
    },
  ]);
});
