import * as assert from 'node:assert/strict';
import { cursorSite } from '../../../../server/src/features/completion/cursor';
import { withCaret } from '../fixtures';

/** The site at the caret, reduced to what a table can say. */
function siteAt(source: string, marker = '|') {
  const { text, offset } = withCaret(source, marker);
  const site = cursorSite(text, offset);
  return site && { mode: site.mode, path: site.path, prefix: site.prefix, present: [...site.present].sort() };
}

describe('server/features/completion/cursor: where the cursor is in YAML being typed', () => {
  const cases: [string, string, ReturnType<typeof siteAt>][] = [
    ['an empty document', '|', { mode: 'key', path: [], prefix: '', present: [] }],
    ['a half-typed key', 'spec:\n  rep|\n', { mode: 'key', path: ['spec'], prefix: 'rep', present: [] }],
    ['a half-typed key the parser folds into the next one', 'spec:\n  rep|\n  template:\n    spec: {}\n', { mode: 'key', path: ['spec'], prefix: 'rep', present: ['template'] }],
    ['an empty line at a deeper indentation', 'spec:\n  template:\n    |\n', { mode: 'key', path: ['spec', 'template'], prefix: '', present: [] }],
    ['an empty line back at a shallower indentation', 'spec:\n  template:\n    metadata: {}\n  |\n', { mode: 'key', path: ['spec'], prefix: '', present: ['template'] }],
    ['a new list item', 'spec:\n  containers:\n    - name: a\n    - |\n', { mode: 'key', path: ['spec', 'containers', 1], prefix: '', present: [] }],
    ['a list item at the indentation of its key', 'spec:\n  containers:\n  - name: a\n  - |\n', { mode: 'key', path: ['spec', 'containers', 1], prefix: '', present: [] }],
    ['the next key of a list item', 'spec:\n  containers:\n    - name: a\n      |\n      image: x\n', { mode: 'key', path: ['spec', 'containers', 0], prefix: '', present: ['image', 'name'] }],
    ['the second item of a list, below another', 'c:\n  - a: 1\n    b: 2\n  - a: 3\n    |\n', { mode: 'key', path: ['c', 1], prefix: '', present: ['a'] }],
    ['a nested list', 'a:\n  - - x\n    - |\n', { mode: 'key', path: ['a', 0, 1], prefix: '', present: [] }],
    ['a value after `key: `', 'spec:\n  type: Clu|\n', { mode: 'value', path: ['spec', 'type'], prefix: 'Clu', present: [] }],
    ['a value right after the colon', 'spec:\n  type:|\n', { mode: 'value', path: ['spec', 'type'], prefix: '', present: [] }],
    ['a value in a list item', 'spec:\n  ports:\n    - port: 80\n      targetPort: |\n', { mode: 'value', path: ['spec', 'ports', 0, 'targetPort'], prefix: '', present: [] }],
    ['a value on the line of the dash', 'spec:\n  containers:\n    - image: ngi|\n', { mode: 'value', path: ['spec', 'containers', 0, 'image'], prefix: 'ngi', present: [] }],
    ['a value with a comment after it', 'spec:\n  type: |  # le type\n', { mode: 'value', path: ['spec', 'type'], prefix: '', present: [] }],
    ['a quoted value', 'spec:\n  type: "Clu|"\n', { mode: 'value', path: ['spec', 'type'], prefix: 'Clu', present: [] }],
    ['a key after a document marker', 'a: 1\n---\nb:\n  |\n', { mode: 'key', path: ['b'], prefix: '', present: [] }],
    ['a key after a block scalar', 'data:\n  script: |\n    echo a: b\n  ¦\n', { mode: 'key', path: ['data'], prefix: '', present: ['script'] }],
    ['a key with CRLF line ends', 'spec:\r\n  replicas: 1\r\n  |\r\n', { mode: 'key', path: ['spec'], prefix: '', present: ['replicas'] }],
    ['a quoted key above', 'metadata:\n  labels:\n    "app.kubernetes.io/name": web\n    |\n', { mode: 'key', path: ['metadata', 'labels'], prefix: '', present: ['app.kubernetes.io/name'] }],
  ];
  for (const [situation, source, expected] of cases) {
    it(`reads ${situation}`, () => {
      const marker = source.includes('¦') ? '¦' : '|';
      assert.deepEqual(siteAt(source, marker), expected);
    });
  }

  const nothing: [string, string][] = [
    ['inside a block scalar', 'data:\n  script: |\n    echo\n    ¦\n'],
    ['inside a comment', 'spec:\n  # rep¦\n'],
    ['after a block scalar indicator', 'data:\n  script: >¦\n'],
    ['in a flow collection', 'spec:\n  ports: [¦\n'],
    ['after a lone dash', 'spec:\n  -¦\n'],
    ['in a top-level list', '- a: 1\n  ¦\n'],
  ];
  for (const [situation, source] of nothing) {
    it(`offers nothing ${situation}`, () => {
      assert.equal(siteAt(source, '¦'), undefined);
    });
  }
});
