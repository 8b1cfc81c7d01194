import * as assert from 'node:assert/strict';
import { compareQuantities, formatQuantity, integerValue, milliValue, parseQuantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, type Quantity } from '../../../../simulator/src/api/quantity';

const parse = (input: string | number): Quantity => {
  const result = parseQuantity(input);
  assert.ok(result.ok, `${input}: ${result.ok ? '' : result.error}`);
  return result.quantity;
};

describe('api/quantity', () => {
  const canonical: [string | number, string][] = [
    ['500m', '500m'],
    ['0.5', '500m'],
    [0.5, '500m'],
    ['1000m', '1'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['128Mi', '128Mi'],
    ['1e3', '1e3'],
    ['1k', '1k'],
    ['1000', '1k'],
    ['100M', '100M'],
    ['0.1', '100m'],
    ['1n', '1n'],
    ['0.0000000001', '1n'],
    ['512', '512'],
    ['-1', '-1'],
    ['0', '0'],
    ['  2Gi ', '2Gi'],
    ['100Ki', '100Ki'],
    ['0.5Ki', '512'],
  ];
  for (const [input, expected] of canonical) it(`prints ${JSON.stringify(input)} as ${expected}`, () => assert.equal(formatQuantity(parse(input)), expected));

  const errors: [string, string][] = [
    ['', QUANTITY_FORMAT_ERROR],
    ['128mb', QUANTITY_FORMAT_ERROR],
    ['1 Gi', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1K', QUANTITY_SUFFIX_ERROR],
    ['1mi', QUANTITY_SUFFIX_ERROR],
    ['5e', QUANTITY_SUFFIX_ERROR],
  ];
  for (const [input, error] of errors) {
    it(`rejects ${JSON.stringify(input)}`, () => assert.deepEqual(parseQuantity(input), { ok: false, error }));
  }

  it('compares exactly across suffixes', () => {
    assert.equal(compareQuantities(parse('1Gi'), parse('1073741824')), 0);
    assert.equal(compareQuantities(parse('1G'), parse('1Gi')), -1);
    assert.equal(compareQuantities(parse('600m'), parse('0.5')), 1);
  });

  it('rounds up like MilliValue and Value', () => {
    assert.equal(milliValue(parse('1.5')), 1500n);
    assert.equal(milliValue(parse('1n')), 1n);
    assert.equal(integerValue(parse('500m')), 1n);
    assert.equal(integerValue(parse('2Ki')), 2048n);
  });
});
