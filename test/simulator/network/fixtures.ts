/**
 * A running cluster for the network's and the exec shell's tests: the real simulator with
 * all its controllers (the kubelet runs the containers), an nginx Deployment with a
 * ConfigMap and a Secret mounted and read into its environment, a whoami Deployment, and
 * their Services.
 */
import type { KindInfo } from '../../../simulator/src/api/catalog';
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
import type { StateReader } from '../../../simulator/src/kubelet/replay';
import type { JsonObject } from '../../../simulator/src/store/json';
import { matchesLabels, parseLabelSelector } from '../../../simulator/src/store/selectors';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';

export const WEB = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: bonjour
  app.properties: |
    color=blue
    size=3
---
apiVersion: v1
kind: Secret
metadata:
  name: web-secret
stringData:
  password: s3cr3t
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
              name: http
          env:
            - name: GREETING
              valueFrom:
                configMapKeyRef:
                  name: web-config
                  key: greeting
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: web-secret
                  key: password
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          envFrom:
            - prefix: CFG_
              configMapRef:
                name: web-config
          volumeMounts:
            - name: config
              mountPath: /etc/config
            - name: secret
              mountPath: /etc/secret
              readOnly: true
      volumes:
        - name: config
          configMap:
            name: web-config
        - name: secret
          secret:
            secretName: web-secret
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: who
spec:
  replicas: 2
  selector:
    matchLabels:
      app: who
  template:
    metadata:
      labels:
        app: who
    spec:
      containers:
        - name: who
          image: traefik/whoami:v1.10
---
apiVersion: v1
kind: Service
metadata:
  name: who
spec:
  selector:
    app: who
  ports:
    - port: 8080
      targetPort: 80
`;

/** A cluster (all controllers) with `manifests` applied and a minute of simulated time run. */
export function runningCluster(manifests = WEB): Cluster {
  const cluster = createCluster({ seed: 1, nodes: defaultNodes() });
  const result = runKubectl(cluster, ['apply', '-f', 'web.yaml'], { files: { 'web.yaml': manifests } });
  if (result.exitCode !== 0) throw new Error(result.stderr);
  cluster.advance(60_000);
  return cluster;
}

/** The names of the Pods whose name starts with `prefix`, sorted. */
export function podNames(cluster: Cluster, prefix: string): string[] {
  const out = runKubectl(cluster, ['get', 'pods', '-o', 'name'], { settle: false }).stdout;
  return out
    .split('\n')
    .filter((line) => line.startsWith(`pod/${prefix}`))
    .map((line) => line.slice('pod/'.length))
    .sort();
}

/**
 * A read-only view over plain objects, for the pure network functions (no controllers):
 * `get` by kind, namespace and name, `list` by kind, namespace and label selector.
 */
export function readerOver(objects: readonly JsonObject[]): StateReader {
  type Meta = { name?: string; namespace?: string; labels?: Record<string, string> };
  const meta = (object: JsonObject): Meta => ((object.metadata as Meta | undefined) ?? {});
  const inNamespace = (object: JsonObject, info: KindInfo, namespace: string | undefined): boolean => !info.namespaced || !namespace || (meta(object).namespace ?? 'default') === namespace;
  return {
    get: (info, namespace, name) => objects.find((o) => o.kind === info.kind && meta(o).name === name && inNamespace(o, info, namespace)),
    list: (info, options = {}) =>
      objects.filter((o) => o.kind === info.kind && inNamespace(o, info, options.namespace) && (!options.labelSelector || matchesLabels(parseLabelSelector(options.labelSelector), meta(o).labels))),
  };
}

/** A busybox client Pod, an Ingress for web.example.com (`/` to web, `/who` to who), two NetworkPolicies to apply later. */
export const NETWORK = `${WEB}---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  containers:
    - name: main
      image: busybox:1.36
      command: [sleep, "3600"]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
          - path: /who
            pathType: Prefix
            backend:
              service:
                name: who
                port:
                  number: 8080
`;

/** Only Pods labelled `access: "true"` may reach web, on its http port. */
export const WEB_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-access
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
    - from:
        - podSelector:
            matchLabels:
              access: "true"
      ports:
        - port: http
`;

/** The client may go out to nothing at all, DNS included. */
export const CLIENT_NO_EGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: client-no-egress
spec:
  podSelector:
    matchLabels:
      app: client
  policyTypes: [Egress]
`;
