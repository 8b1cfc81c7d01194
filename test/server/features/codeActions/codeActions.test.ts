import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { provideCodeActions } from '../../../../server/src/features/codeActions';
import { fileOf } from '../fixtures';
import { applyFix, contextOf, diagnosticsOf, URI, yaml } from './helpers';

const TWO = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: conf
  data:
    a: "1"
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: web
        image: nginx
        resources:
          limits: {cpu: 500m}
`;

function imageDiagnostic(text: string): Diagnostic {
  const diagnostic = diagnosticsOf(text).find((found) => found.code === 'image-latest');
  assert.ok(diagnostic);
  return diagnostic;
}

function actionsFor(text: string, diagnostics: Diagnostic[], range = diagnostics[0]!.range): CodeAction[] {
  const file = fileOf(text, URI);
  return provideCodeActions(file, range, diagnostics, contextOf(file));
}

describe('server/features/codeActions', () => {
  it('edits the document the diagnostic is about, at its lines in the file', () => {
    const after = applyFix(TWO, 'image-latest');
    assert.equal(after, TWO.replace('image: nginx\n', 'image: nginx:1.27\n'));
  });

  it('answers for a caret anywhere on the diagnostic, not elsewhere', () => {
    const diagnostic = imageDiagnostic(TWO);
    const caret = { start: diagnostic.range.end, end: diagnostic.range.end };
    assert.equal(actionsFor(TWO, [diagnostic], caret).length, 1);
    const elsewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.deepEqual(actionsFor(TWO, [diagnostic], elsewhere), []);
  });

  it("ignores other tools' diagnostics, unknown codes and data it cannot trust", () => {
    const diagnostic = imageDiagnostic(TWO);
    assert.deepEqual(actionsFor(TWO, [{ ...diagnostic, source: 'yaml' }]), []);
    assert.deepEqual(actionsFor(TWO, [{ ...diagnostic, code: 'no-such-rule' }]), []);
    assert.deepEqual(actionsFor(TWO, [{ ...diagnostic, data: undefined }]), []);
    assert.deepEqual(actionsFor(TWO, [{ ...diagnostic, data: { path: 'spec', document: 1 } }]), []);
    assert.deepEqual(actionsFor(TWO, [{ ...diagnostic, data: { ...(diagnostic.data as object), document: 7 } }]), []);
  });

  it('offers nothing when the text has changed under a stale diagnostic', () => {
    const diagnostic = imageDiagnostic(TWO);
    assert.deepEqual(actionsFor(TWO.replace('image: nginx', 'image: redis'), [diagnostic]), []);
  });

  it('answers every diagnostic it is given, each action naming its own', () => {
    const diagnostics = diagnosticsOf(TWO).filter((found) => found.code === 'image-latest' || found.code === 'resources-missing');
    const actions = actionsFor(TWO, diagnostics, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } });
    assert.deepEqual(
      actions.map((action) => [action.title, action.diagnostics?.[0]?.code]),
      [
        ["Fixer la version de l'image : nginx:1.27", 'image-latest'],
        ['Ajouter des requests/limits de départ (à ajuster)', 'resources-missing'],
      ],
    );
    assert.ok(actions.every((action) => action.kind === 'quickfix'));
  });

  it('keeps the line breaks of a Windows file (CRLF) in what it inserts', () => {
    const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n    - name: web\r\n      image: nginx:1.27\r\n';
    const after = applyFix(text, 'resources-missing');
    assert.ok(after.startsWith(text), after);
    assert.ok(!/[^\r]\n/.test(after), JSON.stringify(after));
    const withAccount = text.replace('  containers:', '  serviceAccountName: robot\r\n  containers:');
    const created = applyFix(withAccount, 'reference-missing');
    assert.ok(created.endsWith('---\r\n# Créé par la correction rapide.\r\napiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n  name: robot\r\n'), JSON.stringify(created));
  });
});
