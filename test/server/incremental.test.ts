import * as assert from 'node:assert/strict';
import { ParseCache, parseFile } from '../../server/src/documents/file';
import { computeDiagnostics, validationFindings } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ResourceIndex } from '../../server/src/workspace/resources';

// "After an edit to one document only that document is re-validated": the parse cache
// hands back the same ParsedManifest for an unchanged document text, and the API
// validation is memoised on that object. The benchmark (test/bench/lsp) shows the effect
// through JSON-RPC; these tests pin the mechanism.

const configMap = (name: string) => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, 'data:', '  mode: dev', ''].join('\n');
const deployment = (replicasKey: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    `  ${replicasKey}: 2`,
    '  selector:',
    '    matchLabels: { app: web }',
    '  template:',
    '    metadata:',
    '      labels: { app: web }',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    '',
  ].join('\n');

// Every document starts with its `---` marker, as kubectl writes them: each chunk's text
// then stays the same wherever the document moves.
const file = (...documents: string[]) => documents.map((document) => `---\n${document}`).join('');
const uri = 'file:///atelier/incremental.yaml';

describe('server: an edit re-parses and re-validates only the edited document', () => {
  it('reuses the parse of every untouched document after an edit', () => {
    const cache = new ParseCache();
    const before = parseFile(uri, 1, file(configMap('a'), deployment('replicas'), configMap('b')), cache);
    const after = parseFile(uri, 2, file(configMap('a'), deployment('replica'), configMap('b')), cache);
    assert.equal(after.documents.length, 3);
    assert.equal(after.documents[0]!.parsed, before.documents[0]!.parsed);
    assert.notEqual(after.documents[1]!.parsed, before.documents[1]!.parsed);
    assert.equal(after.documents[2]!.parsed, before.documents[2]!.parsed);
  });

  it('reuses the parses of documents that only moved (a document inserted above them)', () => {
    const cache = new ParseCache();
    const before = parseFile(uri, 1, file(configMap('a'), deployment('replicas')), cache);
    const after = parseFile(uri, 2, file(configMap('new'), configMap('a'), deployment('replicas')), cache);
    assert.equal(after.documents[1]!.parsed, before.documents[0]!.parsed);
    assert.equal(after.documents[2]!.parsed, before.documents[1]!.parsed);
    // The parse is the same object, but the document knows its new place in the file.
    assert.equal(after.documents[2]!.line, before.documents[1]!.line + 7);
  });

  it('memoises the API validation per parse: an untouched document is not validated again', () => {
    const cache = new ParseCache();
    const before = parseFile(uri, 1, file(deployment('replicas'), configMap('b')), cache);
    const findings = before.documents.map((document) => validationFindings(document.parsed));
    const after = parseFile(uri, 2, file(deployment('replica'), configMap('b')), cache);
    // Same array object: the memo answered, validateObject did not run again.
    assert.equal(validationFindings(after.documents[1]!.parsed), findings[1]);
    assert.equal(validationFindings(before.documents[0]!.parsed), findings[0]);
    // The edited document was validated anew, and its result is memoised in turn.
    const edited = validationFindings(after.documents[0]!.parsed);
    assert.notEqual(edited, findings[0]);
    assert.deepEqual(findings[0], []);
    assert.deepEqual(
      edited.map((finding) => [finding.code, finding.path]),
      [['unknown-field', ['spec', 'replica']]],
    );
    assert.equal(validationFindings(after.documents[0]!.parsed), edited);
  });

  it('gives the same diagnostics for the untouched documents, at their new lines', () => {
    const context = { settings: DEFAULT_SETTINGS, resources: new ResourceIndex() };
    const cache = new ParseCache();
    const broken = deployment('replica');
    const before = computeDiagnostics(parseFile(uri, 1, file(configMap('a'), broken), cache), context);
    const after = computeDiagnostics(parseFile(uri, 2, file(configMap('a'), configMap('c'), broken), cache), context);
    const unknown = (diagnostics: typeof before) => diagnostics.filter((d) => d.code === 'unknown-field').map((d) => d.range.start.line);
    assert.deepEqual(unknown(before), [13]);
    assert.deepEqual(unknown(after), [20]);
  });
});
