/**
 * A running cluster for the terminal's tests: the real simulator with all its controllers
 * (the kubelet runs the containers), an nginx Deployment with a ConfigMap and a Secret
 * mounted and read into its environment, a whoami Deployment, and their Services.
 */
import { createCluster, type Cluster } from '../../../simulator/src/cluster';
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

const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Text without the terminal's colours. */
export const plain = (text: string): string => text.replace(COLOURS, '');

