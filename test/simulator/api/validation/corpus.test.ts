import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateObject } from '../../../../simulator/src/api/validation/index';

const DIR = join(__dirname, '..', '..', '..', 'fixtures', 'manifests', 'valid');

// Every kind of the course, each at least once in the corpus.
const COURSE_KINDS = [
  'Pod', 'Deployment', 'ReplicaSet', 'Service', 'Endpoints', 'Ingress', 'IngressClass', 'ConfigMap', 'Secret', 'Namespace', 'Node', 'Event',
  'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'ServiceAccount', 'Role',
  'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'LimitRange', 'ResourceQuota', 'PodDisruptionBudget',
];

const documents = readdirSync(DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .flatMap((file) => parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((document, index) => ({ file, index, object: document.toJS() as Record<string, unknown> })));

describe('api/validation corpus of valid manifests', () => {
  it('covers every course kind', () => {
    const kinds = new Set(documents.map(({ object }) => object.kind));
    assert.deepEqual(COURSE_KINDS.filter((kind) => !kinds.has(kind)), []);
  });

  for (const { file, index, object } of documents) {
    const name = (object.metadata as { name?: string } | undefined)?.name;
    it(`${file} #${index + 1}: ${String(object.kind)} ${name} has no finding`, () => {
      assert.deepEqual(validateObject(object).findings.map((finding) => finding.message), []);
    });
  }
});
