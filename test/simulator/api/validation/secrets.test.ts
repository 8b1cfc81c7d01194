import * as assert from 'node:assert/strict';
import { decodeBase64 } from '../../../../simulator/src/api/validation/rules/secrets';
import { findings, table } from './helpers';

const secret = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, ...extra });
const configMap = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, ...extra });

describe('api/validation secrets and configmaps', () => {
  table([
    { name: 'accepts base64 data and clear stringData', object: secret({ data: { password: 'czNjcjN0' }, stringData: { user: 'admin' } }), expected: [] },
    { name: 'golden: data must be base64', object: secret({ data: { password: 's3cr3t!' } }), expected: ['illegal base64 data at input byte 6'] },
    {
      name: 'golden: a data key with a space',
      object: configMap({ data: { 'app config': 'x' } }),
      expected: [
        "data[app config]: Invalid value: \"app config\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    },
    { name: 'rejects a key starting with ..', object: configMap({ data: { '..data': 'x' } }), expected: ["data[..data]: Invalid value: \"..data\": must not start with '..'"] },
    { name: 'limits a Secret to 1 MiB', object: secret({ stringData: { big: 'x'.repeat(1024 * 1024 + 1) } }), expected: ['data: Too long: must have at most 1048576 bytes'] },
    { name: 'limits a ConfigMap to 1 MiB, naming no field', object: configMap({ data: { big: 'x'.repeat(1024 * 1024 + 1) } }), expected: [': Too long: must have at most 1048576 bytes'] },
    { name: 'requires tls.crt and tls.key in a TLS Secret', object: secret({ type: 'kubernetes.io/tls', data: {} }), expected: ['data[tls.crt]: Required value', 'data[tls.key]: Required value'] },
  ]);

  it('reports a base64 error as a decode finding', () => {
    const finding = findings(secret({ data: { password: 'abc' } })).at(0);
    assert.ok(finding);
    assert.equal(finding.phase, 'decode');
    assert.equal(finding.field, 'data[password]');
    assert.match(finding.fr, /stringData/);
  });

  const cases: [string, number | string][] = [
    ['', 0],
    ['YQ==', 1],
    ['YWI=', 2],
    ['YWJj', 3],
    ['YWJj\nZGVm', 6],
    ['abc', 'illegal base64 data at input byte 0'],
    ['YQ=', 'illegal base64 data at input byte 3'],
    ['YQ==YQ==', 'illegal base64 data at input byte 4'],
    ['Y*==', 'illegal base64 data at input byte 1'],
  ];
  for (const [input, expected] of cases) {
    it(`decodes ${JSON.stringify(input)} like Go's base64.StdEncoding`, () => {
      const result = decodeBase64(input);
      assert.deepEqual('corrupt' in result ? `illegal base64 data at input byte ${result.corrupt}` : result.length, expected);
    });
  }
});
