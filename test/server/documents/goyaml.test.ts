import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../server/src/documents/manifest';
import { declaredObjects } from '../../../simulator/src/kubectl/commands/manifests';

// YAML 1.1 scalars as kubectl reads them (sigs.k8s.io/yaml, go-yaml v2), quoted ones untouched.
const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {tier: "0400", on: x}
spec:
  containers:
  - name: web
    image: nginx:1.27
    env:
    - name: DEBUG
      value: yes
    - name: SIZE
      value: 1_000
  volumes:
  - name: key
    secret: {secretName: tls, defaultMode: 0400, optional: off}
  - name: cfg
    configMap: {name: cfg, defaultMode: 0x1FF}
`;

describe('server: manifests read with kubectl’s YAML 1.1 scalars', () => {
  const expected = declaredObjects(TEXT, 'pod.yaml')[0]!.object;

  it('gives the fast path the values kubectl apply decodes', () => {
    const parsed = parseManifest(TEXT);
    assert.deepEqual(parsed.value, expected);
    const spec = (parsed.value as { spec: { volumes: { secret?: unknown; configMap?: unknown }[]; containers: { env: unknown[] }[] } }).spec;
    assert.deepEqual(spec.volumes[0]!.secret, { secretName: 'tls', defaultMode: 256, optional: false });
    assert.deepEqual(spec.volumes[1]!.configMap, { name: 'cfg', defaultMode: 511 });
    assert.deepEqual(spec.containers[0]!.env, [{ name: 'DEBUG', value: true }, { name: 'SIZE', value: 1000 }]);
  });

  it('gives the full parser (anchors send a document there) the same values', () => {
    const withAnchor = TEXT.replace('name: web\n  labels', 'name: &n web\n  labels').replace('  - name: web\n', '  - name: *n\n');
    const parsed = parseManifest(withAnchor);
    assert.deepEqual(parsed.value, expected);
    assert.equal(parsed.problems.length, 0);
  });
});
