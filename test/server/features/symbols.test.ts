import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import { MAX_SYMBOL_DEPTH, MAX_SYMBOLS_PER_DOCUMENT, provideDocumentSymbols } from '../../../server/src/features/symbols';
import { fileOf } from './fixtures';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  paused: false
  template:
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          args: ["--port", "80"]
        - image: busybox
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ClusterIP
`;

function child(symbol: DocumentSymbol | undefined, ...names: string[]): DocumentSymbol {
  let current = symbol;
  for (const name of names) {
    current = current?.children?.find((candidate) => candidate.name === name);
    assert.ok(current, `no symbol ${names.join(' > ')}`);
  }
  return current!;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function all(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...all(symbol.children ?? [])]);
}

function depth(symbol: DocumentSymbol): number {
  return 1 + Math.max(0, ...(symbol.children ?? []).map(depth));
}

describe('server/features/symbols', () => {
  it('gives one Class symbol per document, named after its kind and name', () => {
    const symbols = provideDocumentSymbols(fileOf(`${DEPLOYMENT}---\n${SERVICE}`));
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.kind, symbol.detail]), [
      ['Deployment web', SymbolKind.Class, 'apps/v1'],
      ['Service web', SymbolKind.Class, 'v1'],
    ]);
  });

  it("spans each document, and selects its kind's value", () => {
    const [deployment, service] = provideDocumentSymbols(fileOf(`${DEPLOYMENT}---\n${SERVICE}`));
    assert.deepEqual(deployment!.range, { start: { line: 0, character: 0 }, end: { line: 13, character: 24 } });
    assert.deepEqual(deployment!.selectionRange, { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } });
    // The `---` line opens the second document.
    assert.deepEqual(service!.range, { start: { line: 14, character: 0 }, end: { line: 19, character: 17 } });
    assert.deepEqual(service!.selectionRange, { start: { line: 16, character: 6 }, end: { line: 16, character: 13 } });
  });

  it('lists the top-level fields with their kinds, and leaves with their value as detail', () => {
    const [deployment] = provideDocumentSymbols(fileOf(DEPLOYMENT));
    assert.deepEqual(deployment!.children!.map((symbol) => [symbol.name, symbol.kind]), [
      ['apiVersion', SymbolKind.String],
      ['kind', SymbolKind.String],
      ['metadata', SymbolKind.Object],
      ['spec', SymbolKind.Object],
    ]);
    assert.equal(child(deployment, 'kind').detail, 'Deployment');
    assert.equal(child(deployment, 'spec', 'replicas').kind, SymbolKind.Number);
    assert.equal(child(deployment, 'spec', 'paused').kind, SymbolKind.Boolean);
    assert.equal(child(deployment, 'spec', 'template', 'spec', 'containers').kind, SymbolKind.Array);
  });

  it('names list items by their name, their value or their index', () => {
    const [deployment] = provideDocumentSymbols(fileOf(DEPLOYMENT));
    const containers = child(deployment, 'spec', 'template', 'spec', 'containers');
    assert.deepEqual(containers.children!.map((symbol) => [symbol.name, symbol.kind]), [
      ['nginx', SymbolKind.Object],
      ['[1]', SymbolKind.Object],
    ]);
    // The container is selected by its name's value.
    assert.deepEqual(containers.children![0]!.selectionRange, { start: { line: 10, character: 16 }, end: { line: 10, character: 21 } });
    const [pod] = provideDocumentSymbols(fileOf('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - args: ["--port", "80"]\n'));
    assert.deepEqual(child(pod, 'spec', 'containers', '[0]', 'args').children!.map((symbol) => [symbol.name, symbol.detail]), [
      ['--port', undefined],
      ['80', undefined],
    ]);
  });

  it('ends a field on its last character, not on the next line', () => {
    const [deployment] = provideDocumentSymbols(fileOf(DEPLOYMENT));
    assert.deepEqual(child(deployment, 'metadata').range, { start: { line: 2, character: 0 }, end: { line: 3, character: 11 } });
  });

  /** Fails unless every selection is inside its range and every child inside its parent. */
  function checkNesting(symbols: readonly DocumentSymbol[], label: string): void {
    const check = (symbol: DocumentSymbol): void => {
      assert.ok(contains(symbol.range, symbol.selectionRange), `${label}: selection of ${symbol.name}`);
      for (const inner of symbol.children ?? []) {
        assert.ok(contains(symbol.range, inner.range), `${label}: ${inner.name} in ${symbol.name}`);
        check(inner);
      }
    };
    symbols.forEach(check);
  }

  it('keeps every range inside its parent and every selection inside its range', () => {
    checkNesting(provideDocumentSymbols(fileOf(`${DEPLOYMENT}---\n${SERVICE}`)), 'fixture');
  });

  it('bounds the depth of the outline', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\n${Array.from({ length: 12 }, (_, level) => `${'  '.repeat(level)}l${level}:`).join('\n')} x\n`;
    const [configMap] = provideDocumentSymbols(fileOf(deep));
    assert.equal(depth(configMap!) - 1, MAX_SYMBOL_DEPTH);
  });

  it('bounds the count, keeping the top of the tree', () => {
    const data = Array.from({ length: 3000 }, (_, index) => `  key${index}: value`).join('\n');
    const [configMap] = provideDocumentSymbols(fileOf(`apiVersion: v1\nkind: ConfigMap\ndata:\n${data}\nmetadata:\n  name: big\n`));
    const count = all([configMap!]).length - 1;
    assert.ok(count <= MAX_SYMBOLS_PER_DOCUMENT, `${count} symbols`);
    assert.deepEqual(configMap!.children!.map((symbol) => symbol.name), ['apiVersion', 'kind', 'data', 'metadata']);
  });

  it('skips empty documents and names the ones without kind or name', () => {
    const text = `# only a comment\n---\napiVersion: v1\nkind: Namespace\n---\nfoo: bar\n---\n${SERVICE}`;
    assert.deepEqual(provideDocumentSymbols(fileOf(text)).map((symbol) => symbol.name), ['Namespace', 'Document 3', 'Service web']);
  });

  it('gives empty keys and long values a usable name', () => {
    const [configMap] = provideDocumentSymbols(fileOf(`apiVersion: v1\nkind: ConfigMap\ndata:\n  "": x\n  k: ${'a'.repeat(500)}\n`));
    assert.equal(child(configMap, 'data').children![0]!.name, '""');
    assert.equal(child(configMap, 'data', 'k').detail!.length, 60);
  });

  it('gives no outline to YAML files that are not Kubernetes manifests', () => {
    assert.deepEqual(provideDocumentSymbols(fileOf('services:\n  web:\n    image: nginx\n')), []);
  });

  // Timing is measured by npm run bench; here, that a big file is fully served.
  it('serves a 5,000-line file', () => {
    const body = Array.from({ length: 500 }, (_, index) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${index}\ndata:\n  a: "1"\n  b: |\n    x\n    y\n`);
    const file = fileOf(body.join(''));
    const symbols = provideDocumentSymbols(file);
    assert.equal(symbols.length, 500);
    assert.equal(symbols[499]!.name, 'ConfigMap c499');
  });

  it('never throws on malformed YAML, and nests its ranges even then', () => {
    const source = `${DEPLOYMENT}\tbad: [1, {a: \n  - oops\n---\n${SERVICE}x: &a [*a]\n"unterminated`;
    for (let length = 0; length <= source.length; length++) {
      const text = source.slice(0, length);
      checkNesting(provideDocumentSymbols(fileOf(text)), JSON.stringify(text));
    }
  });
});
