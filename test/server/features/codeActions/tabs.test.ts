import * as assert from 'node:assert/strict';
import { applyAction, applyFix, assertValidYaml, diagnosticsOf, fixesFor } from './helpers';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n';

describe('server/features/codeActions: yaml-tab', () => {
  it("replaces each tab of the line's indentation with two spaces", () => {
    const text = `${HEAD}\tname: conf\ndata:\n  a: "1"\n`;
    assert.deepEqual(fixesFor(text, 'yaml-tab').titles, ['Remplacer les tabulations de cette ligne par des espaces']);
    assert.equal(applyFix(text, 'yaml-tab'), `${HEAD}  name: conf\ndata:\n  a: "1"\n`);
  });

  it('offers the whole document when several lines are indented with tabs, leaving tabs inside values', () => {
    const text = `${HEAD}\tname: conf\ndata:\n\ta: "x\\ty"\n\t\n`;
    const { titles, actions } = fixesFor(text, 'yaml-tab');
    assert.equal(titles[1], 'Remplacer les tabulations d’indentation de tout le document par des espaces');
    const after = applyAction(text, actions[1]);
    assertValidYaml(after);
    assert.ok(after.startsWith(`${HEAD}  name: conf\ndata:\n  a: "x\\ty"\n`), after);
    assert.deepEqual(diagnosticsOf(after).map((diagnostic) => diagnostic.code), []);
  });
});
