import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { distFile, PACKAGE_VERSION as version } from '../../support/dist';

const atelier = (...args: string[]) => spawnSync(process.execPath, [distFile('cli.js'), ...args], { encoding: 'utf8' });

describe('simulator/cli: dist/cli.js (the `atelier` command)', () => {
  it('is an executable script', () => {
    assert.match(readFileSync(distFile('cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('prints the version of package.json', () => {
    const run = atelier('version');
    assert.equal(run.status, 0);
    assert.equal(run.stdout.split('\n')[0], `atelier ${version}`);
  });

  it('exits with 2 and a French message on stderr for an unknown command', () => {
    const run = atelier('apploy');
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /commande inconnue « apploy »/);
  });
});
