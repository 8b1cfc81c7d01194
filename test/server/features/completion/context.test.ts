import * as assert from 'node:assert/strict';
import { CompletionItemKind } from 'vscode-languageserver';
import { accept, complete, docOf, item, labels, type Setup } from './helpers';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const CONTAINER = `${POD}spec:\n  containers:\n    - name: web\n      image: nginx:1.27\n`;

const WORKSPACE: Setup = {
  files: {
    'file:///k8s/config.yaml': [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  LOG_LEVEL: info\n  PORT: "8080"\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-secret\nstringData:\n  password: x\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other-ns\n  namespace: prod\n',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: lecteur-pods\n',
    ].join('---\n'),
    'file:///k8s/web.yaml': [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - name: http\n              containerPort: 8080\n',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n          ports:\n            - containerPort: 5432\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: http\n      port: 80\n',
    ].join('---\n'),
  },
  cluster: [
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', name: 'standard', object: {} },
    { apiVersion: 'v1', kind: 'Namespace', name: 'kube-system', object: {} },
    { apiVersion: 'v1', kind: 'ConfigMap', name: 'kube-root-ca.crt', namespace: 'default', object: { data: { 'ca.crt': '...' } } },
  ],
};

describe('server/features/completion: values from the context', () => {
  describe('names of other objects', () => {
    it('offers the ConfigMaps of the workspace and the cluster for a configMapKeyRef', () => {
      const source = `${CONTAINER}      env:\n        - name: LOG_LEVEL\n          valueFrom:\n            configMapKeyRef:\n              name: |\n`;
      const items = complete(source, WORKSPACE);
      // Without a namespace, the manifest may land anywhere: every ConfigMap, those of `default` first.
      assert.deepEqual(labels(items), ['kube-root-ca.crt', 'web-config', 'other-ns']);
      const config = item(items, 'web-config');
      assert.equal(config.kind, CompletionItemKind.Reference);
      assert.equal(config.labelDetails?.description, 'fichier config.yaml');
      assert.match(docOf(config), /`LOG_LEVEL`, `PORT`/);
    });

    it('offers the objects of the namespace of the document first', () => {
      const source = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  volumes:\n    - name: config\n      configMap:\n        name: |\n`;
      assert.deepEqual(labels(complete(source, WORKSPACE)), ['other-ns', 'web-config']);
      assert.ok(!labels(complete(source, WORKSPACE)).includes('kube-root-ca.crt'), 'a cluster object of another namespace');
    });

    it('offers Secrets for envFrom and secret volumes, PVCs for claimName, ServiceAccounts, StorageClasses', () => {
      assert.deepEqual(labels(complete(`${CONTAINER}      envFrom:\n        - secretRef:\n            name: |\n`, WORKSPACE)), ['db-secret']);
      assert.deepEqual(labels(complete(`${POD}spec:\n  volumes:\n    - name: s\n      secret:\n        secretName: |\n`, WORKSPACE)), ['db-secret']);
      assert.deepEqual(labels(complete(`${POD}spec:\n  volumes:\n    - name: d\n      persistentVolumeClaim:\n        claimName: |\n`, WORKSPACE)), ['data']);
      assert.deepEqual(labels(complete(`${POD}spec:\n  serviceAccountName: |\n`, WORKSPACE)), ['app', 'default']);
      assert.deepEqual(labels(complete('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  storageClassName: |\n', WORKSPACE)), ['standard']);
      assert.deepEqual(labels(complete(`${POD}spec:\n  imagePullSecrets:\n    - name: |\n`, WORKSPACE)), ['db-secret']);
      assert.deepEqual(labels(complete('apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: |\n', WORKSPACE)), ['kube-system', 'default']);
      const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n';
      assert.deepEqual(labels(complete(`${hpa}    kind: StatefulSet\n    name: |\n`, WORKSPACE)), ['db']);
    });

    it('offers the Services of the workspace for an Ingress backend', () => {
      const source = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nspec:\n  defaultBackend:\n    service:\n      name: |\n';
      assert.deepEqual(labels(complete(source, WORKSPACE)), ['web']);
    });

    it('offers Roles or ClusterRoles for a roleRef, after its kind', () => {
      const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n';
      assert.deepEqual(labels(complete(`${binding}  kind: Role\n  name: |\n`, WORKSPACE)), ['lecteur-pods']);
      assert.deepEqual(labels(complete(`${binding}  kind: ClusterRole\n  name: |\n`, WORKSPACE)), ['admin', 'cluster-admin', 'edit', 'view']);
    });

    it('offers the keys of the ConfigMap a configMapKeyRef names', () => {
      const source = `${CONTAINER}      env:\n        - name: LOG_LEVEL\n          valueFrom:\n            configMapKeyRef:\n              name: web-config\n              key: |\n`;
      assert.deepEqual(labels(complete(source, WORKSPACE)), ['LOG_LEVEL', 'PORT']);
    });
  });

  describe('labels of a selector', () => {
    it("offers a Deployment's own template labels for its selector", () => {
      const source = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels:\n      |\n  template:\n    metadata:\n      labels:\n        app: api\n        tier: back\n';
      assert.deepEqual(labels(complete(source)), ['app: api', 'tier: back']);
      assert.equal(
        accept(source, 'app: api'),
        'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n        tier: back\n',
      );
    });

    it('offers the selector labels for the template, when the selector is written first', () => {
      const source = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        |\n';
      assert.deepEqual(labels(complete(source)), ['app: api']);
    });

    it('offers the Pod labels of the workloads of the workspace for a Service selector', () => {
      const source = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  selector:\n    |\n';
      assert.deepEqual(labels(complete(source, WORKSPACE)), ['app: web', 'tier: front', 'app: db']);
    });

    it('omits the labels already in the selector and offers the values of a label', () => {
      const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  selector:\n';
      assert.deepEqual(labels(complete(`${service}    app: web\n    |\n`, WORKSPACE)), ['tier: front']);
      assert.deepEqual(labels(complete(`${service}    app: |\n`, WORKSPACE)), ['web', 'db']);
    });

    it('quotes label values that YAML would read as something else', () => {
      const source = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels:\n      |\n  template:\n    metadata:\n      labels:\n        canary: "true"\n';
      assert.deepEqual(labels(complete(source)), ['canary: "true"']);
    });
  });

  describe('ports', () => {
    it('offers the container ports of the workloads a Service selects for targetPort, names first', () => {
      const source = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: |\n';
      const items = complete(source, WORKSPACE);
      assert.deepEqual(labels(items), ['http', '8080']);
      assert.equal(item(items, 'http').detail, 'conteneur web · Deployment web');
      assert.match(accept(source, '8080', WORKSPACE), /targetPort: 8080\n$/);
    });

    it('offers every container port of the workspace when the Service selects nothing yet', () => {
      const source = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  ports:\n    - port: 80\n      targetPort: |\n';
      assert.deepEqual(labels(complete(source, WORKSPACE)), ['http', '8080', '5432']);
    });

    it("offers a probe its own container's ports", () => {
      const source = `${POD}spec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ports:\n        - name: metrics\n          containerPort: 9090\n      readinessProbe:\n        httpGet:\n          port: |\n`;
      assert.deepEqual(labels(complete(source)), ['metrics', '9090']);
    });

    it('offers the ports of the Service an Ingress backend names', () => {
      const source = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: |\n';
      assert.deepEqual(labels(complete(source, WORKSPACE)), ['80']);
    });
  });

  describe('images', () => {
    it("offers the simulator's images with pinned tags", () => {
      const found = labels(complete(`${POD}spec:\n  containers:\n    - name: web\n      image: |\n`, { images: ['nginx', 'redis', 'ghcr.io/formation/app:2.1.0'] }));
      assert.deepEqual(found, ['nginx:1.27', 'nginx:1.27-alpine', 'redis:7.2', 'redis:7', 'ghcr.io/formation/app:2.1.0']);
    });

    it('falls back to the common images when the catalogue is not known', () => {
      assert.ok(labels(complete(`${POD}spec:\n  containers:\n    - image: |\n`)).includes('busybox:1.36'));
    });
  });
});
