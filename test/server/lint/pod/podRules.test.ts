import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { POD_RULES } from '../../../../server/src/lint/podRules';
import { WORKLOAD_KINDS } from '../../../../server/src/lint/pod/podSpecs';
import { ResourceIndex } from '../../../../server/src/workspace/resources';
import { apiVersionsOf, kindInfo } from '../../../../simulator/src/api/catalog';
import { CHAPTERS } from '../../../../simulator/src/api/chapters';

/** Every finding of every rule that looks at the object's kind, as `rule-id path`. */
function findingsOf(object: Record<string, unknown>): string[] {
  const info = kindInfo(String(object.apiVersion), String(object.kind))!;
  return POD_RULES.filter((rule) => rule.kinds === '*' || rule.kinds.includes(info.kind)).flatMap((rule) =>
    rule.check(object, { info, resources: new ResourceIndex() }).map((finding) => `${rule.id} ${finding.path.join('.')}`),
  );
}

// What the course asks a learner to write by the end: every rule satisfied.
const GOOD = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - { name: http, containerPort: 80 }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 128Mi }
          readinessProbe:
            httpGet: { path: /, port: http }
          livenessProbe:
            tcpSocket: { port: 80 }
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }
      volumes:
        - name: cache
          emptyDir: {}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: dump
              image: postgres:16@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
              resources:
                limits: { cpu: 200m, memory: 256Mi }
---
apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  password: cGFzc3dvcmQ=
stringData:
  user: admin
`;

describe('lint/pod: the rules together', () => {
  it('have the fixed ids, once each', () => {
    assert.deepEqual(
      POD_RULES.map((rule) => rule.id).sort(),
      ['host-network', 'host-path', 'image-latest', 'privileged-container', 'probe-port-undeclared', 'probes-missing', 'resources-missing', 'secret-clear-text'],
    );
  });

  for (const rule of POD_RULES) {
    it(`${rule.id}: a chapter of the course, kinds that exist, a one-sentence French description`, () => {
      assert.ok(CHAPTERS.some((chapter) => chapter.id === rule.chapter), rule.chapter);
      const kinds = rule.kinds === '*' ? [] : rule.kinds;
      for (const kind of kinds) assert.ok(apiVersionsOf(kind).length > 0, kind);
      assert.match(rule.description, /^Signale [^.]+\.$/);
    });
  }

  it('find nothing in manifests that follow the advice', () => {
    for (const document of parseAllDocuments(GOOD)) {
      const object = document.toJS() as Record<string, unknown>;
      assert.deepEqual(findingsOf(object), [], String(object.kind));
    }
  });

  it('report a bad Deployment rule by rule, in reporting order', () => {
    const bad = GOOD.replace('image: nginx:1.27', 'image: nginx')
      .replace('port: http }', 'port: htpp }')
      .replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true')
      .replace('emptyDir: {}', 'hostPath: { path: /data }');
    const object = parseAllDocuments(bad)[0]!.toJS() as Record<string, unknown>;
    const C = 'spec.template.spec.containers.0';
    assert.deepEqual(findingsOf(object), [
      `probe-port-undeclared ${C}.readinessProbe.httpGet.port`,
      `privileged-container ${C}.securityContext.allowPrivilegeEscalation`,
      'host-path spec.template.spec.volumes.0.hostPath',
      `image-latest ${C}.image`,
    ]);
  });

  it('do not throw on half-written workloads', () => {
    const broken: unknown[] = [null, 'text', [], { spec: null }, { spec: { template: { spec: { containers: 'web', volumes: [null, 1] } } } }];
    const extra = [{ spec: { template: { spec: { containers: [null, { securityContext: { capabilities: { add: 'ALL' } }, readinessProbe: { httpGet: null } }] } } } }];
    for (const object of [...broken, ...extra]) {
      for (const rule of POD_RULES) {
        for (const kind of [...WORKLOAD_KINDS, 'Secret']) {
          const info = kindInfo(apiVersionsOf(kind)[0]!, kind)!;
          assert.doesNotThrow(() => rule.check(object as Record<string, unknown>, { info, resources: new ResourceIndex() }), `${rule.id} on ${kind}`);
        }
      }
    }
  });
});
