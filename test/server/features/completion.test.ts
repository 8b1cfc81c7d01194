import * as assert from 'node:assert/strict';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, InsertTextMode } from 'vscode-languageserver';
import { documentAtOffset, ParseCache } from '../../../server/src/documents/file';
import { provideCompletion } from '../../../server/src/features/completion';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { ResourceIndex } from '../../../server/src/workspace/resources';
import { accept, complete, docOf, item, labels } from './completion/helpers';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';

describe('server/features/completion: property names', () => {
  it('offers the properties of the object at the cursor, required ones first', () => {
    const found = labels(complete(`${DEPLOYMENT}spec:\n  |\n`));
    assert.deepEqual(found.slice(0, 2), ['selector', 'template']);
    for (const name of ['replicas', 'strategy', 'minReadySeconds', 'revisionHistoryLimit']) assert.ok(found.includes(name), name);
  });

  it('describes each property with its type, a one-line French summary and its French documentation', () => {
    const replicas = item(complete(`${DEPLOYMENT}spec:\n  |\n`), 'replicas');
    assert.equal(replicas.kind, CompletionItemKind.Property);
    assert.equal(replicas.detail, 'int32');
    assert.equal(replicas.labelDetails?.description, 'Nombre de Pods identiques que tu veux voir tourner');
    assert.ok(!replicas.labelDetails?.description?.includes('\n'));
    assert.match(docOf(replicas), /Le Deployment, via son ReplicaSet/);
    assert.match(docOf(replicas), /Valeur par défaut : 1/);
    assert.match(docOf(replicas), /Chapitre : Les ressources de base/);
  });

  it('marks required properties in the label details', () => {
    const items = complete(`${DEPLOYMENT}spec:\n  |\n`);
    assert.equal(item(items, 'selector').labelDetails?.detail, ' (obligatoire)');
    assert.equal(item(items, 'replicas').labelDetails?.detail, undefined);
  });

  it('omits the properties already written, above and below the cursor', () => {
    const found = labels(complete(`${DEPLOYMENT}spec:\n  replicas: 2\n  |\n  template: {}\n`));
    assert.ok(!found.includes('replicas'));
    assert.ok(!found.includes('template'));
    assert.ok(found.includes('selector'));
  });

  it('omits status and the fields the API server sets', () => {
    assert.ok(!labels(complete(`apiVersion: apps/v1\nkind: Deployment\n|`)).includes('status'));
    const metadata = labels(complete(`apiVersion: v1\nkind: Pod\nmetadata:\n  |\n`));
    for (const serverSet of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink']) {
      assert.ok(!metadata.includes(serverSet), serverSet);
    }
    assert.equal(metadata[0], 'name');
  });

  it('puts deprecated properties last, tagged as such', () => {
    const items = complete(`${POD}spec:\n  |\n`);
    const serviceAccount = item(items, 'serviceAccount');
    assert.deepEqual(serviceAccount.tags, [CompletionItemTag.Deprecated]);
    assert.equal(labels(items).at(-1), 'serviceAccount');
  });

  it('inserts `key: ` for a scalar', () => {
    assert.equal(accept(`${DEPLOYMENT}spec:\n  rep|\n`, 'replicas'), `${DEPLOYMENT}spec:\n  replicas: \n`);
  });

  it('inserts the key and an indented line for an object', () => {
    assert.equal(accept(`${DEPLOYMENT}spec:\n  str|\n`, 'strategy'), `${DEPLOYMENT}spec:\n  strategy:\n    \n`);
  });

  it('inserts the key and an indented `- ` for a list', () => {
    const source = `${DEPLOYMENT}spec:\n  template:\n    spec:\n      cont|\n`;
    assert.equal(accept(source, 'containers'), `${DEPLOYMENT}spec:\n  template:\n    spec:\n      containers:\n        - \n`);
  });

  it('writes the indentation itself (insertTextMode asIs), so that no editor indents it twice', () => {
    const strategy = item(complete(`${DEPLOYMENT}spec:\n  |\n`), 'strategy');
    assert.equal(strategy.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(strategy.insertTextMode, InsertTextMode.asIs);
  });

  it('replaces only the name when the key already has its colon', () => {
    assert.equal(accept(`${DEPLOYMENT}spec:\n  rep|licas: 3\n`, 'replicas'), `${DEPLOYMENT}spec:\n  replicas: 3\n`);
  });

  it('offers the properties of a list item after `- `', () => {
    const found = labels(complete(`${POD}spec:\n  containers:\n    - |\n`));
    assert.deepEqual(found.slice(0, 2), ['image', 'name']);
    assert.ok(found.includes('ports'));
  });

  it('offers the remaining properties of a list item on the following lines', () => {
    const found = labels(complete(`${POD}spec:\n  containers:\n    - name: web\n      |\n`));
    assert.equal(found[0], 'image');
    assert.ok(!found.includes('name'));
  });

  it("offers an item's keys under a list's key before its `- `, inserting the dash", () => {
    const source = `${POD}spec:\n  containers:\n    na|\n`;
    assert.equal(accept(source, 'name'), `${POD}spec:\n  containers:\n    - name: \n`);
    assert.equal(accept(`${POD}spec:\n  containers:\n    po|\n`, 'ports'), `${POD}spec:\n  containers:\n    - ports:\n        - \n`);
  });

  it('finds the object while a half-typed key breaks the YAML below it', () => {
    const source = `${DEPLOYMENT}spec:\n  rep|\n  template:\n    metadata:\n      labels:\n        app: web\n`;
    const found = labels(complete(source));
    assert.ok(found.includes('replicas'));
    assert.ok(!found.includes('template'));
  });

  it('offers the top-level fields of the kind', () => {
    const found = labels(complete('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n|'));
    assert.deepEqual(found, ['spec']);
  });

  it('offers apiVersion, kind and metadata at the top level of a document of unknown kind', () => {
    const found = labels(complete('metadata:\n  name: web\n|'));
    assert.deepEqual(found, ['apiVersion', 'kind']);
  });

  it('offers nothing inside a block scalar, a comment or a field the schema does not know', () => {
    assert.deepEqual(complete(`${POD}spec:\n  containers:\n    - name: web\n      args:\n        - |\n          echo¦\n`, { marker: '¦' }), []);
    assert.deepEqual(complete(`${POD}spec:\n  # rep|\n`), []);
    assert.deepEqual(complete(`${POD}spec:\n  inconnu:\n    |\n`), []);
  });

  it('gives plain text to clients without snippet support', () => {
    const items = complete(`${DEPLOYMENT}spec:\n  |\n`, { options: { snippetSupport: false } });
    for (const candidate of items) assert.notEqual(candidate.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal((item(items, 'strategy').textEdit as { newText: string }).newText, 'strategy:\n    ');
  });

  it('never throws, whatever the text and the offset', () => {
    const texts = ['', '---', ': :', '- - -\n  - :', 'a: [b, {c: d', '\t\tkind: x', 'kind: Pod\nspec:\n  containers:\n   - :\n - x', '"a\\', '&a [*a, *a]'];
    const cache = new ParseCache();
    const context = { settings: DEFAULT_SETTINGS, resources: new ResourceIndex(), images: [] };
    for (const text of texts) {
      for (let offset = 0; offset <= text.length; offset++) {
        const document = documentAtOffset(text, offset, cache)!;
        assert.doesNotThrow(() => provideCompletion(document, offset - document.offset, context));
      }
    }
  });

  it('serves a 5,000-line file, parsing only the documents under the cursor', () => {
    const documents: string[] = [];
    for (let i = 0; documents.join('\n').split('\n').length < 5_000; i++) {
      documents.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web-${i}\n  template:\n    metadata:\n      labels:\n        app: web-${i}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n`);
    }
    const text = `${documents.join('---\n')}---\napiVersion: v1\nkind: Service\nspec:\n  selector:\n    app: web-3\n  ports:\n    - port: 80\n      targetPort: `;
    const cache = new ParseCache();
    const context = { settings: DEFAULT_SETTINGS, resources: new ResourceIndex(), images: [] };
    // Timing is measured by npm run bench; here, that only the documents under the cursor are parsed.
    for (let run = 0; run < 4; run++) {
      const offset = run % 2 === 0 ? text.length : text.indexOf('  replicas', text.length / 2);
      const document = documentAtOffset(text, offset, cache)!;
      assert.ok(Array.isArray(provideCompletion(document, offset - document.offset, context).items));
    }
    assert.equal(cache.size, 2);
  });
});
