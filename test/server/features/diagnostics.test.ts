import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { ParseCache, parseFile } from '../../../server/src/documents/file';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../../server/src/settings';
import { ResourceIndex } from '../../../server/src/workspace/resources';

function diagnose(text: string, settings: Settings = DEFAULT_SETTINGS) {
  const file = parseFile('file:///t.yaml', 1, text, new ParseCache());
  return computeDiagnostics(file, { settings, resources: new ResourceIndex() });
}

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: ${image}\n`;

describe('server/features/diagnostics', () => {
  it('reports YAML syntax errors in French, positioned', () => {
    const diagnostics = diagnose('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   data: x\n');
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
      assert.equal(diagnostic.code, 'yaml-syntax');
      assert.equal(diagnostic.range.start.line, 3);
    }
    assert.match(diagnostics[0]!.message, /clé/);
  });

  it('reports duplicate keys, which Kubernetes refuses', () => {
    const diagnostics = diagnose('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\n');
    const duplicate = diagnostics.find((d) => d.code === 'yaml-duplicate-key');
    assert.ok(duplicate);
    assert.equal(duplicate.range.start.line, 4);
  });

  it('stops a YAML bomb with a clear error instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n${levels.join('\n')}\n`;
    // Expanded, the bomb is 9^8 nodes: minutes of work. A bound far above the few ms it takes
    // catches an expansion without failing on a loaded machine.
    const start = performance.now();
    const diagnostics = diagnose(bomb);
    assert.ok(performance.now() - start < 10_000);
    assert.ok(diagnostics.some((d) => d.code === 'yaml-bomb' && /bombe YAML/.test(d.message)));
  });

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`;
    const diagnostics = diagnose(deep);
    assert.ok(diagnostics.some((d) => d.code === 'yaml-too-deep' || d.severity === DiagnosticSeverity.Error));
  });

  it('leaves YAML that is not Kubernetes alone, even when broken', () => {
    assert.deepEqual(diagnose('services:\n  web:\n    image: nginx\n'), []);
    assert.deepEqual(diagnose('name: CI\non: [push]\njobs:\n  build:\n   runs-on: x\n    steps: []\n'), []);
  });

  it('validates each document of a multi-document file at its own lines', () => {
    const text = `${pod('nginx:1.27')}---\n${pod('nginx:1.27').replace('containers', 'containerz')}`;
    const unknown = diagnose(text).filter((d) => d.code === 'unknown-field');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]!.range.start.line, 8 + 1 + 5);
  });

  it('predicts the API server: the French explanation, then the kube-apiserver text', () => {
    const [diagnostic] = diagnose(pod('nginx:1.27').replace('name: web\nspec', 'name: Web\nspec')).filter((d) => d.code === 'name-invalid');
    assert.ok(diagnostic);
    assert.match(diagnostic.message, /kube-apiserver : metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/);
  });

  it('lets the user turn a rule off or change its severity', () => {
    const latest = pod('nginx');
    assert.ok(diagnose(latest).some((d) => d.code === 'image-latest' && d.severity === DiagnosticSeverity.Warning));
    assert.ok(!diagnose(latest, parseSettings({ rules: { 'image-latest': 'off' } })).some((d) => d.code === 'image-latest'));
    const asError = diagnose(latest, parseSettings({ rules: { 'image-latest': 'error', 'unknown-rule': 'loud' } }));
    assert.equal(asError.find((d) => d.code === 'image-latest')?.severity, DiagnosticSeverity.Error);
  });
});
