import * as assert from 'node:assert/strict';
import { humanDuration, rfc1123z, since } from '../../../simulator/src/kubectl/age';
import { TABLE_TABWRITER, DESCRIBE_TABWRITER, alignTabs } from '../../../simulator/src/kubectl/tabwriter';

describe('ages (duration.HumanDuration)', () => {
  const s = 1000;
  const cases: [number, string][] = [
    [-5 * s, '<invalid>'], [-1 * s, '0s'], [0, '0s'], [59 * s, '59s'], [119 * s, '119s'], [120 * s, '2m'], [130 * s, '2m10s'],
    [599 * s, '9m59s'], [600 * s, '10m'], [179 * 60 * s, '179m'], [3 * 3600 * s, '3h'], [3 * 3600 * s + 60 * s, '3h1m'],
    [8 * 3600 * s, '8h'], [47 * 3600 * s, '47h'], [48 * 3600 * s, '2d'], [50 * 3600 * s, '2d2h'], [8 * 24 * 3600 * s, '8d'],
    [729 * 24 * 3600 * s, '729d'], [730 * 24 * 3600 * s, '2y'], [(730 + 329) * 24 * 3600 * s, '2y329d'], [9 * 365 * 24 * 3600 * s, '9y'],
  ];
  for (const [ms, text] of cases) it(`${ms / s}s -> ${text}`, () => assert.equal(humanDuration(ms), text));

  it('measures from the injected now and says <unknown> for a missing time', () => {
    assert.equal(since('2024-01-01T00:00:00Z', Date.parse('2024-01-01T00:05:00Z')), '5m');
    assert.equal(since(undefined, 0), '<unknown>');
  });

  it('formats absolute times like Go RFC1123Z, zero time included', () => {
    assert.equal(rfc1123z('2024-03-05T07:08:09Z'), 'Tue, 05 Mar 2024 07:08:09 +0000');
    assert.equal(rfc1123z(undefined), 'Mon, 01 Jan 0001 00:00:00 +0000');
  });
});

describe('tabwriter (text/tabwriter as kubectl configures it)', () => {
  it('pads each column to its widest cell plus 3, at least 6, and leaves the last cell alone', () => {
    assert.equal(alignTabs('NAME\tAGE\nx\t1d\n', TABLE_TABWRITER), 'NAME   AGE\nx      1d\n');
    assert.equal(alignTabs('A\tB\tC\n', TABLE_TABWRITER), 'A     B     C\n');
  });

  it('aligns blocks of consecutive lines only (describe)', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nContainers:\n  x:\n    Image:\tnginx\n';
    assert.equal(alignTabs(text, DESCRIBE_TABWRITER), 'Name:       web\nNamespace:  default\nContainers:\n  x:\n    Image:  nginx\n');
  });

  it('counts characters, not bytes', () => {
    assert.equal(alignTabs('nœud\tA\nn\tB\n', DESCRIBE_TABWRITER), 'nœud  A\nn     B\n');
  });
});
