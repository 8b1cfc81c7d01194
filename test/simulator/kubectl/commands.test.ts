import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, type KindInfo } from '../../../simulator/src/api/catalog';
import { apiResources, printApiResources } from '../../../simulator/src/kubectl/apiResources';
import { deletedLine, resultLine } from '../../../simulator/src/kubectl/results';
import { rolloutHistory, rolloutStatus } from '../../../simulator/src/kubectl/rollout';
import { loadObjects, resource, type Json } from './golden';

describe('kubectl api-resources', () => {
  it('prints the catalogue as kubectl does, preferred versions only', () => {
    // Expected: the real kubectl v1.35 run against a stub API server serving this catalogue.
    assert.equal(printApiResources(KINDS), readFileSync(join(__dirname, 'golden', 'api-resources.expected.txt'), 'utf8'));
  });

  it('keeps events.k8s.io (its own group) but not autoscaling/v1 behind v2', () => {
    const rows = apiResources(KINDS).map((k: KindInfo) => k.apiVersion + ' ' + k.resource);
    assert.ok(rows.includes('events.k8s.io/v1 events'));
    assert.ok(rows.includes('autoscaling/v2 horizontalpodautoscalers'));
    assert.ok(!rows.includes('autoscaling/v1 horizontalpodautoscalers'));
  });

  it('adds comma-separated VERBS and CATEGORIES with -o wide', () => {
    const pods = printApiResources(KINDS, { wide: true }).split('\n').find((line: string) => line.startsWith('pods '))!;
    assert.match(pods, /Pod +create,delete,deletecollection,get,list,patch,update,watch {3}all$/);
  });

  it('filters by scope and group, and names resources with -o name', () => {
    assert.equal(printApiResources(KINDS, { name: true, apiGroup: 'apps' }), 'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
    assert.ok(apiResources(KINDS, { namespaced: false }).every((k: KindInfo) => !k.namespaced));
  });
});

describe('result lines', () => {
  it('names the object the way kubectl prints it after a change', () => {
    assert.equal(resultLine(resource('deploy'), 'web', 'created'), 'deployment.apps/web created\n');
    assert.equal(resultLine(resource('ns'), 'dev', 'created'), 'namespace/dev created\n');
    assert.equal(resultLine(resource('deploy'), 'web', 'scaled'), 'deployment.apps/web scaled\n');
    assert.equal(resultLine(resource('cm'), 'cfg', 'configured', 'client'), 'configmap/cfg configured (dry run)\n');
    assert.equal(resultLine(resource('deploy'), 'web', 'rolled back'), 'deployment.apps/web rolled back\n');
  });

  it('prints deletions as kind.group "name" deleted', () => {
    assert.equal(deletedLine(resource('deploy'), 'web'), 'deployment.apps "web" deleted\n');
    assert.equal(deletedLine(resource('pods'), 'web-1', 'server'), 'pod "web-1" deleted (server dry run)\n');
  });
});

describe('kubectl rollout status and history', () => {
  const base = (status: Json, generation = 2) => ({ metadata: { name: 'web', generation }, spec: { replicas: 3 }, status: { observedGeneration: 2, ...status } });

  it('follows a rollout to its end', () => {
    assert.equal(rolloutStatus(base({}, 3)).text, 'Waiting for deployment spec update to be observed...\n');
    assert.equal(rolloutStatus(base({ updatedReplicas: 1, replicas: 4 })).text, 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    assert.equal(rolloutStatus(base({ updatedReplicas: 3, replicas: 4 })).text, 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    assert.equal(rolloutStatus(base({ updatedReplicas: 3, replicas: 3, availableReplicas: 2 })).text, 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n');
    assert.deepEqual(rolloutStatus(base({ updatedReplicas: 3, replicas: 3, availableReplicas: 3 })), { text: 'deployment "web" successfully rolled out\n', done: true });
  });

  it('reports a rollout past its progress deadline as an error', () => {
    const stuck = base({ updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    assert.deepEqual(rolloutStatus(stuck), { text: '', done: false, error: 'deployment "web" exceeded its progress deadline' });
  });

  // Expected text checked against kubectl v1.35 `rollout history` on the same objects.
  it('lists revisions with their change-cause, and one revision in detail', () => {
    const objects = loadObjects('describe-deploy');
    const deployment = objects.find((o) => o.kind === 'Deployment')!;
    const replicaSets = objects.filter((o) => o.kind === 'ReplicaSet');
    ((replicaSets[1]!.metadata as Json).annotations as Json)['kubernetes.io/change-cause'] = 'kubectl set image deployment/web nginx=nginx:1.26';
    assert.equal(
      rolloutHistory(deployment, replicaSets).stdout,
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.26\n\n',
    );
    assert.equal(
      rolloutHistory(deployment, replicaSets, 2).stdout,
      'deployment.apps/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=5d8f9c7b6d\n' +
        '  Annotations:\tkubernetes.io/change-cause: kubectl set image deployment/web nginx=nginx:1.26\n  Containers:\n   nginx:\n' +
        '    Image:\tnginx:1.26\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\t<none>\n    Mounts:\t<none>\n' +
        '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
    assert.equal(rolloutHistory(deployment, replicaSets, 9).stderr, 'error: unable to find the specified revision\n');
  });
});
