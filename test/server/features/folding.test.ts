import * as assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver';
import { provideFoldingRanges } from '../../../server/src/features/folding';
import { fileOf } from './fixtures';

// Line numbers are in the comments: the expected ranges read against them.
const DEPLOYMENT = [
  'apiVersion: apps/v1', //        0
  'kind: Deployment', //           1
  'metadata:', //                  2
  '  name: web', //                3
  '  labels: {app: web}', //       4
  'spec:', //                      5
  '  template:', //                6
  '    spec:', //                  7
  '      containers:', //          8
  '        - name: nginx', //      9
  '          image: nginx', //     10
  '        - name: sidecar', //    11
  '          image: busybox', //   12
  '', //                           13
].join('\n');

function pairs(ranges: readonly FoldingRange[]): [number, number][] {
  return ranges.map((range) => [range.startLine, range.endLine]);
}

describe('server/features/folding', () => {
  it('folds every multi-line map and list, from its key to its last line', () => {
    assert.deepEqual(pairs(provideFoldingRanges(fileOf(DEPLOYMENT))), [
      [2, 4], // metadata
      [5, 12], // spec
      [6, 12], // template
      [7, 12], // template.spec
      [8, 12], // containers
      [9, 10], // the first container
      [11, 12], // the second container
    ]);
  });

  it('leaves single-line fields and flow maps unfolded', () => {
    const lines = pairs(provideFoldingRanges(fileOf(DEPLOYMENT))).map(([start]) => start);
    assert.ok(!lines.includes(3) && !lines.includes(4));
  });

  it('ends a block on its last content line, not on the blank lines or comments after it', () => {
    const text = 'metadata:\n  name: web\n\n\nspec:\n  replicas: 1\n\n';
    assert.deepEqual(pairs(provideFoldingRanges(fileOf(text))), [
      [0, 1],
      [4, 5],
    ]);
  });

  it('folds each document of a multi-document file, from its --- line', () => {
    const text = `${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nspec:\n  type: ClusterIP\n\n---\n# empty\n`;
    const ranges = pairs(provideFoldingRanges(fileOf(text)));
    assert.deepEqual(ranges[0], [0, 12]); // the Deployment; its first line holds no block of its own
    assert.ok(ranges.some(([start, end]) => start === 13 && end === 17), JSON.stringify(ranges)); // the Service
    assert.ok(ranges.some(([start, end]) => start === 16 && end === 17)); // its spec
    assert.ok(!ranges.some(([start]) => start === 19), 'a comment-only document does not fold');
  });

  it('does not fold the only document of a file', () => {
    assert.ok(!pairs(provideFoldingRanges(fileOf(DEPLOYMENT))).some(([start, end]) => start === 0 && end === 12));
  });

  it('folds multi-line block scalars', () => {
    const text = 'data:\n  script: |\n    echo one\n    echo two\n';
    assert.deepEqual(pairs(provideFoldingRanges(fileOf(text))), [
      [0, 3],
      [1, 3],
    ]);
  });

  it('keeps one range per start line, the largest', () => {
    const text = '---\nspec:\n  a: 1\n---\nlist:\n  - a:\n      b: 1\n';
    const starts = pairs(provideFoldingRanges(fileOf(text))).map(([start]) => start);
    assert.deepEqual(starts, [...new Set(starts)].sort((a, b) => a - b));
  });

  it("keeps the outermost ranges when the client caps their number", () => {
    assert.deepEqual(pairs(provideFoldingRanges(fileOf(DEPLOYMENT), 2)), [
      [5, 12],
      [6, 12],
    ]);
    assert.deepEqual(provideFoldingRanges(fileOf(DEPLOYMENT), 0), []);
  });

  it('never throws on malformed YAML, and every range goes down the file', () => {
    const source = `${DEPLOYMENT}  - oops: [1,\n\t: x\n---\nk: &a [*a, "open\n---\n`;
    for (let length = 0; length <= source.length; length++) {
      const ranges = provideFoldingRanges(fileOf(source.slice(0, length)));
      for (const range of ranges) assert.ok(range.endLine > range.startLine, `${length}: ${JSON.stringify(range)}`);
    }
  });

  // Timing is measured by npm run bench; here, that a big file is fully served.
  it('serves a 5,000-line file', () => {
    const body = Array.from({ length: 500 }, (_, index) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${index}\ndata:\n  a: "1"\n  b: |\n    x\n    y\n`);
    const file = fileOf(body.join(''));
    const ranges = provideFoldingRanges(file);
    assert.equal(ranges.length, 500 * 4);
  });
});
