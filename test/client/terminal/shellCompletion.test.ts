import * as assert from 'node:assert/strict';
import { openExec } from '../../../simulator/src/network/shell/execShell';
import { completeInShell } from '../../../client/src/terminal/shellCompletion';
import { podNames, runningCluster } from './fixtures';

describe('terminal: Tab in a container shell', () => {
  const cluster = runningCluster();
  const opened = openExec(() => cluster, { namespace: 'default', pod: podNames(cluster, 'web')[0]!, tty: true });
  if (!opened.ok) throw new Error(opened.error);
  const shell = opened.shell;
  shell.enter(['sh']);

  it('completes the paths of the container', () => {
    assert.deepEqual(completeInShell(shell, 'cat /etc/con')?.candidates, ['/etc/config/']);
    assert.deepEqual(completeInShell(shell, 'cat /etc/config/g'), { start: 4, candidates: ['/etc/config/greeting'] });
  });

  it('offers the common commands for the first word, relative paths from the current folder', () => {
    assert.deepEqual(completeInShell(shell, 'c')?.candidates.slice(0, 3), ['cat', 'cd', 'curl']);
    shell.runLine('cd /etc/config');
    assert.deepEqual(completeInShell(shell, 'cat gr'), { start: 4, candidates: ['greeting'] });
  });

  it('leaves a line with an open quote alone', () => {
    assert.equal(completeInShell(shell, "cat '/etc"), undefined);
  });
});
