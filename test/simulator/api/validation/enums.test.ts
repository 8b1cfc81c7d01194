import * as assert from 'node:assert/strict';
import { ENUMS, enumValues } from '../../../../simulator/src/api/enums';
import { definition } from '../../../../simulator/src/api/schemas';

describe('api/enums', () => {
  for (const key of Object.keys(ENUMS)) {
    it(`${key} names a string property of the schemas`, () => {
      const at = key.lastIndexOf('.');
      const property = definition(key.slice(0, at))?.properties?.[key.slice(at + 1)];
      assert.ok(property, key);
      assert.ok(property.type === 'string' || property.items?.type === 'string', key);
    });
  }

  it('keeps upstream order, not alphabetical, where upstream lists values', () => {
    assert.deepEqual(enumValues('core.v1.PodSpec', 'restartPolicy'), ['Always', 'OnFailure', 'Never']);
    assert.deepEqual(enumValues('networking.v1.NetworkPolicyPort', 'protocol'), ['TCP', 'UDP', 'SCTP']);
  });

  it('answers undefined for a free-form field', () => assert.equal(enumValues('core.v1.Container', 'image'), undefined));
});
