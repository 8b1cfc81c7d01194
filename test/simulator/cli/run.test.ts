import * as assert from 'node:assert/strict';
import { runCli } from '../../../simulator/cli/run';

const info = { atelierVersion: '1.2.3', kubernetesVersion: 'v1.30.0' };

describe('simulator/cli/run', () => {
  it('prints the usage, listing every command, with no argument or with help', () => {
    for (const args of [[], ['help'], ['--help'], ['-h']]) {
      const result = runCli(args, info);
      assert.equal(result.exitCode, 0);
      assert.match(result.stdout, /Usage : atelier <commande>/);
      assert.match(result.stdout, /^ {2}version +affiche la version/m);
      assert.equal(result.stderr, '');
    }
  });

  it('prints its own version and the simulated API version', () => {
    const result = runCli(['--version'], info);
    assert.equal(result.stdout, 'atelier 1.2.3\nAPI Kubernetes simulée : v1.30.0\n');
  });

  it('rejects an unknown command with exit code 2 and a suggestion for a typo', () => {
    const result = runCli(['verison'], info);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /commande inconnue « verison »/);
    assert.match(result.stderr, /Voulais-tu dire « atelier version » \?/);
  });

  it('suggests nothing when no command is close', () => {
    const result = runCli(['xyzzy'], info);
    assert.equal(result.exitCode, 2);
    assert.doesNotMatch(result.stderr, /Voulais-tu dire/);
    assert.match(result.stderr, /atelier help/);
  });
});
