import * as assert from 'node:assert/strict';
import { resolveGoYamlScalar } from '../../../simulator/src/api/goyaml';
import { declaredObjects } from '../../../simulator/src/kubectl/commands/manifests';
import { kubectl, testCluster } from './commands/support';

describe('manifests read as kubectl reads them (sigs.k8s.io/yaml, go-yaml v2, YAML 1.1)', () => {
  const cases: [string, unknown][] = [
    ['0400', 256],
    ['0644', 420],
    ['0x1F', 31],
    ['0o17', 15],
    ['0b101', 5],
    ['-0b101', -5],
    ['1_000', 1000],
    ['08', 8],
    ['+12', 12],
    ['1e3', 1000],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['yes', true],
    ['Yes', true],
    ['y', true],
    ['on', true],
    ['no', false],
    ['N', false],
    ['off', false],
    ['true', true],
    ['~', null],
    ['', null],
    ['2024-01-01', '2024-01-01'],
    ['1:30', '1:30'],
    ['12abc', '12abc'],
    ['_1', '_1'],
    ['nginx', 'nginx'],
  ];
  for (const [text, value] of cases) {
    it(`resolves ${JSON.stringify(text)} to ${JSON.stringify(value)}`, () => assert.equal(resolveGoYamlScalar(text), value));
  }

  it('applies the resolution to unquoted values and keys only', () => {
    const [declared] = declaredObjects('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "0400"\n  b: \'yes\'\n  c: |\n    yes\n  on: x\n', 'c.yaml');
    assert.deepEqual((declared!.object as { data: unknown }).data, { a: '0400', b: 'yes', c: 'yes\n', true: 'x' });
  });

  it('gives a secret volume defaultMode 0400 as 256', () => {
    const cluster = testCluster();
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: web, image: 'nginx:1.27'}]
  volumes:
  - name: key
    secret: {secretName: tls, defaultMode: 0400, optional: true}
`;
    assert.equal(kubectl(cluster, 'apply -f pod.yaml', { 'pod.yaml': pod }).exitCode, 0);
    assert.match(kubectl(cluster, 'get pod web -o yaml').stdout, /\n {6}defaultMode: 256\n/);
  });

  it('refuses `value: yes` in an env var as the API server does: a boolean is not a string', () => {
    const cluster = testCluster();
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    env:\n    - name: DEBUG\n      value: yes\n';
    const result = kubectl(cluster, 'apply -f pod.yaml', { 'pod.yaml': pod });
    assert.notEqual(result.exitCode, 0);
    assert.match(result.stderr, /cannot unmarshal bool into Go struct field EnvVar\.spec\.containers\.env\.value of type string/);
  });
});
