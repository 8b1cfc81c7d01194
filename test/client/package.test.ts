import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../support/dist';

describe('client: the .vsix contents (vsce ls)', function () {
  this.timeout(60_000);

  it('holds only what VS Code loads: bundles, manifest, texts and contributed files', () => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const run = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const files = run.stdout.split('\n').filter(Boolean).sort();
    for (const needed of ['package.json', 'package.nls.json', 'package.nls.fr.json', 'README.md', 'dist/client.js', 'dist/server.js']) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const allowed = /^(package(\.nls(\.[a-z-]+)?)?\.json|README\.md|dist\/(client|server)\.js|l10n\/bundle\.l10n(\.[a-z-]+)?\.json|media\/.+|snippets\/.+|walkthroughs\/.+)$/;
    for (const file of files) assert.match(file, allowed, `${file} should not be in the package`);
  });
});
