import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { COURSE_KINDS } from '../../../../simulator/src/api/docs/index';
import { validateObject } from '../../../../simulator/src/api/validation/index';
import { SKELETONS } from '../../../../server/src/features/completion/skeletons';
import { snippetToPlain } from '../../../../server/src/features/completion/text';
import { accept, complete, docOf, item, labels } from './helpers';

const COURSE_KIND_NAMES = COURSE_KINDS.map((name) => name.split('.').pop()!);

describe('server/features/completion: skeletons', () => {
  it('has a skeleton for every kind of the course', () => {
    assert.deepEqual(Object.keys(SKELETONS).sort(), [...COURSE_KIND_NAMES].sort());
  });

  for (const kind of COURSE_KIND_NAMES) {
    it(`gives a ${kind} that the API server accepts as it is`, () => {
      const object = parse(snippetToPlain(SKELETONS[kind]!)) as Record<string, unknown>;
      assert.equal(object.kind, kind);
      assert.ok(kindInfo(object.apiVersion as string, kind), `${kind} is served as ${String(object.apiVersion)}`);
      assert.deepEqual(validateObject(object).findings.map((finding) => finding.message), []);
    });
  }

  it('offers one skeleton per course kind in an empty document', () => {
    const items = complete('|');
    const skeletons = items.filter((candidate) => candidate.kind === CompletionItemKind.Snippet);
    assert.deepEqual(labels(skeletons), COURSE_KIND_NAMES);
    const deployment = item(items, 'Deployment');
    assert.equal(deployment.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(docOf(deployment), /Un Deployment gère des Pods/);
    assert.match(docOf(deployment), /```yaml\napiVersion: apps\/v1\nkind: Deployment\n/);
  });

  it('inserts the whole manifest in place of the word typed', () => {
    const text = accept('# Mon application\nServ|', 'Service');
    assert.equal(text, `# Mon application\n${snippetToPlain(SKELETONS.Service!)}`);
    assert.match(text, /type: ClusterIP\n/);
  });

  it('offers the skeletons in an empty document after a `---`', () => {
    const found = labels(complete('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n|'));
    assert.ok(found.includes('Deployment'));
  });

  it('offers the rest of the skeleton after a lone `kind:`', () => {
    const items = complete('apiVersion: apps/v1\nkind: Deployment\n|');
    assert.equal(labels(items)[0], 'Deployment (squelette)');
    const text = accept('apiVersion: apps/v1\nkind: Deployment\n|', 'Deployment (squelette)');
    assert.equal(text, snippetToPlain(SKELETONS.Deployment!));
  });

  it("writes the kind's apiVersion above it when it is missing", () => {
    const text = accept('kind: Service\n|', 'Service (squelette)');
    assert.equal(text, snippetToPlain(SKELETONS.Service!));
  });

  it('offers a generic skeleton for a kind the course has none for', () => {
    assert.equal(accept('kind: Lease\n|', 'Lease (squelette)'), 'apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: nom\nspec:\n  ');
  });

  it('offers no skeleton once the document has more than its kind', () => {
    const found = labels(complete('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n|'));
    assert.ok(!found.some((label) => label.includes('squelette')));
    assert.deepEqual(found, ['spec']);
  });
});
