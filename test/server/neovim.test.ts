import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distFile } from '../support/dist';

// Neovim's built-in LSP client is an independent implementation of the protocol: if it
// reads our French diagnostics and hovers, any LSP editor can. Debian's `neovim` (0.7)
// is enough; CI installs it. The init.lua template does the client's part.

const manifest = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  revisionHistoryLimt: 5',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '',
].join('\n');

interface NeovimResult {
  published?: boolean;
  diagnostics?: Array<{ lnum: number; col: number; severity: number; source: string; message: string }>;
  hover?: { contents: { kind: string; value: string } } | null;
  error?: string | null;
}

const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('server: through Neovim’s built-in LSP client (skipped when `nvim` is not installed)', function () {
  this.timeout(40_000);
  let dir: string;
  let result: NeovimResult;

  before(function () {
    if (!hasNeovim) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'atelier-nvim-'));
    const file = join(dir, 'deployment.yaml');
    const out = join(dir, 'result.json');
    writeFileSync(file, manifest);
    const template = readFileSync(join(__dirname, 'neovim', 'init.lua'), 'utf8');
    const values: Record<string, string | number> = {
      NODE: JSON.stringify(process.execPath),
      SERVER: JSON.stringify(distFile('server.js')),
      ROOT: JSON.stringify(dir),
      OUT: JSON.stringify(out),
      HOVER_LINE: 5,
      HOVER_CHARACTER: 4,
    };
    const init = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
    writeFileSync(join(dir, 'init.lua'), init);
    // -n: no swap file, -i NONE: no shada; nothing of the user's set-up is read.
    const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 0, `nvim exited with ${run.status} (${run.signal ?? 'no signal'}): ${run.stderr}`);
    result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
    assert.equal(result.error ?? null, null, `the init.lua failed: ${String(result.error)}`);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the French diagnostic of an unknown field, with its suggestion', () => {
    assert.equal(result.published, true);
    const unknown = result.diagnostics?.find((d) => /revisionHistoryLimt/.test(d.message));
    assert.ok(unknown, JSON.stringify(result.diagnostics));
    assert.equal(unknown.lnum, 6);
    assert.equal(unknown.col, 2);
    assert.equal(unknown.severity, 1);
    assert.equal(unknown.source, 'atelier-kubernetes');
    assert.match(unknown.message, /Voulais-tu dire « revisionHistoryLimit » \?/);
  });

  it('shows the French documentation of a key on hover', () => {
    assert.equal(result.hover?.contents.kind, 'markdown');
    assert.match(result.hover?.contents.value ?? '', /Pods identiques/);
  });
});
