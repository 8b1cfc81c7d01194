import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printList, printObject, resourceName } from '../../../simulator/src/kubectl/output';
import { toYaml } from '../../../simulator/src/kubectl/yaml';

const golden = (file: string): string => readFileSync(join(__dirname, 'golden', file), 'utf8');

/*
 * The expected files are the real kubectl's output (`kubectl create -f <input> --dry-run=client
 * -o yaml|json`, v1.35, which prints unstructured objects through sigs.k8s.io/yaml and
 * encoding/json exactly as `kubectl get -o yaml|json` does).
 */
describe('kubectl -o yaml|json|name', () => {
  for (const name of ['yaml-strings', 'yaml-structure']) {
    const object = JSON.parse(golden(`${name}.input.json`)) as Record<string, unknown>;
    it(`${name}: YAML byte for byte (quoting, block scalars, folding, key order)`, () => {
      assert.equal(printObject(object, 'yaml'), golden(`${name}.expected.yaml`));
    });
    it(`${name}: JSON byte for byte (sorted keys, 4 spaces, HTML escapes)`, () => {
      assert.equal(printObject(object, 'json'), golden(`${name}.expected.json`));
    });
  }

  it('names objects as kind.group/name', () => {
    assert.equal(printObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, 'name'), 'deployment.apps/web\n');
    assert.equal(resourceName({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1' } }), 'pod/web-1');
    assert.equal(resourceName({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop' } }), 'ingress.networking.k8s.io/shop');
  });

  it('hides managedFields', () => {
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', managedFields: [{ manager: 'kubectl' }] } };
    assert.equal(printObject(object, 'yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    assert.ok(object.metadata.managedFields, 'the input is left untouched');
  });

  it('wraps lists in a v1 List, empty ones included', () => {
    assert.equal(printList([], 'yaml'), 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    assert.equal(printList([], 'json'), '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    const two = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' } },
    ];
    assert.equal(printList(two, 'name'), 'pod/a\npod/b\n');
    assert.match(printList(two, 'yaml'), /^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Pod\n {2}metadata:\n {4}name: a\n- apiVersion/);
  });

  it('quotes what would not read back as a string, and only that', () => {
    const yaml = toYaml({ a: '08', b: '1.0', c: 'yes', d: 'null', e: '~', f: '0x10', g: 'true', h: 'web', i: '2024-01-01', j: 'v1.30', k: '1:20' });
    assert.equal(yaml, 'a: "08"\nb: "1.0"\nc: "yes"\nd: "null"\ne: "~"\nf: "0x10"\ng: "true"\nh: web\ni: "2024-01-01"\nj: v1.30\nk: "1:20"\n');
  });
});
